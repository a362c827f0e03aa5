package semaine.preprocessing;

import java.util.List;
import semaine.base.BaseEstimator;
import semaine.base.EstimatorSpec;
import semaine.base.Transformer;

/**
 * What {@link OneHotEncoder} and {@link OrdinalEncoder} share, as scikit-learn's
 * {@code _BaseEncoder}: samples as text ({@code String[][]}, null for missing) or as numbers
 * ({@code double[][]}, NaN for missing), and the categories learned per column.
 *
 * @param <E> the encoder class, returned by {@code fit}
 */
abstract class BaseEncoder<E extends BaseEncoder<E>> extends BaseEstimator<E>
    implements Transformer {

  BaseEncoder(EstimatorSpec<E> spec) {
    super(spec);
  }

  /** Learns the categories of each column of text samples, shape (n_samples, n_features). */
  public E fit(String[][] X) {
    return fit(CategoricalInput.of(X));
  }

  /** Learns the categories of each column of numeric samples (NaN a missing value). */
  @Override
  public E fit(double[][] X) {
    return fit(CategoricalInput.of(X));
  }

  /** The encoding of text samples. */
  public double[][] transform(String[][] X) {
    return transform(CategoricalInput.of(X));
  }

  /** The encoding of numeric samples. */
  @Override
  public double[][] transform(double[][] X) {
    return transform(CategoricalInput.of(X));
  }

  /** {@code fit(X)}, then {@code transform(X)}, for text samples. */
  public double[][] fitTransform(String[][] X) {
    return fit(X).transform(X);
  }

  /**
   * The categories of each column ({@code categories_}), sorted, the missing one last ("None" or
   * "nan"), numbers spelled as Python's {@code str}.
   */
  public List<List<String>> categories() {
    return CategoryColumn.names(columns());
  }

  /** The infrequent categories of each column, null for a column without. */
  public List<List<String>> infrequentCategories() {
    return CategoryColumn.infrequentNames(columns());
  }

  abstract E fit(CategoricalInput X);

  abstract double[][] transform(CategoricalInput X);

  /** The fitted columns. */
  abstract CategoryColumn[] columns();
}
