package semaine.classification;

import java.util.Arrays;
import semaine.base.Attribute;
import semaine.base.BaseEstimator;
import semaine.base.Classifier;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.util.Checks;
import semaine.util.Parallel;

/**
 * Gaussian naive Bayes: each class c has a prior π_c and, per feature, a normal distribution of
 * mean θ_cj and variance σ²_cj; a sample goes to the class of largest
 * {@code log π_c − ½ Σ_j log(2π σ²_cj) − ½ Σ_j (x_j − θ_cj)² / σ²_cj}. scikit-learn 1.9's
 * {@code GaussianNB}: θ and σ² are the class means and variances (ddof 0), σ² plus
 * {@code ε = var_smoothing · max_j var(X_j)} for stability; the priors are the class frequencies
 * unless given. {@link #partialFit} updates the counts, means and variances batch by batch
 * (Chan, Golub and LeVeque's pairwise update), as {@code partial_fit}; like scikit-learn, each
 * call recomputes ε from its own batch and subtracts it from the variances before the update.
 *
 * <pre>{@code
 * var model = new GaussianNB().fit(X, y);       // GaussianNB().fit(X, y)
 * double[][] proba = model.predictProba(X);     // model.predict_proba(X)
 * }</pre>
 */
public final class GaussianNB extends BaseEstimator<GaussianNB> implements Classifier {

  static final Param<Object> PRIORS = Param.of("priors", null, Rule.none(),
      Rule.instanceOf(double[].class, "an array of class priors"));
  static final Param<Double> VAR_SMOOTHING = Param.of("var_smoothing", 1e-9, Rule.atLeast(0));
  private static final EstimatorSpec<GaussianNB> SPEC = EstimatorSpec.of(
      "sklearn.naive_bayes.GaussianNB", GaussianNB::new, Fitted.class, PRIORS, VAR_SMOOTHING);

  /**
   * The fitted state.
   *
   * @param theta (n_classes, n_features) class means
   * @param var (n_classes, n_features) class variances plus epsilon
   * @param classCount (n_classes,) samples seen per class
   * @param classPrior (n_classes,) the priors
   * @param classes (n_classes,) the labels
   * @param epsilon the smoothing added to the variances
   * @param nFeaturesIn the number of features
   */
  private record Fitted(@Attribute("theta_") double[][] theta, @Attribute("var_") double[][] var,
      @Attribute("class_count_") double[] classCount,
      @Attribute("class_prior_") double[] classPrior, int[] classes,
      @Attribute("epsilon_") double epsilon, int nFeaturesIn) {}

  /** The rows of one task of {@link #jointLogLikelihood}. */
  private static final int PREDICT_GRAIN = 1 << 13;

  /** {@code GaussianNB()}: priors from the data, var_smoothing 1e-9. */
  public GaussianNB() {
    super(SPEC);
  }

  /** {@code priors}: the class priors, summing to 1 (null: the class frequencies). */
  public GaussianNB priors(double[] priors) {
    return set(PRIORS, priors == null ? null : priors.clone());
  }

  /** {@code var_smoothing}: the share of the largest feature variance added to all (1e-9). */
  public GaussianNB varSmoothing(double varSmoothing) {
    return set(VAR_SMOOTHING, varSmoothing);
  }

  /** Fits from scratch on the classes of y. */
  @Override
  public GaussianNB fit(double[][] X, int[] y) {
    validateParams();
    Checks.checkArgument(y != null, "y must not be null");
    int[] classes = Arrays.stream(y).sorted().distinct().toArray();
    return update(X, y, classes, null);
  }

  /**
   * Adds a batch ({@code partial_fit}). The first call names every class the model will see;
   * later calls may pass null for classes.
   *
   * @throws IllegalArgumentException if classes are missing on the first call, y holds a label
   *     not in them, or X has another number of features than before
   */
  public GaussianNB partialFit(double[][] X, int[] y, int[] classes) {
    validateParams();
    Checks.checkArgument(y != null, "y must not be null");
    Fitted previous = isFitted() ? fitted() : null;
    if (previous == null) {
      Checks.checkArgument(classes != null, "classes must be passed on the first call to"
          + " partial_fit.");
      return update(X, y, Arrays.stream(classes).sorted().distinct().toArray(), null);
    }
    if (classes != null) {
      Checks.checkArgument(Arrays.equals(Arrays.stream(classes).sorted().distinct().toArray(),
          previous.classes), "`classes=" + Arrays.toString(classes) + "` is not the same as on"
          + " last call to partial_fit, was: " + Arrays.toString(previous.classes));
    }
    return update(X, y, previous.classes, previous);
  }

