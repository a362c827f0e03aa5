package semaine.ensemble;

import semaine.util.Parallel;

/**
 * The split search and the sample partition of one gradient boosting tree (scikit-learn's
 * {@code Splitter}).
 *
 * <p>A node's histogram ({@link HistogramBuilder}) holds, per feature and bin, the float64 sums of
 * its samples' float32 gradients and hessians, and their count. Only the smaller child's histogram
 * is summed from its samples; the larger child's is its parent's minus the smaller one's. When the
 * hessians are constant (squared error) the counts stand for them.
 *
 * <p>The split of a node is searched feature by feature, bins left to right with NaN going right,
 * then, for a feature that had NaN in training, right to left with NaN going left (taking over only
 * on a strictly larger gain). A side with fewer than {@code min_samples_leaf} samples or a hessian
 * sum below 1e-3 is skipped. A side's value is {@code −G/(H + l2 + 1e-15)}; the gain is
 * {@code G·v − G_L·v_L − G_R·v_R} with the node's own value v. The first feature with the largest
 * gain wins, if its gain is above zero.
 *
 * <p>A categorical feature is searched as scikit-learn does ({@code _find_best_bin_to_split_category},
 * after Fisher's "On Grouping for Maximum Homogeneity"): see {@link #scanCategories}. With
 * monotonic constraints, the children's values are clipped to the node's bounds, and a split whose
 * left value is above the right one (increasing constraint; below it, decreasing) is rejected.
 */
final class HistSplitter {

  /** scikit-learn's grower default {@code min_hessian_to_split}. */
  static final double MIN_HESSIAN_TO_SPLIT = 1e-3;
  /** scikit-learn's grower default {@code min_gain_to_split}. */
  static final double MIN_GAIN_TO_SPLIT = 0.0;
  /** LightGBM's {@code cat_smooth}: the least hessian sum of a category searched, its smoothing. */
  static final double MIN_CAT_SUPPORT = 10.0;
  /** The samples of a node below which one thread splits it. */
  private static final int PARALLEL_SPLIT = 1 << 14;

  /** One node's histograms, feature f's bin b at index {@code f·nBins + b}. */
  record Histograms(double[] sumGradients, double[] sumHessians, int[] count) {}

  /**
   * The best split of a node ({@code SplitInfo}).
   *
   * @param gain the gain, −1 when no split was found
   * @param binIdx bins up to it go left (0 for a categorical split)
   * @param leftCatBitset for a categorical split, the bins going left (missing values' bin too),
   *     eight 32-bit words; else null
   */
  record SplitInfo(double gain, int featureIdx, int binIdx, boolean missingGoToLeft,
      double sumGradientLeft, double sumHessianLeft, double sumGradientRight,
      double sumHessianRight, int nSamplesLeft, int nSamplesRight, double valueLeft,
      double valueRight, boolean isCategorical, int[] leftCatBitset) {

    static final SplitInfo NONE =
        new SplitInfo(-1, 0, 0, false, 0, 0, 0, 0, 0, 0, 0, 0, false, null);

    /** The same split, missing values going left or not. */
    SplitInfo withMissingGoToLeft(boolean goLeft) {
      return new SplitInfo(gain, featureIdx, binIdx, goLeft, sumGradientLeft, sumHessianLeft,
          sumGradientRight, sumHessianRight, nSamplesLeft, nSamplesRight, valueLeft, valueRight,
          isCategorical, leftCatBitset);
    }
  }

  /** One category of a categorical search: its bin and {@code G / (H + MIN_CAT_SUPPORT)}. */
  private record CategoryInfo(int bin, double value) {}

  private final byte[][] binned;
  private final boolean constantHessians;
  private final float constantHessian;
  private final int nBins;
  private final int[] nBinsNonMissing;
  private final boolean[] hasMissingValues;
  private final int minSamplesLeaf;
  private final double l2;
  private final int missingBin;
  private final FeatureSubsampler subsampler;
  private final boolean[] isCategorical;
  private final int[] monotonicCst;

