package semaine.svm;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import semaine.util.Checks;

/**
 * liblinear as scikit-learn 1.9 drives it ({@code _fit_liblinear}): the solver chosen from
 * penalty, loss and dual; the samples as sparse rows with the intercept as one more feature of
 * value {@code intercept_scaling} (so the intercept is penalised like the weights); samples of
 * weight ≤ 0 dropped; classes sorted; two classes solved once (+1 for classes_[1]), more one
 * against the rest (C·class_weight for the class, plain C for the rest), or jointly by Crammer
 * and Singer; and the random order of the coordinate-descent passes drawn from std::mt19937
 * seeded with {@code random_state.randint(2³¹ − 1)}.
 *
 * <p>Used by {@link LinearSVC}, {@link LinearSVR} and {@code LogisticRegression(solver=
 * "liblinear")}.
 */
public final class Liblinear {

  /** liblinear's solver numbers, as {@code _get_liblinear_solver_type} returns them. */
  static final int L2R_LR = 0;
  static final int L2R_L2LOSS_SVC_DUAL = 1;
  static final int L2R_L2LOSS_SVC = 2;
  static final int L2R_L1LOSS_SVC_DUAL = 3;
  static final int MCSVM_CS = 4;
  static final int L1R_L2LOSS_SVC = 5;
  static final int L1R_LR = 6;
  static final int L2R_LR_DUAL = 7;
  static final int L2R_L2LOSS_SVR = 11;
  static final int L2R_L2LOSS_SVR_DUAL = 12;
  static final int L2R_L1LOSS_SVR_DUAL = 13;

  /** scikit-learn's warning when a solver reaches max_iter. */
  public static final String CONVERGENCE_WARNING =
      "Liblinear failed to converge, increase the number of iterations.";

  /**
   * How to train.
   *
   * @param solver liblinear's solver number
   * @param C the penalty of the losses, > 0
   * @param tol the stopping tolerance (liblinear's eps)
   * @param maxIter the iteration limit
   * @param fitIntercept whether to add the bias feature
   * @param interceptScaling its value, > 0
   * @param epsilon the regression tube's half-width (SVR solvers)
   * @param seed the generator's seed, drawn from random_state
   */
  public record Settings(int solver, double C, double tol, int maxIter, boolean fitIntercept,
      double interceptScaling, double epsilon, long seed) {}

  /**
   * What training gives, as scikit-learn splits it.
   *
   * @param coef (1, n_features) for two classes or regression, (n_classes, n_features) otherwise
   * @param intercept one per row of coef: intercept_scaling times the bias weight, 0 without one
   * @param nIter the iterations per problem solved (one for two classes, regression and
   *     Crammer-Singer's joint problem; zeros after the first for Crammer-Singer, as liblinear)
   * @param warnings scikit-learn's ConvergenceWarning when a solver reached max_iter
   */
  public record Fit(double[][] coef, double[] intercept, int[] nIter, List<String> warnings) {}

  private Liblinear() {}

  /** scikit-learn's {@code _get_liblinear_solver_type}, with its error messages. */
  public static int solverType(String multiClass, String penalty, String loss, boolean dual) {
    if (multiClass.equals("crammer_singer")) {
      return MCSVM_CS;
    }
    Checks.checkArgument(multiClass.equals("ovr"),
        "`multi_class` must be one of `ovr`, `crammer_singer`, got '" + multiClass + "'");
    Map<String, Map<String, int[]>> table = Map.of(
        "logistic_regression", Map.of("l1", new int[] {L1R_LR, -1}, "l2",
            new int[] {L2R_LR, L2R_LR_DUAL}),
        "hinge", Map.of("l2", new int[] {-1, L2R_L1LOSS_SVC_DUAL}),
        "squared_hinge", Map.of("l1", new int[] {L1R_L2LOSS_SVC, -1}, "l2",
            new int[] {L2R_L2LOSS_SVC, L2R_L2LOSS_SVC_DUAL}),
        "epsilon_insensitive", Map.of("l2", new int[] {-1, L2R_L1LOSS_SVR_DUAL}),
        "squared_epsilon_insensitive", Map.of("l2",
            new int[] {L2R_L2LOSS_SVR, L2R_L2LOSS_SVR_DUAL}));
    String error;
    var penalties = table.get(loss);
    if (penalties == null) {
      error = "loss='" + loss + "' is not supported";
    } else if (!penalties.containsKey(penalty)) {
      error = "The combination of penalty='" + penalty + "' and loss='" + loss
          + "' is not supported";
    } else if (penalties.get(penalty)[dual ? 1 : 0] < 0) {
      error = "The combination of penalty='" + penalty + "' and loss='" + loss
          + "' are not supported when dual=" + (dual ? "True" : "False");
    } else {
      return penalties.get(penalty)[dual ? 1 : 0];
    }
    throw new IllegalArgumentException("Unsupported set of arguments: " + error
        + ", Parameters: penalty='" + penalty + "', loss='" + loss + "', dual="
        + (dual ? "True" : "False"));
  }

