package semaine.svm;

import semaine.base.EstimatorSpec;

/**
 * ε-support vector regression, scikit-learn 1.9's {@code SVR}: libsvm's ε-SVR. Errors smaller
 * than ε cost nothing, larger ones cost C·w_i per unit:
 *
 * <pre>
 *   min ½‖w‖² + C Σ w_i (ξ_i + ξ_i*)   with  −ε − ξ_i* ≤ y_i − f(x_i) ≤ ε + ξ_i
 * </pre>
 *
 * solved in the dual with 2·n variables (α and α*) by {@link SmoSolver}; f(x) = Σ (α_i − α_i*)·
 * K(x_i, x) − ρ.
 */
public final class SVR extends BaseLibSVR<SVR> {

  private static final EstimatorSpec<SVR> SPEC = EstimatorSpec.of("sklearn.svm.SVR", SVR::new,
      LibSvmFit.class, KERNEL, DEGREE, GAMMA, COEF0, TOL, C, EPSILON, SHRINKING, CACHE_SIZE,
      MAX_ITER);

  /** {@code SVR()}: rbf kernel, C = 1, ε = 0.1. */
  public SVR() {
    super(SPEC);
  }

  /** {@code epsilon}: the half-width of the tube without penalty, ≥ 0 (default 0.1). */
  public SVR epsilon(double epsilon) {
    return set(EPSILON, epsilon);
  }

  @Override
  Formulation.Dual solve(KernelCache cache, double[] target, Prepared prep) {
    return Formulation.epsilonSvr(cache, target, prep.W(), get(C), get(EPSILON), prep.options());
  }
}
