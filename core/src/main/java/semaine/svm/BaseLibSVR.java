package semaine.svm;

import semaine.base.EstimatorSpec;
import semaine.base.Regressor;
import semaine.util.Checks;

/**
 * What ε-SVR and ν-SVR share: fit on real targets with optional sample weights, predict
 * Σ (α_i − α_i*)·K(x_i, x) − ρ, and the fitted attributes by scikit-learn's names.
 */
public abstract class BaseLibSVR<E extends BaseLibSVR<E>> extends BaseLibSVM<E>
    implements Regressor {

  protected BaseLibSVR(EstimatorSpec<E> spec) {
    super(spec);
  }

  /** {@code C}: the penalty of the errors beyond the tube, > 0 (default 1). */
  public E C(double c) {
    return set(C, c);
  }

  @Override
  public E fit(double[][] X, double[] y) {
    return fit(X, y, null);
  }

  /**
   * Fits on X, shape (n_samples, n_features) (or (n_samples, n_samples) for a precomputed kernel),
   * targets y and per-sample weights (null for ones), which multiply C sample by sample.
   *
   * @return this model
   */
  @SuppressWarnings("unchecked")
  public E fit(double[][] X, double[] y, double[] sampleWeight) {
    validateParams();
    Checks.checkMatrix("X", X);
    Checks.checkVector("y", y);
    Checks.checkSameLength("X", X.length, "y", y.length);
    Prepared prep = prepare(X, sampleWeight);
    double[] target = new double[prep.kept().length];
    for (int t = 0; t < target.length; t++) {
      target[t] = y[prep.kept()[t]];
    }
    fitted(fitSingle(X, prep, cache -> solve(cache, target, prep)));
    return (E) this;
  }

  /** The formulation: ε-SVR or ν-SVR. */
  abstract Formulation.Dual solve(KernelCache cache, double[] target, Prepared prep);

  /** The predicted value of each row of X. */
  @Override
  public double[] predict(double[][] X) {
    return singleDecision(fitted(), X);
  }

  /** The weights of a linear kernel's function, shape (1, n_features) ({@code coef_}). */
  public double[][] coef() {
    Checks.checkArgument(get(KERNEL).equals("linear"),
        "coef_ is only available when using a linear kernel");
    return primal(libsvmFit().dualCoef(), libsvmFit().supportVectors());
  }

  /** The solver's iterations ({@code n_iter_}). */
  public int nIter() {
    return libsvmFit().nIter()[0];
  }

}