  /**
   * @param binned (n_features, n_samples) the training bins
   * @param constantHessian the hessian, one value, when every sample's is the same (squared
   *     error); null when they vary
   * @param nBins max_bins + 1
   * @param subsampler the features' draws when max_features is below 1, else null
   * @param isCategorical (n_features,) the categorical features
   * @param monotonicCst (n_features,) −1, 0 or 1 per feature, or null for no constraint
   */
  HistSplitter(byte[][] binned, float[] constantHessian, int nBins,
      int[] nBinsNonMissing, boolean[] hasMissingValues, int minSamplesLeaf, double l2,
      FeatureSubsampler subsampler, boolean[] isCategorical, int[] monotonicCst) {
    this.isCategorical = isCategorical;
    this.monotonicCst = monotonicCst;
    this.binned = binned;
    this.constantHessians = constantHessian != null;
    this.constantHessian = constantHessians ? constantHessian[0] : Float.NaN;
    this.nBins = nBins;
    this.nBinsNonMissing = nBinsNonMissing;
    this.hasMissingValues = hasMissingValues;
    this.minSamplesLeaf = minSamplesLeaf;
    this.l2 = l2;
    this.missingBin = nBins - 1;
    this.subsampler = subsampler;
  }

  boolean constantHessians() {
    return constantHessians;
  }

  float constantHessian() {
    return constantHessian;
  }

  int nBins() {
    return nBins;
  }

  boolean hasMissingValues(int feature) {
    return hasMissingValues[feature];
  }

  /** The monotonic constraint of a feature: −1, 0 or 1. */
  int monotonicCst(int feature) {
    return monotonicCst == null ? 0 : monotonicCst[feature];
  }

  /**
   * {@code find_node_split}: the best split of a node, {@link SplitInfo#NONE} if none.
   *
   * @param value the node's (bounded) value
   * @param lower the least value of its children (monotonic constraints; else −inf)
   * @param upper the largest value of its children (else +inf)
   */
  SplitInfo findNodeSplit(int nSamples, Histograms hist, double sumGradients,
      double sumHessians, double value, double lower, double upper) {
    Bounds bounds = new Bounds(lower, upper);
    int nFeatures = binned.length;
    SplitInfo[] best = new SplitInfo[nFeatures];
    boolean[] allowed = subsampler == null ? null : subsampler.draw(nFeatures);
    for (int f = 0; f < nFeatures; f++) {
      if (allowed != null && !allowed[f]) {
        continue;
      }
      if (isCategorical[f]) {
        best[f] = scanCategories(f, hist, nSamples, sumGradients, sumHessians, value, bounds);
        continue;
      }
      SplitInfo split =
          scan(f, hist, nSamples, sumGradients, sumHessians, value, bounds, false, null);
      if (hasMissingValues[f]) {
        split = scan(f, hist, nSamples, sumGradients, sumHessians, value, bounds, true, split);
      }
      best[f] = split;
    }
    int bestIdx = 0;
    for (int f = 1; f < nFeatures; f++) {
      if (gain(best[f]) > gain(best[bestIdx])) {
        bestIdx = f;
      }
    }
    return best[bestIdx] == null ? SplitInfo.NONE : best[bestIdx];
  }

  private static double gain(SplitInfo split) {
    return split == null ? -1 : split.gain;
  }

