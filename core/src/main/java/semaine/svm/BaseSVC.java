package semaine.svm;

import java.util.Arrays;
import java.util.Map;
import semaine.base.Classifier;
import semaine.base.EstimatorSpec;
import semaine.util.Checks;

/**
 * The support vector classifiers, as scikit-learn's {@code BaseSVC}: labels are encoded as their
 * rank among the sorted classes, libsvm trains one-vs-one, and the answers are read back in
 * scikit-learn's conventions.
 *
 * <ul>
 *   <li>{@code decisionFunction}: with two classes one value per sample, positive for classes_[1]
 *       (libsvm's value negated); with more, one value per pair ("ovo") or per class ("ovr": votes
 *       plus the summed confidences squashed into (−1/3, 1/3), scikit-learn's
 *       {@code _ovr_decision_function}).
 *   <li>{@code predict}: libsvm's vote (a pair's positive value votes for its first class; ties go
 *       to the lower class), or with {@code break_ties} the argmax of the "ovr" function.
 * </ul>
 */
public abstract class BaseSVC<E extends BaseSVC<E>> extends BaseLibSVM<E> implements Classifier {

  protected BaseSVC(EstimatorSpec<E> spec) {
    super(spec);
  }

  /** {@code decision_function_shape}: "ovr" (default) or "ovo". */
  public E decisionFunctionShape(String shape) {
    return set(DECISION_FUNCTION_SHAPE, shape);
  }

  /** {@code break_ties}: predict by the argmax of the "ovr" decision function (default false). */
  public E breakTies(boolean breakTies) {
    return set(BREAK_TIES, breakTies);
  }

  /** {@code probability}: fit Platt's sigmoids for {@link #predictProba} (default false). */
  public E probability(boolean probability) {
    return set(PROBABILITY, probability);
  }

  /** {@code random_state}: the seed of the internal cross-validation of probability=True. */
  public E randomState(Object randomState) {
    return set(RANDOM_STATE, randomState);
  }

  @Override
  @SuppressWarnings("unchecked")
  public E fit(double[][] X, int[] y) {
    return fit(X, y, null);
  }

  /**
   * Fits on X, shape (n_samples, n_features) (or (n_samples, n_samples) for a precomputed kernel),
   * labels y and per-sample weights (null for ones), which multiply C sample by sample.
   *
   * @return this model
   */
  @SuppressWarnings("unchecked")
  public E fit(double[][] X, int[] y, double[] sampleWeight) {
    validateParams();
    Checks.checkArgument(y != null, "y must not be null");
    Checks.checkMatrix("X", X);
    Checks.checkSameLength("X", X.length, "y", y.length);
    int[] classes = Arrays.stream(y).sorted().distinct().toArray();
    if (classes.length < 2) {
      throw new IllegalArgumentException(
          "The number of classes has to be greater than one; got 1 class");
    }
    int k = classes.length;
    int[] encoded = new int[y.length];
    int[] counts = new int[k];
    for (int i = 0; i < y.length; i++) {
      encoded[i] = Arrays.binarySearch(classes, y[i]);
      counts[encoded[i]]++;
    }
    double[] classWeight = classWeight(classes, counts, y.length);
    // drawn at every fit, as scikit-learn does, whether or not probabilities are asked for
    long seed = checkRandomState(get(RANDOM_STATE)).randint(0, Integer.MAX_VALUE);
    Prepared prep = prepare(X, sampleWeight);
    int[] label = new int[prep.kept().length];
    for (int t = 0; t < label.length; t++) {
      label[t] = encoded[prep.kept()[t]];
    }
    checkProblem(label, encoded, sampleWeight, k);
    double[] weightedC = new double[k];
    for (int c = 0; c < k; c++) {
      weightedC[c] = cForClasses() * classWeight[c];
    }
    OneVsOne.BinarySolver solver = binarySolver(prep);
    var calibration = get(PROBABILITY)
        ? PlattScaling.calibration(solver, prep, seed, get(CACHE_SIZE)) : null;
    var trained = OneVsOne.train(prep, label, k, weightedC, solver, calibration,
        get(CACHE_SIZE));
    fitted(model(X, prep, trained, classes, classWeight));
    return (E) this;
  }