  private GaussianNB update(double[][] X, int[] y, int[] classes, Fitted previous) {
    Checks.checkMatrix("X", X);
    Checks.checkSameLength("X", X.length, "y", y.length);
    int p = X[0].length;
    int k = classes.length;
    if (previous != null) {
      Checks.checkArgument(p == previous.nFeaturesIn, "X has " + p + " features, but GaussianNB"
          + " is expecting " + previous.nFeaturesIn + " features as input");
    }
    int[] encoded = new int[y.length];
    int[] batchCounts = new int[k + 1]; // the last: every row
    for (int i = 0; i < y.length; i++) {
      encoded[i] = Arrays.binarySearch(classes, y[i]);
      if (encoded[i] < 0) {
        throw new IllegalArgumentException("The target label(s) [" + y[i] + "] in y do not exist"
            + " in the initial classes " + Arrays.toString(classes));
      }
      batchCounts[encoded[i]]++;
    }
    batchCounts[k] = y.length;
    double[][] means = new double[k + 1][p];
    double[][] variances = new double[k + 1][p];
    moments(X, encoded, batchCounts, means, variances);
    double epsilon = get(VAR_SMOOTHING) * max(variances[k]);
    double[][] theta = new double[k][p];
    double[][] var = new double[k][p];
    double[] counts = new double[k];
    if (previous != null) {
      for (int c = 0; c < k; c++) {
        theta[c] = previous.theta[c].clone();
        var[c] = previous.var[c].clone();
        for (int j = 0; j < p; j++) {
          var[c][j] -= epsilon;   // this batch's ε, not the one added before: scikit-learn's way
        }
      }
      counts = previous.classCount.clone();
    }
    for (int c = 0; c < k; c++) {
      int n = batchCounts[c];
      if (n == 0) {
        continue;
      }
      double[] mean = means[c];
      double[] batchVar = variances[c];
      if (counts[c] == 0) {
        theta[c] = mean;
        var[c] = batchVar;
      } else {
        double total = counts[c] + n;
        for (int j = 0; j < p; j++) {
          double d = theta[c][j] - mean[j];
          double ssd = counts[c] * var[c][j] + n * batchVar[j] + n * counts[c] / total * d * d;
          theta[c][j] = (n * mean[j] + counts[c] * theta[c][j]) / total;
          var[c][j] = ssd / total;
        }
      }
      counts[c] += n;
    }
    for (double[] row : var) {
      for (int j = 0; j < p; j++) {
        row[j] += epsilon;
      }
    }
    fitted(new Fitted(theta, var, counts, classPriors(counts), classes, epsilon, p));
    return this;
  }

  /** The given priors (checked) or the class frequencies. */
  private double[] classPriors(double[] counts) {
    double[] given = (double[]) get(PRIORS);
    if (given == null) {
      double total = Arrays.stream(counts).sum();
      return Arrays.stream(counts).map(c -> c / total).toArray();
    }
    Checks.checkArgument(given.length == counts.length, "Number of priors must match number of"
        + " classes.");
    double sum = Arrays.stream(given).sum();
    Checks.checkArgument(Math.abs(sum - 1.0) <= 1e-8 + 1e-5, "The sum of the priors should be 1.");
    Checks.checkArgument(Arrays.stream(given).allMatch(v -> v >= 0), "Priors must be"
        + " non-negative.");
    return given.clone();
  }