  /**
   * {@code _find_best_bin_to_split_left_to_right} (missing right) or, with {@code missingLeft},
   * {@code _find_best_bin_to_split_right_to_left}: the best bin of one feature, or
   * {@code previous} when none beats it.
   */
  private SplitInfo scan(int f, Histograms hist, int nSamples, double sumGradients,
      double sumHessians, double value, Bounds bounds, boolean missingLeft, SplitInfo previous) {
    int offset = f * nBins;
    double lossCurrentNode = sumGradients * value;
    double bestGain = gain(previous);
    int bestBin = -1;
    double bestGradientLeft = 0;
    double bestHessianLeft = 0;
    int bestCountLeft = 0;
    double gradientSide = 0;
    double hessianSide = 0;
    int countSide = 0;
    int nbnm = nBinsNonMissing[f];
    int end = missingLeft ? nbnm - 1 : nbnm - 1 + (hasMissingValues[f] ? 1 : 0);
    for (int step = 0; step < end; step++) {
      int binIdx = missingLeft ? nbnm - 2 - step : step;
      int b = offset + (missingLeft ? binIdx + 1 : binIdx);
      countSide += hist.count[b];
      hessianSide += constantHessians ? hist.count[b] : hist.sumHessians[b];
      gradientSide += hist.sumGradients[b];
      int countOther = nSamples - countSide;
      double hessianOther = sumHessians - hessianSide;
      double gradientOther = sumGradients - gradientSide;
      if (countSide < minSamplesLeaf) {
        continue;
      }
      if (countOther < minSamplesLeaf) {
        break;
      }
      if (hessianSide < MIN_HESSIAN_TO_SPLIT) {
        continue;
      }
      if (hessianOther < MIN_HESSIAN_TO_SPLIT) {
        break;
      }
      double gradientLeft = missingLeft ? gradientOther : gradientSide;
      double hessianLeft = missingLeft ? hessianOther : hessianSide;
      double gradientRight = missingLeft ? gradientSide : gradientOther;
      double hessianRight = missingLeft ? hessianSide : hessianOther;
      double gain = splitGain(gradientLeft, hessianLeft, gradientRight, hessianRight,
          lossCurrentNode, monotonicCst(f), bounds);
      if (gain > bestGain && gain > MIN_GAIN_TO_SPLIT) {
        bestGain = gain;
        bestBin = binIdx;
        bestGradientLeft = gradientLeft;
        bestHessianLeft = hessianLeft;
        bestCountLeft = missingLeft ? countOther : countSide;
      }
    }
    if (bestBin < 0) {
      return previous;
    }
    double gradientRight = sumGradients - bestGradientLeft;
    double hessianRight = sumHessians - bestHessianLeft;
    return new SplitInfo(bestGain, f, bestBin, missingLeft, bestGradientLeft, bestHessianLeft,
        gradientRight, hessianRight, bestCountLeft, nSamples - bestCountLeft,
        nodeValue(bestGradientLeft, bestHessianLeft, bounds),
        nodeValue(gradientRight, hessianRight, bounds), false, null);
  }

  /** The bounds of a node's children values (monotonic constraints). */
  record Bounds(double lower, double upper) {}

  /**
   * {@code _split_gain}: the loss reduction {@code G·v − G_L·v_L − G_R·v_R} with the children's
   * bounded values, or −1 when they break the feature's monotonic constraint.
   */
  private double splitGain(double gradientLeft, double hessianLeft, double gradientRight,
      double hessianRight, double lossCurrentNode, int cst, Bounds bounds) {
    double valueLeft = nodeValue(gradientLeft, hessianLeft, bounds);
    double valueRight = nodeValue(gradientRight, hessianRight, bounds);
    if ((cst == 1 && valueLeft > valueRight) || (cst == -1 && valueLeft < valueRight)) {
      return -1;
    }
    return lossCurrentNode - gradientLeft * valueLeft - gradientRight * valueRight;
  }

  /**
   * {@code compute_node_value}: {@code −G/(H + l2 + 1e-15)}, clipped to the bounds.
   */
  double nodeValue(double sumGradient, double sumHessian, Bounds bounds) {
    double value = -sumGradient / (sumHessian + l2 + 1e-15);
    if (value < bounds.lower()) {
      return bounds.lower();
    }
    return value > bounds.upper() ? bounds.upper() : value;
  }