  /** C for every class before weighting: C for C-SVC, 1 for ν-SVC (which ignores class_weight). */
  abstract double cForClasses();

  /** The formulation solved for each pair. */
  abstract OneVsOne.BinarySolver binarySolver(Prepared prep);

  /** Data checks of the formulation (ν's feasibility, one class left after dropping weights). */
  abstract void checkProblem(int[] keptLabel, int[] label, double[] sampleWeight, int k);

  /** class_weight_: ones, n / (k · count) for "balanced", or the given weight per label. */
  private double[] classWeight(int[] classes, int[] counts, int n) {
    Object option = get(CLASS_WEIGHT);
    double[] weights = new double[classes.length];
    Arrays.fill(weights, 1.0);
    if ("balanced".equals(option)) {
      for (int c = 0; c < classes.length; c++) {
        weights[c] = (double) n / ((double) classes.length * counts[c]);
      }
    } else if (option instanceof Map<?, ?> given) {
      for (var entry : given.entrySet()) {
        int label = ((Number) entry.getKey()).intValue();
        int c = Arrays.binarySearch(classes, label);
        Checks.checkArgument(c >= 0, "class_weight has label " + label
            + ", which is not a class of y " + Arrays.toString(classes));
        weights[c] = ((Number) entry.getValue()).doubleValue();
      }
    }
    return weights;
  }

  private LibSvmFit model(double[][] X, Prepared prep, OneVsOne.Trained t, int[] classes,
      double[] classWeight) {
    checkFinite(t.coef(), t.rho());
    boolean precomputed = get(KERNEL).equals("precomputed");
    double[][] sv = new double[precomputed ? 0 : t.support().length][];
    for (int s = 0; s < sv.length; s++) {
      sv[s] = prep.X()[t.support()[s]].clone();
    }
    double[] rawIntercept = new double[t.rho().length];
    for (int p = 0; p < rawIntercept.length; p++) {
      rawIntercept[p] = intercept(t.rho()[p]);
    }
    double[][] dualCoef = t.coef();
    double[] interceptShown = rawIntercept;
    if (classes.length == 2) {
      dualCoef = new double[][] {negate(t.coef()[0])};
      interceptShown = negate(rawIntercept);
    }
    return new LibSvmFit(t.support(), precomputed ? null : sv, t.nSupport(), dualCoef,
        interceptShown, t.coef(), rawIntercept, t.probA(), t.probB(), t.timedOut() ? 1 : 0,
        t.nIter(), classes, classWeight, prep.gamma(), new int[] {X.length, X[0].length},
        X[0].length, t.hitRate());
  }

