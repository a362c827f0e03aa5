package semaine.classification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import semaine.base.Attribute;
import semaine.base.BaseEstimator;
import semaine.base.Classifier;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.optimize.Lbfgs;
import semaine.svm.Liblinear;
import semaine.tree.EncodedLabels;
import semaine.util.Checks;

/**
 * Logistic regression: the probability of each class is a logistic (two classes) or softmax
 * (more) function of a linear score {@code x · w_k + b_k}, the weights minimising
 * {@code C Σ_i s_i loss_i + ½ ‖W‖²} (the log-loss plus an L2 penalty on W, not on b).
 * scikit-learn 1.9's {@code LogisticRegression} with its parameters, defaults, attributes and
 * warnings.
 *
 * <pre>{@code
 * var model = new LogisticRegression().fit(X, y);   // LogisticRegression().fit(X, y)
 * double[][] proba = model.predictProba(X);          // model.predict_proba(X)
 * double[][] coef = model.coef();                    // model.coef_
 * }</pre>
 *
 * <p>Two classes give one row of weights for {@code classes()[1]} (y coded 0/1); more give the
 * full symmetric multinomial model, one row per class. The penalty follows scikit-learn 1.9: with
 * {@code penalty} left at "deprecated", {@code l1_ratio} 0 means L2 and {@code C = inf} means
 * none; {@code penalty="l2"} or {@code None} are still read, with scikit-learn's FutureWarning.
 * {@code class_weight} multiplies each sample's weight ("balanced": n / (n_classes · count of the
 * class), counts weighted by {@code sample_weight}).
 *
 * <h2>Solvers</h2>
 * "lbfgs" (the default) minimises the scaled objective (see {@link LogisticLoss}) from W = 0 with
 * {@link Lbfgs} and SciPy's options as scikit-learn passes them ({@code gtol = tol},
 * {@code ftol = 64 eps}, {@code maxls = 50}); "newton-cholesky" takes Newton steps as
 * scikit-learn's solver does (see {@link NewtonCholesky}). The problem is strictly convex with a
 * penalty, so both reach scikit-learn's optimum; lbfgs's iterates and {@code n_iter_} differ from
 * SciPy's (L-BFGS-B's path is not reproduced), and its relative-reduction stop leaves it about
 * 1e-6 from the optimum even with a tiny {@code tol}, in SciPy as here: for the optimum itself use
 * "newton-cholesky" with a small {@code tol}. The penalty and solver combinations scikit-learn
 * refuses are refused with its messages. "sag" and "saga" run scikit-learn's stochastic average
 * gradient solvers step for step (see {@link Sag}): the same sample draws from
 * {@code random_state}, hence the same iterates and {@code n_iter_}; "saga" alone takes the L1
 * and elastic-net penalties. "liblinear" (two classes; l1 or l2; the intercept penalised as an
 * extra feature of value intercept_scaling) runs scikit-learn's liblinear solvers
 * ({@link semaine.svm.Liblinear}) with its iterations; "newton-cg" is not implemented.
 *
 * <h2>Convergence</h2>
 * When a solver stops on {@code max_iter} (perfectly separable data without a penalty always
 * does: the weights grow without bound), the model is kept and {@link #warnings()} holds
 * scikit-learn's ConvergenceWarning text; the command line prints it on stderr.
 */
