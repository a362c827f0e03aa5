package semaine.svm;

import semaine.base.EstimatorSpec;
import semaine.base.OutlierDetector;
import semaine.util.Checks;

/**
 * The one-class support vector machine, scikit-learn 1.9's {@code OneClassSVM} (Schölkopf et al.,
 * 2001): it separates the training data from the origin in the kernel's feature space with
 * maximum margin, so that at most a fraction ν of the samples falls outside:
 *
 * <pre>
 *   min ½αᵀKα   subject to  Σα_i = ν·Σw_i,  0 ≤ α_i ≤ w_i
 * </pre>
 *
 * solved by {@link SmoSolver}. The decision function Σα_i·K(x_i, x) − ρ is positive for inliers;
 * {@code score_samples} is Σα_i·K(x_i, x) and {@code offset_} is ρ.
 *
 * <pre>{@code
 * var detector = new OneClassSVM().nu(0.05);   // OneClassSVM(nu=0.05)
 * int[] labels = detector.fitPredict(X);       // +1 inlier, −1 outlier
 * }</pre>
 */
public final class OneClassSVM extends BaseLibSVM<OneClassSVM> implements OutlierDetector {

  private static final EstimatorSpec<OneClassSVM> SPEC = EstimatorSpec.of(
      "sklearn.svm.OneClassSVM", OneClassSVM::new, LibSvmFit.class, KERNEL, DEGREE, GAMMA, COEF0,
      TOL, NU, SHRINKING, CACHE_SIZE, MAX_ITER);

  /** {@code OneClassSVM()}: rbf kernel, ν = 0.5. */
  public OneClassSVM() {
    super(SPEC);
  }

  /** {@code nu} in (0, 1]: an upper bound on the fraction of outliers (default 0.5). */
  public OneClassSVM nu(double nu) {
    return set(NU, nu);
  }

  @Override
  public OneClassSVM fit(double[][] X) {
    return fit(X, null);
  }

  /** Fits on X with per-sample weights (null for ones), which scale each α's bound. */
  public OneClassSVM fit(double[][] X, double[] sampleWeight) {
    validateParams();
    Checks.checkMatrix("X", X);
    Prepared prep = prepare(X, sampleWeight);
    double nu = get(NU);
    fitted(fitSingle(X, prep,
        cache -> Formulation.oneClass(cache, prep.W(), nu, prep.options())));
    return this;
  }

  @Override
  public int[] fitPredict(double[][] X) {
    return fit(X).predict(X);
  }

  /** +1 where the decision function is positive, −1 elsewhere (libsvm's one-class predict). */
  @Override
  public int[] predict(double[][] X) {
    double[] dec = decisionFunction(X);
    int[] labels = new int[dec.length];
    for (int i = 0; i < dec.length; i++) {
      labels[i] = dec[i] > 0 ? 1 : -1;
    }
    return labels;
  }

  /** Σα_i·K(x_i, x) − ρ: positive for inliers ({@code decision_function}). */
  @Override
  public double[] decisionFunction(double[][] X) {
    return singleDecision(libsvmFit(), X);
  }

  /** Σα_i·K(x_i, x) = decision_function + offset_ ({@code score_samples}). */
  @Override
  public double[] scoreSamples(double[][] X) {
    double[] dec = decisionFunction(X);
    double offset = offset();
    for (int i = 0; i < dec.length; i++) {
      dec[i] += offset;
    }
    return dec;
  }

  /** ρ ({@code offset_ = −intercept_}). */
  @Override
  public double offset() {
    return -libsvmFit().rawIntercept()[0];
  }

  /** The solver's iterations ({@code n_iter_}). */
  public int nIter() {
    return libsvmFit().nIter()[0];
  }

}
