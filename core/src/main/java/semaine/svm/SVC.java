package semaine.svm;

import semaine.base.EstimatorSpec;

/**
 * C-support vector classification, scikit-learn 1.9's {@code SVC}: libsvm's C-SVC with the same
 * support vectors, dual coefficients, intercepts and decision values.
 *
 * <p>For two classes it solves
 * <pre>
 *   min ½ αᵀQα − Σα_i   subject to  yᵀα = 0,  0 ≤ α_i ≤ C·w_class(i)·w_i,   Q_ij = y_i·y_j·K(x_i, x_j)
 * </pre>
 * by SMO ({@link SmoSolver}); the decision function is Σ y_i·α_i·K(x_i, x) − ρ. More classes are
 * handled one-vs-one ({@link OneVsOne}).
 *
 * <pre>{@code
 * var model = new SVC().kernel("rbf").C(10);   // SVC(kernel="rbf", C=10)
 * model.fit(X, y);
 * int[] predicted = model.predict(XNew);
 * }</pre>
 *
 * <h2>Notes</h2>
 * Training costs between O(n²) and O(n³) kernel evaluations; the kernel cache ({@code cache_size})
 * keeps the most recently used rows. Bad input: a kernel name that does not exist, gamma ≤ 0
 * (scikit-learn accepts 0), a precomputed matrix that is not square at fit or not n_train wide at
 * predict, a single class, or predictProba without probability=True, each raise with the value and
 * the rule.
 */
public final class SVC extends BaseSVC<SVC> {

  private static final EstimatorSpec<SVC> SPEC = EstimatorSpec.of("sklearn.svm.SVC", SVC::new,
      LibSvmFit.class, C, KERNEL, DEGREE, GAMMA, COEF0, SHRINKING, PROBABILITY, TOL, CACHE_SIZE,
      CLASS_WEIGHT, MAX_ITER, DECISION_FUNCTION_SHAPE, BREAK_TIES, RANDOM_STATE);

  /** {@code SVC()}: C = 1, rbf kernel, gamma 'scale'. */
  public SVC() {
    super(SPEC);
  }

  /** {@code C}: the penalty of the margin violations, > 0 (default 1). */
  public SVC C(double c) {
    return set(C, c);
  }

  /** {@code class_weight}: "balanced", a map label → weight multiplying C, or null. */
  public SVC classWeight(Object classWeight) {
    return set(CLASS_WEIGHT, classWeight);
  }

  @Override
  double cForClasses() {
    return get(C);
  }

  @Override
  OneVsOne.BinarySolver binarySolver(Prepared prep) {
    return (kernel, y, W, cp, cn) -> Formulation.cSvc(kernel, y, W, cp, cn, prep.options());
  }

  @Override
  void checkProblem(int[] keptLabel, int[] label, double[] sampleWeight, int k) {
    for (int t = 1; t < keptLabel.length; t++) {
      if (keptLabel[t] != keptLabel[0]) {
        return;
      }
    }
    throw new IllegalArgumentException(
        "Invalid input - all samples with positive weights belong to the same class.");
  }
}
