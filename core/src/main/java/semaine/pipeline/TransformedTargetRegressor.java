package semaine.pipeline;

import semaine.base.Attribute;
import semaine.base.BaseEstimator;
import semaine.base.EstimatorSpec;
import semaine.base.Nullable;
import semaine.base.Param;
import semaine.base.Regressor;
import semaine.base.Rule;
import semaine.base.Transformer;
import semaine.regression.LinearRegression;
import semaine.util.Checks;

/**
 * A regressor that learns a transformed target, as scikit-learn 1.9's
 * {@code TransformedTargetRegressor}: {@code fit} fits a clone of {@code transformer} on y (as one
 * column), then a clone of {@code regressor} on X and the transformed y; {@code predict} maps the
 * regressor's predictions back with the transformer's {@code inverse_transform}. A network learns
 * best on a standardised target; this keeps the scaling of y inside the model, so the model file
 * predicts in the file's units.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * var model = new TransformedTargetRegressor(new MLPRegressor(), new StandardScaler());
 * model.fit(X, y);                     // TransformedTargetRegressor(MLPRegressor(), transformer=
 * double[] yHat = model.predict(X);    //     StandardScaler()).fit(X, y).predict(X)
 * }</pre>
 *
 * <p>Differences from scikit-learn 1.9: no {@code func} / {@code inverse_func} (a model file holds
 * no code; give a transformer), hence no {@code check_inverse}; no {@code sample_weight}.
 */
public final class TransformedTargetRegressor extends BaseEstimator<TransformedTargetRegressor>
    implements Regressor {

  static final Param<Regressor> REGRESSOR = Param.of("regressor", null, Rule.none(),
      Rule.instanceOf(Regressor.class, "a regressor"));
  static final Param<Transformer> TRANSFORMER = Param.of("transformer", null, Rule.none(),
      Rule.instanceOf(Transformer.class, "a transformer"));
  private static final EstimatorSpec<TransformedTargetRegressor> SPEC = EstimatorSpec.of(
      "sklearn.compose.TransformedTargetRegressor", TransformedTargetRegressor::new,
      Fitted.class, REGRESSOR, TRANSFORMER);

  /**
   * The fitted regressor and transformer (null for the identity), the width of X, and whether
   * {@code regressor} was left unset (LinearRegression), so a model file gives back the same
   * parameters.
   */
  private record Fitted(Regressor regressor, @Nullable Transformer transformer,
      int nFeaturesIn, @Attribute("_default_regressor") boolean defaultRegressor) {}

  /** LinearRegression on the untransformed target (scikit-learn's defaults). */
  public TransformedTargetRegressor() {
    super(SPEC);
  }

  /** {@code regressor} learning the target as {@code transformer} maps it. */
  public TransformedTargetRegressor(Regressor regressor, Transformer transformer) {
    this();
    set(REGRESSOR, regressor);
    set(TRANSFORMER, transformer);
  }

  /** Fits a clone of the transformer on y, then a clone of the regressor on X and the mapped y. */
  @Override
  public TransformedTargetRegressor fit(double[][] X, double[] y) {
    validateParams();
    Checks.checkMatrix("X", X);
    Checks.checkVector("y", y);
    Checks.checkSameLength("X", X.length, "y", y.length);
    Transformer transformer = get(TRANSFORMER) == null ? null
        : (Transformer) get(TRANSFORMER).clone();
    double[] target = y;
    if (transformer != null) {
      double[][] column = transformer.fitTransform(column(y));
      Checks.checkArgument(column[0].length == 1, "transformer " + transformer + " maps y to "
          + column[0].length + " columns: it must map one column to one");
      target = new double[y.length];
      for (int i = 0; i < y.length; i++) {
        target[i] = column[i][0];
      }
    }
    Regressor regressor = get(REGRESSOR) == null ? new LinearRegression()
        : (Regressor) get(REGRESSOR).clone();
    regressor.fit(X, target);
    fitted(new Fitted(regressor, transformer, X[0].length, get(REGRESSOR) == null));
    return this;
  }

  /** The regressor's predictions mapped back to the target's units. */
  @Override
  public double[] predict(double[][] X) {
    Fitted f = fitted();
    double[] predicted = f.regressor.predict(X);
    if (f.transformer == null) {
      return predicted;
    }
    double[][] back = f.transformer.inverseTransform(column(predicted));
    double[] out = new double[back.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = back[i][0];
    }
    return out;
  }

  /** The fitted regressor ({@code regressor_}). */
  public Regressor regressor() {
    return this.<Fitted>fitted().regressor;
  }

  /** The fitted transformer of y ({@code transformer_}), null for the identity. */
  public Transformer transformer() {
    return this.<Fitted>fitted().transformer;
  }

  /** The number of features seen in {@code fit} ({@code n_features_in_}). */
  public int nFeaturesIn() {
    return this.<Fitted>fitted().nFeaturesIn;
  }

  /** y as one column, as scikit-learn's {@code y.reshape(-1, 1)}. */
  private static double[][] column(double[] y) {
    double[][] column = new double[y.length][];
    for (int i = 0; i < y.length; i++) {
      column[i] = new double[] {y[i]};
    }
    return column;
  }

  /**
   * A fitted state read back: a model file keeps the parts only there, so the parameters become
   * unfitted copies of the fitted parts.
   */
  @Override
  protected Fitted restored(Record state) {
    Fitted f = (Fitted) state;
    set(REGRESSOR, f.defaultRegressor ? null : (Regressor) f.regressor.clone());
    set(TRANSFORMER, f.transformer == null ? null : (Transformer) f.transformer.clone());
    return f;
  }
}