  /**
   * {@code np.mean} and {@code np.var} along axis 0 of each class's rows (rows 0..k−1 of means and
   * variances) and of all rows (row k): a pass of sums, then a pass of squared deviations from the
   * mean, each adding the rows in order as NumPy does along axis 0, every class in the same pass.
   * The features are shared out between the cores, each adding into its own arrays.
   */
  private static void moments(double[][] X, int[] encoded, int[] counts, double[][] means,
      double[][] variances) {
    int k = counts.length - 1;
    int p = X[0].length;
    // one range of features per core: each range reads every row
    Parallel.perCore(p, (j0, j1) -> {
      int width = j1 - j0;
      double[][] sum = new double[k + 1][width];
      for (int i = 0; i < X.length; i++) {
        double[] row = X[i];
        double[] own = sum[encoded[i]];
        double[] all = sum[k];
        for (int j = j0; j < j1; j++) {
          own[j - j0] += row[j];
        }
        for (int j = j0; j < j1; j++) {
          all[j - j0] += row[j];
        }
      }
      double[][] mean = sum; // the sums become the means, in place
      for (int c = 0; c <= k; c++) {
        for (int j = 0; j < width; j++) {
          mean[c][j] /= counts[c];
        }
      }
      double[][] squares = new double[k + 1][width];
      for (int i = 0; i < X.length; i++) {
        double[] row = X[i];
        double[] ownMean = mean[encoded[i]];
        double[] own = squares[encoded[i]];
        for (int j = j0; j < j1; j++) {
          double d = row[j] - ownMean[j - j0];
          own[j - j0] += d * d;
        }
        double[] allMean = mean[k];
        double[] all = squares[k];
        for (int j = j0; j < j1; j++) {
          double d = row[j] - allMean[j - j0];
          all[j - j0] += d * d;
        }
      }
      for (int c = 0; c <= k; c++) {
        for (int j = 0; j < width; j++) {
          means[c][j0 + j] = mean[c][j];
          variances[c][j0 + j] = squares[c][j] / counts[c];
        }
      }
    });
  }

  private static double max(double[] v) {
    return Arrays.stream(v).max().orElseThrow();
  }

  /** The class labels, sorted ({@code classes_}). */
  @Override
  public int[] classes() {
    return this.<Fitted>fitted().classes.clone();
  }

  /** The joint log-likelihood of each class, shape (n_samples, n_classes). */
  public double[][] jointLogLikelihood(double[][] X) {
    double[][] jll = new double[X.length][];
    eachJointLogLikelihood(X, (i, row) -> jll[i] = row.clone());
    return jll;
  }

  /** Receives row i's joint log-likelihoods, in a buffer re-used for the next rows. */
  private interface RowJll {
    void accept(int i, double[] jll);
  }

  /**
   * Gives each row's joint log-likelihoods log P(c) − ½ Σ_j log(2π σ²_cj) − ½ Σ_j (x_j − θ_cj)² /
   * σ²_cj to {@code each}, the rows shared out between the cores.
   */
  private void eachJointLogLikelihood(double[][] X, RowJll each) {
    Fitted f = fitted();
    Checks.checkMatrix("X", X);
    Checks.checkArgument(X[0].length == f.nFeaturesIn, "X has " + X[0].length + " features, but"
        + " GaussianNB is expecting " + f.nFeaturesIn + " features as input");
    int k = f.classes.length;
    double[] constant = new double[k];
    for (int c = 0; c < k; c++) {
      double s = 0;
      for (double v : f.var[c]) {
        s += Math.log(2 * Math.PI * v);
      }
      constant[c] = Math.log(f.classPrior[c]) - 0.5 * s;
    }
    Parallel.forRange(X.length, PREDICT_GRAIN, (from, to) -> {
      double[] jll = new double[k];
      for (int i = from; i < to; i++) {
        double[] row = X[i];
        for (int c = 0; c < k; c++) {
          double[] mean = f.theta[c];
          double[] var = f.var[c];
          double s = 0;
          for (int j = 0; j < f.nFeaturesIn; j++) {
            double d = row[j] - mean[j];
            s += d * d / var[j];
          }
          jll[c] = constant[c] - 0.5 * s;
        }
        each.accept(i, jll);
      }
    });
  }

  /** The class of largest joint log-likelihood (the first on ties). */
  @Override
  public int[] predict(double[][] X) {
    int[] classes = this.<Fitted>fitted().classes;
    int[] out = new int[X.length];
    eachJointLogLikelihood(X, (i, jll) -> {
      int best = 0;
      for (int c = 1; c < jll.length; c++) {
        if (jll[c] > jll[best]) {
          best = c;
        }
      }
      out[i] = classes[best];
    });
    return out;
  }

  /** {@code exp(jll − logsumexp(jll))}, shape (n_samples, n_classes). */
  @Override
  public double[][] predictProba(double[][] X) {
    double[][] jll = jointLogLikelihood(X);
    for (double[] row : jll) {
      double lse = LogisticLoss.logSumExp(row);
      for (int c = 0; c < row.length; c++) {
        row[c] = Math.exp(row[c] - lse);
      }
    }
    return jll;
  }
}