  static double[] negate(double[] a) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = -a[i];
    }
    return out;
  }

  /** The sorted class labels ({@code classes_}). */
  @Override
  public int[] classes() {
    return libsvmFit().classes().clone();
  }

  /**
   * The decision function, shape (n_samples, 1) for two classes (positive for classes_[1]),
   * (n_samples, n_classes) for "ovr", (n_samples, n_classes·(n_classes − 1)/2) for "ovo".
   */
  public double[][] decisionFunction(double[][] X) {
    LibSvmFit f = libsvmFit();
    double[][] raw = rawDecision(f, X);
    int k = f.classes().length;
    if (k == 2) {
      for (double[] row : raw) {
        row[0] = -row[0];
      }
      return raw;
    }
    return get(DECISION_FUNCTION_SHAPE).equals("ovr") ? ovr(raw, k) : raw;
  }

  /** scikit-learn's {@code _ovr_decision_function(dec < 0, −dec, k)}. */
  static double[][] ovr(double[][] dec, int k) {
    double[][] out = new double[dec.length][k];
    for (int r = 0; r < dec.length; r++) {
      double[] votes = new double[k];
      double[] confidence = new double[k];
      int p = 0;
      for (int i = 0; i < k; i++) {
        for (int j = i + 1; j < k; j++) {
          double c = -dec[r][p];
          confidence[i] -= c;
          confidence[j] += c;
          if (dec[r][p] < 0) {
            votes[j] += 1;
          } else {
            votes[i] += 1;
          }
          p++;
        }
      }
      for (int c = 0; c < k; c++) {
        out[r][c] = votes[c] + confidence[c] / (3 * (Math.abs(confidence[c]) + 1));
      }
    }
    return out;
  }

  /** The class of each row of X: libsvm's one-vs-one vote, or the "ovr" argmax with break_ties. */
  @Override
  public int[] predict(double[][] X) {
    LibSvmFit f = libsvmFit();
    boolean ovo = get(DECISION_FUNCTION_SHAPE).equals("ovo");
    if (get(BREAK_TIES) && ovo) {
      throw new IllegalArgumentException(
          "break_ties must be False when decision_function_shape is 'ovo'");
    }
    int k = f.classes().length;
    boolean byScores = get(BREAK_TIES) && k > 2;
    // a vote needs only the signs of the decision values
    double[][] raw = rawDecision(f, X, !byScores);
    int[] predictions = new int[X.length];
    double[][] scores = byScores ? ovr(raw, k) : null;
    for (int r = 0; r < X.length; r++) {
      int best = 0;
      if (scores != null) {
        for (int c = 1; c < k; c++) {
          if (scores[r][c] > scores[r][best]) {
            best = c;
          }
        }
      } else {
        int[] votes = new int[k];
        int p = 0;
        for (int i = 0; i < k; i++) {
          for (int j = i + 1; j < k; j++) {
            votes[raw[r][p++] > 0 ? i : j]++;
          }
        }
        for (int c = 1; c < k; c++) {
          if (votes[c] > votes[best]) {
            best = c;
          }
        }
      }
      predictions[r] = f.classes()[best];
    }
    return predictions;
  }

  /**
   * The probability of each class, shape (n_samples, n_classes): Platt's sigmoid of each pair's
   * decision value, coupled by Wu, Lin and Weng's method.
   *
   * @throws UnsupportedOperationException when the model was fitted without probability=True
   */
  @Override
  public double[][] predictProba(double[][] X) {
    LibSvmFit f = libsvmFit();
    if (f.probA() == null) {
      throw new UnsupportedOperationException(
          "predict_proba is not available when probability=False: fit with probability=True");
    }
    return PlattScaling.predictProba(f.probA(), f.probB(), rawDecision(f, X), f.classes().length);
  }

  /**
   * The weights of each pair's function for a linear kernel, shape (n_pairs, n_features)
   * ({@code coef_}).
   */
  public double[][] coef() {
    Checks.checkArgument(get(KERNEL).equals("linear"),
        "coef_ is only available when using a linear kernel");
    LibSvmFit f = libsvmFit();
    if (f.classes().length == 2) {
      return primal(f.dualCoef(), f.supportVectors());
    }
    return pairwiseCoef(f);
  }

  /** scikit-learn's {@code _one_vs_one_coef}: one weight vector per pair of classes. */
  private static double[][] pairwiseCoef(LibSvmFit f) {
    int k = f.classes().length;
    int[] start = new int[k + 1];
    for (int c = 0; c < k; c++) {
      start[c + 1] = start[c] + f.nSupport()[c];
    }
    int d = f.nFeaturesIn();
    double[][] coef = new double[k * (k - 1) / 2][d];
    int p = 0;
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        for (int s = start[i]; s < start[i + 1]; s++) {
          addScaled(coef[p], f.rawDualCoef()[j - 1][s], f.supportVectors()[s]);
        }
        for (int s = start[j]; s < start[j + 1]; s++) {
          addScaled(coef[p], f.rawDualCoef()[i][s], f.supportVectors()[s]);
        }
        p++;
      }
    }
    return coef;
  }

  private static void addScaled(double[] target, double a, double[] x) {
    for (int f = 0; f < target.length; f++) {
      target[f] += a * x[f];
    }
  }

  /** The solver's iterations per pair of classes ({@code n_iter_}). */
  public int[] nIter() {
    return libsvmFit().nIter().clone();
  }

  /** Platt's A per pair ({@code probA_}); empty without probability=True. */
  public double[] probA() {
    double[] a = libsvmFit().probA();
    return a == null ? new double[0] : a.clone();
  }

  /** Platt's B per pair ({@code probB_}). */
  public double[] probB() {
    double[] b = libsvmFit().probB();
    return b == null ? new double[0] : b.clone();
  }

}