public final class LogisticRegression extends BaseEstimator<LogisticRegression>
    implements Classifier {

  static final Param<Object> PENALTY = Param.of("penalty", "deprecated",
      Rule.options("l1", "l2", "elasticnet", "deprecated"), Rule.none());
  static final Param<Double> C = Param.of("C", 1.0,
      Rule.reals(0.0, false, Double.POSITIVE_INFINITY, true));
  static final Param<Object> L1_RATIO = Param.of("l1_ratio", 0.0,
      Rule.reals(0.0, true, 1.0, true), Rule.none());
  static final Param<Boolean> DUAL = Param.of("dual", false, Rule.bool());
  static final Param<Double> TOL = Param.of("tol", 1e-4, Rule.atLeast(0));
  static final Param<Boolean> FIT_INTERCEPT = Param.of("fit_intercept", true, Rule.bool());
  static final Param<Double> INTERCEPT_SCALING = Param.of("intercept_scaling", 1.0,
      Rule.above(0));
  static final Param<Object> CLASS_WEIGHT = Param.of("class_weight", null, Rule.none(),
      Rule.options("balanced"), Rule.instanceOf(Map.class, "a dict {class: weight}"));
  static final Param<Object> RANDOM_STATE = Param.of("random_state", null, Rule.randomState());
  static final Param<String> SOLVER = Param.of("solver", "lbfgs",
      Rule.options("lbfgs", "liblinear", "newton-cg", "newton-cholesky", "sag", "saga"));
  static final Param<Integer> MAX_ITER = Param.of("max_iter", 100, Rule.ints(0, null));
  static final Param<Integer> VERBOSE = Param.of("verbose", 0, Rule.ints(0, null));
  static final Param<Boolean> WARM_START = Param.of("warm_start", false, Rule.bool());
  static final Param<Object> N_JOBS = Param.of("n_jobs", null, Rule.none(),
      Rule.ints(Integer.MIN_VALUE, null));
  private static final EstimatorSpec<LogisticRegression> SPEC = EstimatorSpec.of(
      "sklearn.linear_model.LogisticRegression", LogisticRegression::new, Fitted.class,
      PENALTY, C, L1_RATIO, DUAL, TOL, FIT_INTERCEPT, INTERCEPT_SCALING, CLASS_WEIGHT,
      RANDOM_STATE, SOLVER, MAX_ITER, VERBOSE, WARM_START, N_JOBS);

  /**
   * The fitted state.
   *
   * @param coef (1, n_features) for two classes, (n_classes, n_features) otherwise
   * @param intercept (1,) or (n_classes,)
   * @param nIter (1,) the solver's iterations
   * @param classes (n_classes,) the sorted labels
   * @param nFeaturesIn the number of features
   * @param warnings what scikit-learn would warn about
   */
  private record Fitted(@Attribute("coef_") double[][] coef,
      @Attribute("intercept_") double[] intercept, @Attribute("n_iter_") int[] nIter,
      int[] classes, int nFeaturesIn, @Attribute("_warnings") List<String> warnings) {}

  /** {@code LogisticRegression()}: L2 penalty, C = 1, lbfgs, 100 iterations, tol 1e-4. */
  public LogisticRegression() {
    super(SPEC);
  }

  /** {@code LogisticRegression(C=C)}: the inverse of the penalty's strength. */
  public LogisticRegression(double C) {
    this();
    C(C);
  }

  /** {@code C}: inverse regularisation strength, in (0, inf]; inf means no penalty. */
  public LogisticRegression C(double C) {
    return set(LogisticRegression.C, C);
  }

  /** {@code penalty}: deprecated in scikit-learn 1.8; "l2" or null (None) still work. */
  public LogisticRegression penalty(String penalty) {
    return set(PENALTY, penalty);
  }

  /** {@code l1_ratio}: 0 is L2 (default), 1 is L1, between is elastic-net. */
  public LogisticRegression l1Ratio(double l1Ratio) {
    return set(L1_RATIO, l1Ratio);
  }

  /** {@code tol}: the solver's stopping tolerance (default 1e-4). */
  public LogisticRegression tol(double tol) {
    return set(TOL, tol);
  }

  /** {@code fit_intercept}: whether to fit b (default true). */
  public LogisticRegression fitIntercept(boolean fitIntercept) {
    return set(FIT_INTERCEPT, fitIntercept);
  }

  /** {@code class_weight="balanced"} (or null for equal weights). */
  public LogisticRegression classWeight(String classWeight) {
    return set(CLASS_WEIGHT, classWeight);
  }

  /** {@code class_weight} as a map from class label to weight; classes not named weigh 1. */
  public LogisticRegression classWeight(Map<Integer, Double> classWeight) {
    return set(CLASS_WEIGHT, Map.copyOf(classWeight));
  }

  /**
   * {@code solver}: "lbfgs" (default), "newton-cholesky", "sag", "saga" (any penalty) or
   * "liblinear" (two classes).
   */
  public LogisticRegression solver(String solver) {
    return set(SOLVER, solver);
  }

  /** {@code max_iter}: the solver's iteration limit (default 100). */
  public LogisticRegression maxIter(int maxIter) {
    return set(MAX_ITER, maxIter);
  }

  /** Fits with every sample weighing 1. */
  @Override
  public LogisticRegression fit(double[][] X, int[] y) {
    return fit(X, y, null);
  }

  /**
   * Fits the model.
   *
   * @param X samples, shape (n_samples, n_features), finite
   * @param y labels, shape (n_samples,), at least two distinct
   * @param sampleWeight weights, shape (n_samples,), finite and >= 0, or null for 1 each
   * @throws IllegalArgumentException for an invalid parameter, a penalty the solver does not
   *     support (scikit-learn's message), bad or mismatched data, or a single class
   */
  public LogisticRegression fit(double[][] X, int[] y, double[] sampleWeight) {
    validateParams();
    List<String> warnings = new ArrayList<>();
    double effectiveC = get(C);
    String penalty = penalty(warnings);
    if ("none".equals(penalty)) {
      effectiveC = Double.POSITIVE_INFINITY;
    }
    String solver = checkSolver(penalty == null || penalty.equals("none") ? null : penalty);
    if (solver.equals("lbfgs")) {
      Checks.checkMatrixShape("X", X);   // a non-finite value makes the first loss NaN: see below
    } else {
      Checks.checkMatrix("X", X);
    }
    Checks.checkArgument(y != null, "y must not be null");
    Checks.checkSameLength("X", X.length, "y", y.length);
    var labels = EncodedLabels.of(y);
    int[] classes = labels.classes();
    int[] encoded = labels.encoded();
    if (classes.length < 2) {
      throw new IllegalArgumentException("This solver needs samples of at least 2 classes in the"
          + " data, but the data contains only one class: " + classes[0]);
    }
    double[] weights = sampleWeights(sampleWeight, X.length);
    if (solver.equals("liblinear")) {
      return fitLiblinear(X, encoded, classes, sampleWeight, penalty, warnings);
    }
    applyClassWeight(weights, encoded, classes);
    boolean binary = classes.length == 2;
    int blocks = binary ? 1 : classes.length;
    boolean fitIntercept = get(FIT_INTERCEPT);
    var loss = new LogisticLoss(X, encoded, weights, effectiveC, blocks, fitIntercept);
    double[] w;
    int nIter;
    if (solver.equals("sag") || solver.equals("saga")) {
      long seed = checkRandomState(get(RANDOM_STATE)).randint(1, Integer.MAX_VALUE);
      var solution = Sag.logistic(X, encoded, weights, blocks, penalty, effectiveC,
          (Double) get(L1_RATIO), solver.equals("saga"), fitIntercept, get(TOL), get(MAX_ITER),
          seed, warnings);
      w = solution.coef();
      nIter = solution.nIter();
    } else if (solver.equals("newton-cholesky")) {
      var solution = NewtonCholesky.solve(loss, blocks, Double.isFinite(effectiveC),
          fitIntercept, get(TOL), get(MAX_ITER), warnings);
      w = solution.coef();
      nIter = solution.nIter();
    } else {
      Lbfgs.Result result;
      try {
        result = loss.lbfgs(new double[loss.size()], get(MAX_ITER), get(TOL), warnings);
      } catch (ArithmeticException notFinite) {
        // from W = 0 every score of a row holding NaN or ±inf is NaN: name the value
        Checks.checkMatrix("X", X);
        throw notFinite;
      }
      w = result.x();
      nIter = Math.min(result.nIter(), get(MAX_ITER));
    }
    int p = X[0].length;
    int q = loss.stride();
    double[][] coef = new double[blocks][];
    double[] intercept = new double[blocks];
    for (int k = 0; k < blocks; k++) {
      coef[k] = Arrays.copyOfRange(w, k * q, k * q + p);
      intercept[k] = fitIntercept ? w[k * q + p] : 0;
      for (double v : coef[k]) {
        if (!Double.isFinite(v)) {
          throw new ArithmeticException("LogisticRegression: the solver produced a non-finite"
              + " coefficient; scale the data or increase the penalty (smaller C)");
        }
      }
    }
    fitted(new Fitted(coef, intercept, new int[] {nIter}, classes, p, List.copyOf(warnings)));
    return this;
  }

  /**
   * The penalty in force, as scikit-learn 1.9 derives it: "l2", "l1", "elasticnet" or "none"
   * (from l1_ratio and C when {@code penalty} is "deprecated"), with its warnings.
   */
  private String penalty(List<String> warnings) {
    Object given = get(PENALTY);
    Object ratio = get(L1_RATIO);
    double c = get(C);
    if ("deprecated".equals(given)) {
      String penalty = ratio == null || (Double) ratio == 0 ? "l2"
          : (Double) ratio == 1 ? "l1" : "elasticnet";
      if (ratio == null) {
        warnings.add("'l1_ratio=None' was deprecated in version 1.8 and will trigger an error in"
            + " 1.10. Use 0<=l1_ratio<=1 instead.");
      }
      return Double.isInfinite(c) ? "none" : penalty;
    }
    warnings.add("'penalty' was deprecated in version 1.8 and will be removed in 1.10. To avoid"
        + " this warning, leave 'penalty' set to its default value and use 'l1_ratio' or 'C'"
        + " instead.");
    if (given == null) {
      if (c != 1.0) {
        warnings.add("Setting penalty=None will ignore the C and l1_ratio parameters");
      }
      return "none";
    }
    if ("elasticnet".equals(given) && ratio == null) {
      throw new IllegalArgumentException("l1_ratio must be specified when penalty is elasticnet.");
    }
    return (String) given;
  }

  /** scikit-learn's {@code _check_solver}, then semaine's own limit: lbfgs or newton-cholesky. */
  private String checkSolver(String penalty) {
    String solver = get(SOLVER);
    boolean dual = get(DUAL);
    if (!solver.equals("liblinear") && !solver.equals("saga")
        && penalty != null && !penalty.equals("l2")) {
      throw new IllegalArgumentException("Solver " + solver + " supports only 'l2' or None"
          + " penalties, got " + penalty + " penalty.");
    }
    if (!solver.equals("liblinear") && dual) {
      throw new IllegalArgumentException("Solver " + solver + " supports only dual=False, got"
          + " dual=True");
    }
    if ("elasticnet".equals(penalty) && !solver.equals("saga")) {
      throw new IllegalArgumentException("Only 'saga' solver supports elasticnet penalty, got"
          + " solver=" + solver + ".");
    }
    if (solver.equals("liblinear") && penalty == null) {
      throw new IllegalArgumentException("C=np.inf as well as penalty=None is not supported for"
          + " the liblinear solver");
    }
    if (!List.of("lbfgs", "newton-cholesky", "sag", "saga", "liblinear").contains(solver)) {
      throw new UnsupportedOperationException("solver (\"" + solver + "\") is not implemented in"
          + " semaine: use \"lbfgs\", \"newton-cholesky\", \"sag\", \"saga\" or"
          + " \"liblinear\"");
    }
    return solver;
  }

  /** solver="liblinear": {@link Liblinear#logisticRegression}, as scikit-learn calls it. */
  private LogisticRegression fitLiblinear(double[][] X, int[] encoded, int[] classes,
      double[] sampleWeight, String penalty, List<String> warnings) {
    long seed = checkRandomState(get(RANDOM_STATE)).randint(0, Integer.MAX_VALUE);
    int solverType = Liblinear.solverType("ovr", penalty, "logistic_regression", get(DUAL));
    var settings = new Liblinear.Settings(solverType, get(C), get(TOL), get(MAX_ITER),
        get(FIT_INTERCEPT), get(INTERCEPT_SCALING), 0.0, seed);
    var fit = Liblinear.logisticRegression(X, encoded, classes, sampleWeight, get(CLASS_WEIGHT),
        settings);
    warnings.addAll(fit.warnings());
    fitted(new Fitted(fit.coef(), fit.intercept(), fit.nIter(), classes, X[0].length,
        List.copyOf(warnings)));
    return this;
  }

  private static double[] sampleWeights(double[] sampleWeight, int n) {
    double[] weights = new double[n];
    if (sampleWeight == null) {
      Arrays.fill(weights, 1);
      return weights;
    }
    Checks.checkVector("sample_weight", sampleWeight);
    Checks.checkSameLength("X", n, "sample_weight", sampleWeight.length);
    double total = 0;
    for (int i = 0; i < n; i++) {
      Checks.checkArgument(sampleWeight[i] >= 0, "sample_weight has a negative value ("
          + sampleWeight[i] + ") at index " + i + ": weights must be >= 0");
      weights[i] = sampleWeight[i];
      total += weights[i];
    }
    Checks.checkArgument(total > 0, "sample_weight sums to 0: at least one weight must be > 0");
    return weights;
  }

  /** {@code compute_class_weight}, multiplied into the sample weights. */
  private void applyClassWeight(double[] weights, int[] encoded, int[] classes) {
    Object classWeight = get(CLASS_WEIGHT);
    if (classWeight == null) {
      return;
    }
    double[] perClass = new double[classes.length];
    if ("balanced".equals(classWeight)) {
      double[] counts = new double[classes.length];
      double total = 0;
      for (int i = 0; i < encoded.length; i++) {
        counts[encoded[i]] += weights[i];
        total += weights[i];
      }
      for (int c = 0; c < classes.length; c++) {
        perClass[c] = total / (classes.length * counts[c]);
      }
    } else {
      Map<?, ?> given = (Map<?, ?>) classWeight;
      for (int c = 0; c < classes.length; c++) {
        Object w = given.get(classes[c]);
        perClass[c] = w == null ? 1 : ((Number) w).doubleValue();
      }
    }
    for (int i = 0; i < encoded.length; i++) {
      weights[i] *= perClass[encoded[i]];
    }
  }

  /** The class labels, sorted ({@code classes_}). */
  @Override
  public int[] classes() {
    return state().classes.clone();
  }

  /** The weights, (1, n_features) for two classes, (n_classes, n_features) otherwise. */
  public double[][] coef() {
    double[][] coef = state().coef;
    double[][] copy = new double[coef.length][];
    for (int k = 0; k < coef.length; k++) {
      copy[k] = coef[k].clone();
    }
    return copy;
  }

  /** The intercepts, (1,) or (n_classes,) ({@code intercept_}). */
  public double[] intercept() {
    return state().intercept.clone();
  }

  /** The solver's iterations ({@code n_iter_[0]}). */
  public int nIter() {
    return state().nIter[0];
  }

  /** scikit-learn's warnings of the last fit (ConvergenceWarning...), empty when none. */
  public List<String> warnings() {
    return state().warnings;
  }

  /**
   * The scores {@code X · coefᵀ + intercept}, shape (n_samples, 1) for two classes (the score of
   * {@code classes()[1]}) or (n_samples, n_classes) ({@code decision_function}).
   */
  public double[][] decisionFunction(double[][] X) {
    Fitted f = state();
    Checks.checkMatrix("X", X);
    Checks.checkArgument(X[0].length == f.nFeaturesIn, "X has " + X[0].length
        + " features, but LogisticRegression is expecting " + f.nFeaturesIn
        + " features as input");
    double[][] scores = new double[X.length][f.coef.length];
    for (int i = 0; i < X.length; i++) {
      for (int k = 0; k < f.coef.length; k++) {
        double s = 0;
        for (int j = 0; j < f.nFeaturesIn; j++) {
          s += X[i][j] * f.coef[k][j];
        }
        scores[i][k] = s + f.intercept[k];
      }
    }
    return scores;
  }

  /** The class of largest score: {@code classes()[1]} when its score is > 0, for two classes. */
  @Override
  public int[] predict(double[][] X) {
    Fitted f = state();
    double[][] scores = decisionFunction(X);
    int[] out = new int[X.length];
    for (int i = 0; i < X.length; i++) {
      int best = 0;
      if (scores[i].length == 1) {
        best = scores[i][0] > 0 ? 1 : 0;
      } else {
        for (int k = 1; k < scores[i].length; k++) {
          if (scores[i][k] > scores[i][best]) {
            best = k;
          }
        }
      }
      out[i] = f.classes[best];
    }
    return out;
  }

  /**
   * The probability of each class, shape (n_samples, n_classes), in {@code classes()} order:
   * {@code [1 − σ(s), σ(s)]} for two classes, the softmax of the scores otherwise.
   */
  @Override
  public double[][] predictProba(double[][] X) {
    double[][] scores = decisionFunction(X);
    int classes = state().classes.length;
    double[][] proba = new double[X.length][classes];
    for (int i = 0; i < X.length; i++) {
      if (classes == 2) {
        double p = LogisticLoss.expit(scores[i][0]);
        proba[i][0] = 1 - p;
        proba[i][1] = p;
      } else {
        double max = Arrays.stream(scores[i]).max().orElseThrow();
        double sum = 0;
        for (int k = 0; k < classes; k++) {
          proba[i][k] = Math.exp(scores[i][k] - max);
          sum += proba[i][k];
        }
        for (int k = 0; k < classes; k++) {
          proba[i][k] /= sum;
        }
      }
    }
    return proba;
  }

  /** {@code log(predictProba(X))} ({@code predict_log_proba}). */
  public double[][] predictLogProba(double[][] X) {
    double[][] proba = predictProba(X);
    for (double[] row : proba) {
      for (int k = 0; k < row.length; k++) {
        row[k] = Math.log(row[k]);
      }
    }
    return proba;
  }

  private Fitted state() {
    return fitted();
  }
}
