package semaine.svm;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import semaine.base.Attribute;
import semaine.base.Classifier;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.util.Checks;

/**
 * Linear support vector classification, scikit-learn 1.9's {@code LinearSVC}: liblinear's
 * solution of
 *
 * <pre>
 *   min ½‖w‖² + C Σ_i s_i·class_weight(y_i)·loss(y_i·(w·x_i + b))     (penalty 'l2')
 *   min ‖w‖₁ + C Σ_i ...                                               (penalty 'l1')
 * </pre>
 *
 * with loss max(0, 1 − m) ('hinge') or max(0, 1 − m)² ('squared_hinge', the default), where b is
 * the weight of an extra feature of value intercept_scaling, so b is penalised too (unlike SVC).
 * Two classes give one function (positive for classes_[1]); more give one per class against the
 * rest, or Crammer and Singer's joint problem with {@code multi_class="crammer_singer"}.
 *
 * <p>The solver follows scikit-learn: dual coordinate descent (dual=True) in the random order
 * scikit-learn's seed gives, the trust-region Newton method (penalty 'l2', dual=False), coordinate
 * descent on the primal (penalty 'l1'); dual="auto" takes the dual when there are fewer samples
 * than features. The coordinate-descent solvers give scikit-learn's iterations and coefficients;
 * the Newton method matches within rounding (liblinear's BLAS sums in another order).
 *
 * <pre>{@code
 * var model = new LinearSVC().C(0.5).dual(true).randomState(0);   // LinearSVC(C=0.5, dual=True)
 * model.fit(X, y);
 * int[] predicted = model.predict(XNew);
 * }</pre>
 *
 * When a solver stops at max_iter the model is kept and {@link #warnings()} holds scikit-learn's
 * ConvergenceWarning text. Crammer-Singer ignores max_iter, as in scikit-learn (liblinear's own
 * limit is 100,000 passes).
 */
public final class LinearSVC extends BaseLiblinear<LinearSVC> implements Classifier {

  static final Param<String> PENALTY = Param.of("penalty", "l2", Rule.options("l1", "l2"));
  static final Param<String> LOSS = Param.of("loss", "squared_hinge",
      Rule.options("hinge", "squared_hinge"));
  static final Param<String> MULTI_CLASS = Param.of("multi_class", "ovr",
      Rule.options("ovr", "crammer_singer"));
  static final Param<Object> CLASS_WEIGHT = Param.of("class_weight", null, Rule.none(),
      Rule.options("balanced"), Rule.instanceOf(Map.class, "a dict {label: weight}"));

  private static final EstimatorSpec<LinearSVC> SPEC = EstimatorSpec.of("sklearn.svm.LinearSVC",
      LinearSVC::new, Fitted.class, PENALTY, LOSS, DUAL, TOL, C, MULTI_CLASS, FIT_INTERCEPT,
      INTERCEPT_SCALING, CLASS_WEIGHT, VERBOSE, RANDOM_STATE, MAX_ITER);

  /**
   * The fitted state.
   *
   * @param coef (1, n_features) for two classes, (n_classes, n_features) otherwise
   * @param intercept (1,) or (n_classes,); zeros without fit_intercept
   * @param nIter the largest number of iterations of the problems solved
   * @param classes (n_classes,) the sorted labels
   * @param nFeaturesIn the number of features
   * @param warnings what scikit-learn would warn about
   */
  record Fitted(@Attribute("coef_") double[][] coef, @Attribute("intercept_") double[] intercept,
      @Attribute("n_iter_") int nIter, int[] classes, int nFeaturesIn,
      @Attribute("_warnings") List<String> warnings) {}

  /** {@code LinearSVC()}: L2 penalty, squared hinge loss, C = 1, dual "auto". */
  public LinearSVC() {
    super(SPEC);
  }

  /** {@code penalty}: "l2" (default) or "l1" (sparse weights; squared hinge, primal only). */
  public LinearSVC penalty(String penalty) {
    return set(PENALTY, penalty);
  }

  /** {@code loss}: "squared_hinge" (default) or "hinge" (dual only). */
  public LinearSVC loss(String loss) {
    return set(LOSS, loss);
  }