  /**
   * scikit-learn's {@code _validate_dual_parameter}: dual="auto" prefers the dual when there are
   * fewer samples than features and the primal otherwise, each when the combination has it.
   */
  public static boolean resolveDual(Object dual, String multiClass, String penalty, String loss,
      int nSamples, int nFeatures) {
    if (dual instanceof Boolean given) {
      return given;
    }
    boolean prefer = nSamples < nFeatures;
    try {
      solverType(multiClass, penalty, loss, prefer);
      return prefer;
    } catch (IllegalArgumentException unsupported) {
      return !prefer;
    }
  }

  /**
   * scikit-learn's {@code compute_class_weight}: ones; "balanced" = Σw / (k · Σw of the class)
   * with the sample weights; or a map label → weight.
   */
  public static double[] classWeight(Object option, int[] classes, int[] encoded,
      double[] sampleWeight) {
    double[] weights = new double[classes.length];
    Arrays.fill(weights, 1.0);
    if ("balanced".equals(option)) {
      double[] counts = new double[classes.length];
      for (int i = 0; i < encoded.length; i++) {
        counts[encoded[i]] += sampleWeight == null ? 1.0 : sampleWeight[i];
      }
      double total = 0;
      for (double c : counts) {
        total += c;
      }
      for (int c = 0; c < classes.length; c++) {
        weights[c] = total / (classes.length * counts[c]);
      }
    } else if (option instanceof Map<?, ?> given) {
      for (var entry : given.entrySet()) {
        int label = ((Number) entry.getKey()).intValue();
        int c = Arrays.binarySearch(classes, label);
        if (c >= 0) {
          weights[c] = ((Number) entry.getValue()).doubleValue();
        }
      }
    }
    return weights;
  }

  /**
   * LogisticRegression(solver="liblinear"), as scikit-learn calls {@code _fit_liblinear}: two
   * classes only, the primal trust-region Newton method (l2), its dual coordinate descent (l2,
   * dual=True) or newGLMNET (l1), as {@code settings.solver()} says; the intercept is an extra
   * feature of value intercept_scaling, penalised like the weights; class weights multiply C.
   *
   * @param classWeightOption the estimator's {@code class_weight}
   */
  public static Fit logisticRegression(double[][] X, int[] encoded, int[] classes,
      double[] sampleWeight, Object classWeightOption, Settings settings) {
    if (classes.length != 2) {
      throw new IllegalArgumentException("The 'liblinear' solver does not support multiclass"
          + " classification (n_classes >= 3). Either use another solver or wrap the estimator"
          + " in a OneVsRestClassifier to keep applying a one-versus-rest scheme.");
    }
    for (double[] row : X) {
      for (double v : row) {
        Checks.checkArgument(v <= 1e30, "Using the 'liblinear' solver while X contains a maximum"
            + " value > 1e30 results in a frozen fit. Please choose another solver or rescale"
            + " the input X.");
      }
    }
    double[] classWeight = classWeight(classWeightOption, classes, encoded, sampleWeight);
    return classify(X, encoded, 2, classWeight, sampleWeight, settings);
  }

