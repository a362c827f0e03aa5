package semaine.svm;

import semaine.base.EstimatorSpec;

/**
 * ν-support vector classification, scikit-learn 1.9's {@code NuSVC}: libsvm's ν-SVC, where ν in
 * (0, 1] bounds the fraction of margin errors from above and the fraction of support vectors from
 * below, in place of C.
 *
 * <p>For two classes it solves min ½αᵀQα subject to yᵀα = 0, eᵀα = ν·Σw, 0 ≤ α_i ≤ w_i with
 * {@link NuSmoSolver}, then rescales α and ρ by 1/r. ν is infeasible for a pair of classes when
 * ν·(n₁ + n₂)/2 > min(n₁, n₂) (weighted counts): libsvm's "specified nu is infeasible". As in
 * scikit-learn, class_weight does not change the solution.
 */
public final class NuSVC extends BaseSVC<NuSVC> {

  private static final EstimatorSpec<NuSVC> SPEC = EstimatorSpec.of("sklearn.svm.NuSVC",
      NuSVC::new, LibSvmFit.class, NU, KERNEL, DEGREE, GAMMA, COEF0, SHRINKING, PROBABILITY, TOL,
      CACHE_SIZE, CLASS_WEIGHT, MAX_ITER, DECISION_FUNCTION_SHAPE, BREAK_TIES, RANDOM_STATE);

  /** {@code NuSVC()}: ν = 0.5, rbf kernel. */
  public NuSVC() {
    super(SPEC);
  }

  /** {@code NuSVC(nu=nu)}. */
  public NuSVC(double nu) {
    this();
    nu(nu);
  }

  /** {@code nu} in (0, 1] (default 0.5). */
  public NuSVC nu(double nu) {
    return set(NU, nu);
  }

  /** {@code class_weight}: accepted as scikit-learn does; it has no effect on ν-SVC. */
  public NuSVC classWeight(Object classWeight) {
    return set(CLASS_WEIGHT, classWeight);
  }

  @Override
  double cForClasses() {
    return 1.0;
  }

  @Override
  OneVsOne.BinarySolver binarySolver(Prepared prep) {
    double nu = get(NU);
    return (kernel, y, W, cp, cn) -> Formulation.nuSvc(kernel, y, W, nu, prep.options());
  }

  /** libsvm's feasibility test over every pair of classes, with the summed sample weights. */
  @Override
  void checkProblem(int[] keptLabel, int[] label, double[] sampleWeight, int k) {
    double[] count = new double[k];
    for (int i = 0; i < label.length; i++) {
      count[label[i]] += sampleWeight == null ? 1.0 : sampleWeight[i];
    }
    double nu = get(NU);
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        if (nu * (count[i] + count[j]) / 2 > Math.min(count[i], count[j])) {
          throw new IllegalArgumentException("specified nu is infeasible: nu (" + nu
              + ") · (n_" + i + " + n_" + j + ") / 2 must be <= min(n_" + i + ", n_" + j
              + ") for the class sizes " + count[i] + " and " + count[j]);
        }
      }
    }
  }
}
