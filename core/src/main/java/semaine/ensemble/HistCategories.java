package semaine.ensemble;

import java.util.Arrays;
import java.util.List;

/**
 * The categorical features of a histogram gradient boosting, encoded as scikit-learn 1.9 encodes
 * them before binning ({@code _preprocess_X}: an {@code OrdinalEncoder} in a
 * {@code ColumnTransformer}).
 *
 * <p>{@code categorical_features} names them by indices or by a boolean mask; its default
 * "from_dtype" finds categorical columns in a dataframe's dtypes, so on a plain array, as here, no
 * feature is categorical (scikit-learn does the same on a NumPy array). A categorical column's
 * categories are its distinct non-NaN values, sorted, found on every row given to {@code fit}
 * (before the validation split); a value becomes the index of its category, NaN and a category
 * unseen in fit become NaN (a missing value). At most {@code max_bins} categories per feature.
 * The encoded columns come first, the numerical ones after them, each group in its original order:
 * the trees' feature indices, {@code monotonic_cst} and the bins refer to that order.
 *
 * @param isCategorical (n_features,) 1 for a categorical feature, in the original order
 *     ({@code is_categorical_})
 * @param categories (n_categorical_features,) each categorical feature's sorted categories
 *     ({@code categories_} of the encoder)
 */
record HistCategories(int[] isCategorical, FeatureCategories[] categories) {

  /** The sorted distinct values of one categorical feature. */
  public record FeatureCategories(double[] values) {}

  /**
   * The categorical features that {@code categoricalFeatures} names, with their categories on X;
   * null when no feature is categorical.
   *
   * @throws IllegalArgumentException for an index out of range, a mask of the wrong length, or a
   *     feature with more than maxBins categories
   */
  static HistCategories fit(Object categoricalFeatures, double[][] X, int maxBins) {
    int d = X[0].length;
    boolean[] mask = mask(categoricalFeatures, d);
    if (mask == null) {
      return null;
    }
    int[] isCategorical = new int[d];
    List<FeatureCategories> categories = new java.util.ArrayList<>();
    for (int f = 0; f < d; f++) {
      if (!mask[f]) {
        continue;
      }
      isCategorical[f] = 1;
      double[] values = new double[X.length];
      int size = 0;
      for (double[] row : X) {
        if (!Double.isNaN(row[f])) {
          values[size++] = row[f] == 0.0 ? 0.0 : row[f];
        }
      }
      double[] sorted = Arrays.copyOf(values, size);
      Arrays.sort(sorted);
      double[] distinct = Arrays.stream(sorted).distinct().toArray();
      if (distinct.length > maxBins) {
        throw new IllegalArgumentException("Categorical feature at index " + f + " is expected to"
            + " have a cardinality <= " + maxBins + " but actually has a cardinality of "
            + distinct.length + " (max_bins bounds the categories of a feature)");
      }
      categories.add(new FeatureCategories(distinct));
    }
    return new HistCategories(isCategorical, categories.toArray(FeatureCategories[]::new));
  }

  /** {@code _check_categorical_features}: the mask of the categorical features, null for none. */
  private static boolean[] mask(Object categoricalFeatures, int d) {
    if (categoricalFeatures == null || "from_dtype".equals(categoricalFeatures)) {
      return null;
    }
    boolean[] mask = new boolean[d];
    if (categoricalFeatures instanceof int[] indices) {
      for (int f : indices) {
        if (f < 0 || f >= d) {
          throw new IllegalArgumentException("categorical_features set as integer indices must be"
              + " in [0, n_features - 1] = [0, " + (d - 1) + "], got " + f);
        }
        mask[f] = true;
      }
    } else {
      List<?> flags = (List<?>) categoricalFeatures;
      if (flags.size() != d) {
        throw new IllegalArgumentException("categorical_features set as a boolean mask must have"
            + " shape (n_features,) = (" + d + ",), got: (" + flags.size() + ",)");
      }
      for (int f = 0; f < d; f++) {
        mask[f] = (Boolean) flags.get(f);
      }
    }
    for (boolean b : mask) {
      if (b) {
        return mask;
      }
    }
    return null;
  }

  /** The number of categorical features (they are the first columns once encoded). */
  int nCategorical() {
    return categories.length;
  }

  /** The number of categories of the categorical feature at this encoded column. */
  int nCategories(int encodedFeature) {
    return categories[encodedFeature].values().length;
  }

  /** Where each encoded column comes from: the categorical columns, then the numerical ones. */
  int[] sourceColumns() {
    int d = isCategorical.length;
    int[] source = new int[d];
    int k = 0;
    for (int pass = 1; pass >= 0; pass--) {
      for (int f = 0; f < d; f++) {
        if (isCategorical[f] == pass) {
          source[k++] = f;
        }
      }
    }
    return source;
  }

  /** The rows with categories as their indices (NaN when missing or unknown), reordered. */
  double[][] encode(double[][] X) {
    int[] source = sourceColumns();
    int nCat = nCategorical();
    double[][] out = new double[X.length][source.length];
    for (int i = 0; i < X.length; i++) {
      double[] row = X[i];
      double[] encoded = out[i];
      for (int j = 0; j < source.length; j++) {
        double v = row[source[j]];
        encoded[j] = j < nCat ? indexOf(categories[j].values(), v) : v;
      }
    }
    return out;
  }

  /** The index of v among the sorted categories, NaN when absent or NaN. */
  private static double indexOf(double[] categories, double v) {
    if (Double.isNaN(v)) {
      return Double.NaN;
    }
    int at = Arrays.binarySearch(categories, v == 0.0 ? 0.0 : v);
    return at >= 0 ? at : Double.NaN;
  }

  /** A per-feature array in the original order, reordered as the encoded columns. */
  int[] reorder(int[] perFeature) {
    int[] source = sourceColumns();
    int[] out = new int[source.length];
    for (int j = 0; j < source.length; j++) {
      out[j] = perFeature[source[j]];
    }
    return out;
  }
}