  /**
   * Trains a classifier on labels encoded 0..k−1 (k ≥ 2) with one weight per class.
   *
   * @param sampleWeight per-sample weights, or null for ones
   */
  public static Fit classify(double[][] X, int[] encoded, int k, double[] classWeight,
      double[] sampleWeight, Settings settings) {
    Problem problem = Problem.of(X, sampleWeight, settings);
    int[] kept = problem.kept;
    // liblinear's group_classes: the kept samples, class by class, in sample order
    int[] perm = new int[kept.length];
    int[] start = new int[k + 1];
    for (int t : kept) {
      start[encoded[t] + 1]++;
    }
    for (int c = 0; c < k; c++) {
      start[c + 1] += start[c];
    }
    int[] fill = Arrays.copyOf(start, k);
    for (int r = 0; r < kept.length; r++) {
      perm[fill[encoded[kept[r]]]++] = r;
    }
    SparseRows rows = problem.rows.select(perm);
    double[] W = new double[perm.length];
    int[] label = new int[perm.length];
    for (int r = 0; r < perm.length; r++) {
      W[r] = problem.W[perm[r]];
      label[r] = encoded[kept[perm[r]]];
    }
    double[] weightedC = new double[k];
    for (int c = 0; c < k; c++) {
      weightedC[c] = settings.C() * classWeight[c];
    }
    var random = new PlattScaling.BoundedRandom(settings.seed());
    int width = rows.width();
    double[][] raw;
    int[] nIter;
    if (settings.solver() == MCSVM_CS) {
      double[] C = new double[perm.length];
      for (int r = 0; r < C.length; r++) {
        C[r] = W[r] * weightedC[label[r]];
      }
      double[] w = new double[width * k];
      nIter = new int[k];
      nIter[0] = CrammerSinger.solve(rows, label, k, C, settings.tol(), w, random);
      raw = new double[k][width];
      for (int f = 0; f < width; f++) {
        for (int c = 0; c < k; c++) {
          raw[c][f] = w[f * k + c];
        }
      }
    } else {
      int problems = k == 2 ? 1 : k;
      raw = new double[problems][width];
      nIter = new int[problems];
      double[] y = new double[perm.length];
      for (int c = 0; c < problems; c++) {
        int positive = k == 2 ? 1 : c;
        for (int r = 0; r < y.length; r++) {
          y[r] = label[r] == positive ? 1 : -1;
        }
        double cn = k == 2 ? weightedC[0] : settings.C();
        nIter[c] = trainOne(rows, y, W, raw[c], weightedC[positive], cn, settings, random);
      }
    }
    return split(raw, nIter, settings);
  }

  /** Trains a regressor (solvers 11, 12, 13) on real targets. */
  public static Fit regress(double[][] X, double[] target, double[] sampleWeight,
      Settings settings) {
    Problem problem = Problem.of(X, sampleWeight, settings);
    double[] y = new double[problem.kept.length];
    for (int r = 0; r < y.length; r++) {
      y[r] = target[problem.kept[r]];
    }
    double[][] raw = new double[1][problem.rows.width()];
    var random = new PlattScaling.BoundedRandom(settings.seed());
    int[] nIter = {trainOne(problem.rows, y, problem.W, raw[0], 0, 0, settings, random)};
    return split(raw, nIter, settings);
  }