  /** {@code multi_class}: "ovr" (default) or "crammer_singer". */
  public LinearSVC multiClass(String multiClass) {
    return set(MULTI_CLASS, multiClass);
  }

  /** {@code class_weight}: "balanced", a map label → weight multiplying C, or null. */
  public LinearSVC classWeight(Object classWeight) {
    return set(CLASS_WEIGHT, classWeight);
  }

  @Override
  public LinearSVC fit(double[][] X, int[] y) {
    return fit(X, y, null);
  }

  /**
   * Fits on X, shape (n_samples, n_features), labels y and per-sample weights (null for ones),
   * which multiply C sample by sample; samples of weight 0 are left out.
   *
   * @return this model
   */
  public LinearSVC fit(double[][] X, int[] y, double[] sampleWeight) {
    validateParams();
    Checks.checkArgument(y != null, "y must not be null");
    checkData(X, y.length);
    int[] classes = Arrays.stream(y).sorted().distinct().toArray();
    if (classes.length < 2) {
      throw new IllegalArgumentException("This solver needs samples of at least 2 classes in the"
          + " data, but the data contains only one class: " + classes[0]);
    }
    int[] encoded = new int[y.length];
    for (int i = 0; i < y.length; i++) {
      encoded[i] = Arrays.binarySearch(classes, y[i]);
    }
    String multiClass = get(MULTI_CLASS);
    boolean dual = Liblinear.resolveDual(get(DUAL), multiClass, get(PENALTY), get(LOSS),
        X.length, X[0].length);
    int solver = Liblinear.solverType(multiClass, get(PENALTY), get(LOSS), dual);
    double[] classWeight = Liblinear.classWeight(get(CLASS_WEIGHT), classes, encoded,
        sampleWeight);
    var fit = Liblinear.classify(X, encoded, classes.length, classWeight, sampleWeight,
        settings(solver, 0.0));
    double[][] coef = fit.coef();
    double[] intercept = fit.intercept();
    if (solver == Liblinear.MCSVM_CS && classes.length == 2) {
      double[] difference = new double[coef[0].length];
      for (int f = 0; f < difference.length; f++) {
        difference[f] = coef[1][f] - coef[0][f];
      }
      coef = new double[][] {difference};
      intercept = new double[] {intercept[1] - intercept[0]};
    }
    int nIter = Arrays.stream(fit.nIter()).max().orElse(0);
    fitted(new Fitted(coef, intercept, nIter, classes, X[0].length, fit.warnings()));
    return this;
  }

  /** The weights, shape (1, n_features) or (n_classes, n_features) ({@code coef_}). */
  public double[][] coef() {
    double[][] coef = state().coef();
    double[][] out = new double[coef.length][];
    for (int c = 0; c < coef.length; c++) {
      out[c] = coef[c].clone();
    }
    return out;
  }

  /** The intercepts, one per row of coef ({@code intercept_}). */
  public double[] intercept() {
    return state().intercept().clone();
  }

  /** The largest number of solver iterations over the problems solved ({@code n_iter_}). */
  public int nIter() {
    return state().nIter();
  }

  @Override
  public int[] classes() {
    return state().classes().clone();
  }

  /** scikit-learn's warnings of the last fit (ConvergenceWarning), empty when none. */
  public List<String> warnings() {
    return state().warnings();
  }

  /**
   * The signed distances x·w + b, shape (n_samples, 1) for two classes (positive for
   * classes_[1]) or (n_samples, n_classes) ({@code decision_function}).
   */
  public double[][] decisionFunction(double[][] X) {
    return linear(X, state().coef(), state().intercept());
  }

  /** classes_[1] where the decision is positive (two classes), else the class of the largest. */
  @Override
  public int[] predict(double[][] X) {
    double[][] scores = decisionFunction(X);
    int[] classes = state().classes();
    int[] out = new int[X.length];
    for (int r = 0; r < X.length; r++) {
      if (scores[r].length == 1) {
        out[r] = classes[scores[r][0] > 0 ? 1 : 0];
      } else {
        int best = 0;
        for (int c = 1; c < scores[r].length; c++) {
          if (scores[r][c] > scores[r][best]) {
            best = c;
          }
        }
        out[r] = classes[best];
      }
    }
    return out;
  }

  private Fitted state() {
    return fitted();
  }
}