  /**
   * {@code _find_best_bin_to_split_category}: the categories (NaN as one more, if the feature had
   * NaN in training) whose hessian sum, scaled by {@code n / H}, reaches {@link #MIN_CAT_SUPPORT}
   * are sorted by {@code G / (H + MIN_CAT_SUPPORT)} (as glibc's {@code qsort}, a merge sort, sorts
   * them); then the first ones of that order go left, scanned up to the middle from the start and
   * from the end. The other categories always go right. The best split sends its categories' bins
   * left: a bitset, which also says where NaN goes.
   */
  private SplitInfo scanCategories(int f, Histograms hist, int nSamples, double sumGradients,
      double sumHessians, double value, Bounds bounds) {
    int offset = f * nBins;
    int nbnm = nBinsNonMissing[f];
    double supportFactor = nSamples / sumHessians;
    CategoryInfo[] infos = new CategoryInfo[nbnm + 1];
    int nUsed = 0;
    for (int bin = 0; bin <= nbnm; bin++) {
      if (bin == nbnm) {
        if (!hasMissingValues[f]) {
          break;
        }
        bin = missingBin;
      }
      double hessianBin = constantHessians ? hist.count[offset + bin]
          : hist.sumHessians[offset + bin];
      if (hessianBin * supportFactor >= MIN_CAT_SUPPORT) {
        infos[nUsed++] = new CategoryInfo(bin,
            hist.sumGradients[offset + bin] / (hessianBin + MIN_CAT_SUPPORT));
      }
    }
    if (nUsed <= 1) {
      return null;
    }
    mergeSort(infos, 0, nUsed, new CategoryInfo[nUsed]);
    double lossCurrentNode = sumGradients * value;
    double bestGain = -1;
    int bestThreshold = -1;
    int bestDirection = 0;
    double bestGradientLeft = 0;
    double bestHessianLeft = 0;
    int bestCountLeft = 0;
    for (int direction : new int[] {1, -1}) {
      int middle = (nUsed + 1) / 2 - (direction == 1 ? 0 : 1);
      double gradientLeft = 0;
      double hessianLeft = 0;
      int countLeft = 0;
      for (int i = 0; i < middle; i++) {
        int sorted = direction == 1 ? i : nUsed - 1 - i;
        int b = offset + infos[sorted].bin();
        countLeft += hist.count[b];
        hessianLeft += constantHessians ? hist.count[b] : hist.sumHessians[b];
        gradientLeft += hist.sumGradients[b];
        double hessianRight = sumHessians - hessianLeft;
        double gradientRight = sumGradients - gradientLeft;
        if (countLeft < minSamplesLeaf || hessianLeft < MIN_HESSIAN_TO_SPLIT) {
          continue;
        }
        if (nSamples - countLeft < minSamplesLeaf || hessianRight < MIN_HESSIAN_TO_SPLIT) {
          break;
        }
        double gain = splitGain(gradientLeft, hessianLeft, gradientRight, hessianRight,
            lossCurrentNode, monotonicCst(f), bounds);
        if (gain > bestGain && gain > MIN_GAIN_TO_SPLIT) {
          bestGain = gain;
          bestThreshold = sorted;
          bestGradientLeft = gradientLeft;
          bestHessianLeft = hessianLeft;
          bestCountLeft = countLeft;
          bestDirection = direction;
        }
      }
    }
    if (bestThreshold < 0) {
      return null;
    }
    int[] bitset = new int[8];
    int from = bestDirection == 1 ? 0 : bestThreshold;
    int to = bestDirection == 1 ? bestThreshold : nUsed - 1;
    for (int sorted = from; sorted <= to; sorted++) {
      int bin = infos[sorted].bin();
      bitset[bin >>> 5] |= 1 << (bin & 31);
    }
    double gradientRight = sumGradients - bestGradientLeft;
    double hessianRight = sumHessians - bestHessianLeft;
    return new SplitInfo(bestGain, f, 0, hasMissingValues[f] && inBitset(bitset, missingBin),
        bestGradientLeft, bestHessianLeft, gradientRight, hessianRight, bestCountLeft,
        nSamples - bestCountLeft, nodeValue(bestGradientLeft, bestHessianLeft, bounds),
        nodeValue(gradientRight, hessianRight, bounds), true, bitset);
  }