  /** liblinear's {@code train_one}: one binary (y = ±1) or regression problem into w. */
  private static int trainOne(SparseRows x, double[] y, double[] W, double[] w, double cp,
      double cn, Settings s, PlattScaling.BoundedRandom random) {
    int l = y.length;
    int pos = 0;
    for (double v : y) {
      pos += v > 0 ? 1 : 0;
    }
    double primalTol = s.tol() * Math.max(Math.min(pos, l - pos), 1) / l;
    return switch (s.solver()) {
      case L2R_LR -> Tron.minimize(PrimalObjectives.logistic(x, y, classC(y, W, cp, cn)), w,
          primalTol, s.maxIter());
      case L2R_L2LOSS_SVC -> Tron.minimize(PrimalObjectives.squaredHinge(x, y,
          classC(y, W, cp, cn)), w, primalTol, s.maxIter());
      case L2R_L2LOSS_SVC_DUAL, L2R_L1LOSS_SVC_DUAL -> DualCoordinateDescent.svc(x, y, W, w,
          s.tol(), cp, cn, s.solver() == L2R_L1LOSS_SVC_DUAL, s.maxIter(), random);
      case L1R_L2LOSS_SVC -> L1CoordinateDescent.squaredHinge(x.transpose(), y, W, w, primalTol,
          cp, cn, s.maxIter(), random);
      case L1R_LR -> L1CoordinateDescent.logistic(x.transpose(), y, W, w, primalTol, cp, cn,
          s.maxIter(), random);
      case L2R_LR_DUAL -> DualCoordinateDescent.logistic(x, y, W, w, s.tol(), cp, cn,
          s.maxIter(), random);
      case L2R_L2LOSS_SVR -> Tron.minimize(PrimalObjectives.squaredEpsilon(x, y,
          classC(y, W, s.C(), s.C()), s.epsilon()), w, s.tol(), s.maxIter());
      case L2R_L2LOSS_SVR_DUAL, L2R_L1LOSS_SVR_DUAL -> DualCoordinateDescent.svr(x, y, W, w,
          s.tol(), s.C(), s.epsilon(), s.solver() == L2R_L1LOSS_SVR_DUAL, s.maxIter(), random);
      default -> throw new IllegalArgumentException("unknown liblinear solver " + s.solver());
    };
  }

  /** C_i = W_i·Cp for positive samples, W_i·Cn otherwise. */
  private static double[] classC(double[] y, double[] W, double cp, double cn) {
    double[] C = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      C[i] = W[i] * (y[i] > 0 ? cp : cn);
    }
    return C;
  }

  /** coef_ = raw[:, :−1], intercept_ = intercept_scaling·raw[:, −1]; the convergence check. */
  private static Fit split(double[][] raw, int[] nIter, Settings s) {
    double[][] coef = new double[raw.length][];
    double[] intercept = new double[raw.length];
    for (int c = 0; c < raw.length; c++) {
      for (double v : raw[c]) {
        if (!Double.isFinite(v)) {
          throw new ArithmeticException("liblinear produced a non-finite coefficient; scale the"
              + " data or lower C");
        }
      }
      int p = s.fitIntercept() ? raw[c].length - 1 : raw[c].length;
      coef[c] = Arrays.copyOf(raw[c], p);
      intercept[c] = s.fitIntercept() ? s.interceptScaling() * raw[c][p] : 0.0;
    }
    int most = Arrays.stream(nIter).max().orElse(0);
    List<String> warnings = most >= s.maxIter() ? List.of(CONVERGENCE_WARNING) : List.of();
    return new Fit(coef, intercept, nIter, warnings);
  }

  /** The kept samples (weight > 0) as sparse rows with their weights. */
  private record Problem(SparseRows rows, double[] W, int[] kept) {

    static Problem of(double[][] X, double[] sampleWeight, Settings settings) {
      Checks.checkMatrix("X", X);
      int n = X.length;
      if (sampleWeight != null) {
        Checks.checkVector("sample_weight", sampleWeight);
        Checks.checkSameLength("X", n, "sample_weight", sampleWeight.length);
      }
      int count = 0;
      for (int i = 0; i < n; i++) {
        count += sampleWeight == null || sampleWeight[i] > 0 ? 1 : 0;
      }
      int[] kept = new int[count];
      double[] W = new double[count];
      double[][] rows = new double[count][];
      for (int i = 0, r = 0; i < n; i++) {
        if (sampleWeight == null || sampleWeight[i] > 0) {
          kept[r] = i;
          W[r] = sampleWeight == null ? 1.0 : sampleWeight[i];
          rows[r++] = X[i];
        }
      }
      Checks.checkArgument(count > 0, "Invalid input - all samples have zero or negative"
          + " weights.");
      double bias = settings.fitIntercept() ? settings.interceptScaling() : -1;
      return new Problem(SparseRows.of(rows, bias), W, kept);
    }
  }
}
