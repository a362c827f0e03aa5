package semaine.svm;

import semaine.base.EstimatorSpec;

/**
 * ν-support vector regression, scikit-learn 1.9's {@code NuSVR}: libsvm's ν-SVR, where ν in (0, 1]
 * bounds the fraction of errors and of support vectors and the tube's width ε is learned
 * (solved by {@link NuSmoSolver}).
 */
public final class NuSVR extends BaseLibSVR<NuSVR> {

  private static final EstimatorSpec<NuSVR> SPEC = EstimatorSpec.of("sklearn.svm.NuSVR",
      NuSVR::new, LibSvmFit.class, NU, C, KERNEL, DEGREE, GAMMA, COEF0, SHRINKING, TOL, CACHE_SIZE,
      MAX_ITER);

  /** {@code NuSVR()}: ν = 0.5, C = 1, rbf kernel. */
  public NuSVR() {
    super(SPEC);
  }

  /** {@code nu} in (0, 1] (default 0.5). */
  public NuSVR nu(double nu) {
    return set(NU, nu);
  }

  @Override
  Formulation.Dual solve(KernelCache cache, double[] target, Prepared prep) {
    return Formulation.nuSvr(cache, target, prep.W(), get(C), get(NU), prep.options());
  }
}