  /** Whether a bin is in a bitset of eight 32-bit words ({@code in_bitset}). */
  static boolean inBitset(int[] bitset, int bin) {
    return ((bitset[bin >>> 5] >>> (bin & 31)) & 1) != 0;
  }

  /**
   * glibc's {@code msort} with scikit-learn's comparison ({@code a < b ? −1 : 1}): halves sorted
   * in turn, then merged taking the first half's item only when strictly smaller, so that equal
   * values come out as {@code qsort} leaves them.
   */
  private static void mergeSort(CategoryInfo[] a, int from, int to, CategoryInfo[] tmp) {
    int n = to - from;
    if (n <= 1) {
      return;
    }
    int mid = from + n / 2;
    mergeSort(a, from, mid, tmp);
    mergeSort(a, mid, to, tmp);
    int i = from;
    int j = mid;
    int k = 0;
    while (i < mid && j < to) {
      tmp[k++] = a[i].value() < a[j].value() ? a[i++] : a[j++];
    }
    while (i < mid) {
      tmp[k++] = a[i++];
    }
    System.arraycopy(tmp, 0, a, from, k);
  }

  /**
   * {@code split_indices}: reorders {@code samples[from, to)} stably, the rows going left first;
   * returns the position of the first right row. A large node is cut in chunks, as scikit-learn
   * cuts it among its threads; each chunk reads its rows' bins once, keeping its left rows in place
   * (packed at its start) and writing its right rows to {@code buffer}, without a branch on the
   * side (a table of the bins going left says it). Then the chunks' left rows are moved together,
   * and their right rows copied after them.
   */
  int splitIndices(SplitInfo split, int[] samples, int from, int to, int[] buffer) {
    byte[] column = binned[split.featureIdx];
    int[] goLeft = new int[nBins];
    for (int bin = 0; bin < nBins; bin++) {
      goLeft[bin] = goesLeft(split, bin) ? 1 : 0;
    }
    int n = to - from;
    int chunks = Math.max(1, n / PARALLEL_SPLIT);
    int[] nLefts = new int[chunks];
    Parallel.forRange(chunks, 1, (c0, c1) -> {
      for (int c = c0; c < c1; c++) {
        int start = chunkStart(from, n, chunks, c);
        int stop = chunkStart(from, n, chunks, c + 1);
        int left = start;
        int right = start;
        for (int k = start; k < stop; k++) {
          int i = samples[k];
          int isLeft = goLeft[column[i] & 0xFF];
          samples[left] = i;
          buffer[right] = i;
          left += isLeft;
          right += 1 - isLeft;
        }
        nLefts[c] = left - start;
      }
    });
    int next = from;
    for (int c = 0; c < chunks; c++) {
      System.arraycopy(samples, chunkStart(from, n, chunks, c), samples, next, nLefts[c]);
      next += nLefts[c];
    }
    int middle = next;
    for (int c = 0; c < chunks; c++) {
      int start = chunkStart(from, n, chunks, c);
      int nRight = chunkStart(from, n, chunks, c + 1) - start - nLefts[c];
      System.arraycopy(buffer, start, samples, next, nRight);
      next += nRight;
    }
    return middle;
  }

  private static int chunkStart(int from, int n, int chunks, int c) {
    return from + (int) ((long) n * c / chunks);
  }

  private boolean goesLeft(SplitInfo split, int bin) {
    return split.isCategorical ? inBitset(split.leftCatBitset, bin)
        : (split.missingGoToLeft && bin == missingBin) || bin <= split.binIdx;
  }
}
