package semaine.ensemble;

import semaine.util.Parallel;

/**
 * The histograms and the split search of one gradient boosting tree (scikit-learn's
 * {@code HistogramBuilder} and {@code Splitter}).
 *
 * <p>A node's histogram holds, per feature and bin, the float64 sums of its samples' float32
 * gradients and hessians, added in the order of the node's samples, and their count. Only the
 * smaller child's histogram is summed from its samples; the larger child's is its parent's minus
 * the smaller one's. When the hessians are constant (squared error) the counts stand for them.
 *
 * <p>The split of a node is searched feature by feature, bins left to right with NaN going right,
 * then, for a feature that had NaN in training, right to left with NaN going left (taking over only
 * on a strictly larger gain). A side with fewer than {@code min_samples_leaf} samples or a hessian
 * sum below 1e-3 is skipped. A side's value is {@code −G/(H + l2 + 1e-15)}; the gain is
 * {@code G·v − G_L·v_L − G_R·v_R} with the node's own value v. The first feature with the largest
 * gain wins, if its gain is above zero. The histograms of a large node are summed in parallel,
 * one thread per feature, each in sample order, so the sums do not depend on the threads.
 */
final class HistSplitter {

  /** scikit-learn's grower default {@code min_hessian_to_split}. */
  static final double MIN_HESSIAN_TO_SPLIT = 1e-3;
  /** scikit-learn's grower default {@code min_gain_to_split}. */
  static final double MIN_GAIN_TO_SPLIT = 0.0;
  /** The samples × features of a histogram below which one thread sums it. */
  private static final long PARALLEL_WORK = 1 << 18;

  /** One node's histograms, feature f's bin b at index {@code f·nBins + b}. */
  record Histograms(double[] sumGradients, double[] sumHessians, int[] count) {}

  /**
   * The best split of a node ({@code SplitInfo}).
   *
   * @param gain the gain, −1 when no split was found
   * @param binIdx bins up to it go left
   */
  record SplitInfo(double gain, int featureIdx, int binIdx, boolean missingGoToLeft,
      double sumGradientLeft, double sumHessianLeft, double sumGradientRight,
      double sumHessianRight, int nSamplesLeft, int nSamplesRight, double valueLeft,
      double valueRight) {

    static final SplitInfo NONE =
        new SplitInfo(-1, 0, 0, false, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  private final byte[][] binned;
  private final float[] gradients;
  private final float[] hessians;
  private final boolean constantHessians;
  private final int nBins;
  private final int[] nBinsNonMissing;
  private final boolean[] hasMissingValues;
  private final int minSamplesLeaf;
  private final double l2;
  private final int missingBin;
  private final FeatureSubsampler subsampler;

  /**
   * @param binned (n_features, n_samples) the training bins
   * @param gradients (n_samples,) the float32 gradients
   * @param hessians (n_samples,) the float32 hessians, or one value when they are constant
   * @param nBins max_bins + 1
   * @param subsampler the features' draws when max_features is below 1, else null
   */
  HistSplitter(byte[][] binned, float[] gradients, float[] hessians, int nBins,
      int[] nBinsNonMissing, boolean[] hasMissingValues, int minSamplesLeaf, double l2,
      FeatureSubsampler subsampler) {
    this.binned = binned;
    this.gradients = gradients;
    this.hessians = hessians;
    this.constantHessians = hessians.length == 1;
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
    return hessians[0];
  }

  int nBins() {
    return nBins;
  }

  boolean hasMissingValues(int feature) {
    return hasMissingValues[feature];
  }

  /** {@code compute_histograms_brute}: the sums over {@code samples[from, to)}, in that order. */
  Histograms histograms(int[] samples, int from, int to) {
    int nFeatures = binned.length;
    double[] g = new double[nFeatures * nBins];
    double[] h = constantHessians ? null : new double[nFeatures * nBins];
    int[] count = new int[nFeatures * nBins];
    Parallel.RangeBody body = (f0, f1) -> {
      for (int f = f0; f < f1; f++) {
        byte[] column = binned[f];
        int offset = f * nBins;
        for (int k = from; k < to; k++) {
          int i = samples[k];
          int b = offset + (column[i] & 0xFF);
          g[b] += gradients[i];
          if (h != null) {
            h[b] += hessians[i];
          }
          count[b]++;
        }
      }
    };
    if ((long) (to - from) * nFeatures < PARALLEL_WORK) {
      body.run(0, nFeatures);
    } else {
      Parallel.forRange(nFeatures, 1, body);
    }
    return new Histograms(g, h, count);
  }

  /** {@code compute_histograms_subtraction}: the parent's histograms minus the sibling's. */
  static Histograms subtract(Histograms parent, Histograms sibling) {
    double[] g = new double[parent.sumGradients.length];
    double[] h = parent.sumHessians == null ? null : new double[g.length];
    int[] count = new int[g.length];
    for (int b = 0; b < g.length; b++) {
      g[b] = parent.sumGradients[b] - sibling.sumGradients[b];
      if (h != null) {
        h[b] = parent.sumHessians[b] - sibling.sumHessians[b];
      }
      count[b] = parent.count[b] - sibling.count[b];
    }
    return new Histograms(g, h, count);
  }

  /** {@code find_node_split}: the best split of a node, {@link SplitInfo#NONE} if none. */
  SplitInfo findNodeSplit(int nSamples, Histograms hist, double sumGradients,
      double sumHessians, double value) {
    int nFeatures = binned.length;
    SplitInfo[] best = new SplitInfo[nFeatures];
    boolean[] allowed = subsampler == null ? null : subsampler.draw(nFeatures);
    for (int f = 0; f < nFeatures; f++) {
      if (allowed != null && !allowed[f]) {
        continue;
      }
      SplitInfo split = scan(f, hist, nSamples, sumGradients, sumHessians, value, false, null);
      if (hasMissingValues[f]) {
        split = scan(f, hist, nSamples, sumGradients, sumHessians, value, true, split);
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
      double sumHessians, double value, boolean missingLeft, SplitInfo previous) {
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
      double gain = lossCurrentNode
          - gradientLeft * nodeValue(gradientLeft, hessianLeft)
          - gradientRight * nodeValue(gradientRight, hessianRight);
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
        nodeValue(bestGradientLeft, bestHessianLeft), nodeValue(gradientRight, hessianRight));
  }

  /** {@code compute_node_value} without bounds: {@code −G/(H + l2 + 1e-15)}. */
  double nodeValue(double sumGradient, double sumHessian) {
    return -sumGradient / (sumHessian + l2 + 1e-15);
  }

  /**
   * {@code split_indices}: reorders {@code samples[from, to)} stably, the rows going left first;
   * returns the position of the first right row.
   */
  int splitIndices(SplitInfo split, int[] samples, int from, int to, int[] buffer) {
    byte[] column = binned[split.featureIdx];
    int left = from;
    int right = 0;
    for (int k = from; k < to; k++) {
      int i = samples[k];
      int bin = column[i] & 0xFF;
      boolean goLeft = (split.missingGoToLeft && bin == missingBin) || bin <= split.binIdx;
      if (goLeft) {
        samples[left++] = i;
      } else {
        buffer[right++] = i;
      }
    }
    System.arraycopy(buffer, 0, samples, left, right);
    return left;
  }
}
