package semaine.base;

/**
 * A model that maps samples to new features (scaling, projections), as scikit-learn's
 * {@code TransformerMixin}: {@code fit(X)} learns the map, {@link #transform} applies it.
 */
public interface Transformer extends Estimator {

  /** Learns the map from X, shape (n_samples, n_features); returns this. */
  Transformer fit(double[][] X);

  /** X mapped, shape (n_samples, n_features_out). */
  double[][] transform(double[][] X);

  /** {@code fit(X)}, then {@code transform(X)} ({@code fit_transform}). */
  default double[][] fitTransform(double[][] X) {
    return fit(X).transform(X);
  }

  /**
   * Maps transformed rows back to the input space ({@code inverse_transform}).
   *
   * @throws UnsupportedOperationException for a map that cannot be inverted
   */
  default double[][] inverseTransform(double[][] Z) {
    throw new UnsupportedOperationException(getClass().getSimpleName()
        + " cannot map back (no inverse_transform)");
  }
}
