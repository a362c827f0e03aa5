package semaine.clustering;

import java.util.ArrayList;
import java.util.List;
import semaine.random.RandomState;
import semaine.util.Checks;

/**
 * k-means clustering: k centres that minimise the inertia Σ_i min_j ‖x_i − μ_j‖², found by
 * Lloyd's iterations from k-means++ seeds, as scikit-learn 1.9's {@code KMeans}.
 *
 * <p>Same numbers as scikit-learn (one OpenMP thread) for the same data and seed: the data is
 * centred on its column means, each of {@code nInit} runs continues the same random stream, and a
 * run replaces the best one only if its inertia is strictly lower and its labels are not the same
 * partition relabelled (rounding can make a copy look better). The tolerance is relative:
 * {@code tol · mean_f var(X[:, f])}.
 *
 * <h2>Notes</h2>
 * Each iteration costs O(n k d); the assignment runs in parallel over fixed chunks of samples and
 * the sums stay in sample order, so the result does not depend on the number of cores. Labels are
 * recomputed after the last move, so {@code labels()} equals {@code predict(X)}. Differences from
 * scikit-learn: no sample weights and no Elkan variant; empty clusters take the farthest samples
 * with ties in index order (NumPy's {@code argpartition} order is not specified).
 *
 * <h2>Example</h2>
 * <pre>{@code
 * var model = new KMeans(4).randomState(0);
 * model.fit(X);
 * int[] predictions = model.predict(X);
 * }</pre>
 *
 * <h2>References</h2>
 * <ol>
 *   <li>S. Lloyd, "Least squares quantization in PCM", IEEE Trans. Inf. Theory 28(2), 1982.
 *   <li>D. Arthur and S. Vassilvitskii, "k-means++: the advantages of careful seeding", SODA 2007.
 * </ol>
 */
public final class KMeans {

  /** How the initial centres are chosen. */
  public enum Init {
    /** Greedy k-means++ ({@code init='k-means++'}). */
    K_MEANS_PLUS_PLUS,
    /** k distinct samples drawn uniformly ({@code init='random'}). */
    RANDOM
  }

  private final int nClusters;
  private Init init = Init.K_MEANS_PLUS_PLUS;
  private double[][] initCenters; // shape (n_clusters, n_features) when given
  private Integer nInit; // null: 'auto'
  private int maxIter = 300;
  private double tol = 1e-4;
  private RandomState randomState;
  private Long seed;
  private boolean recordSteps;

  private Fitted fitted;

  /** A model with {@code nClusters} clusters ({@code KMeans(n_clusters=nClusters)}). */
  public KMeans(int nClusters) {
    this.nClusters = Checks.checkPositive("nClusters", nClusters);
  }

  /** k-means++ (the default) or random initial centres. */
  public KMeans init(Init init) {
    Checks.checkArgument(init != null, "init must not be null");
    this.init = init;
    this.initCenters = null;
    return this;
  }

  /** Explicit initial centres, shape (n_clusters, n_features); one run, no random draws. */
  public KMeans init(double[][] centers) {
    this.initCenters = Checks.checkMatrix("init", centers);
    return this;
  }

  /** The number of runs kept from ({@code n_init}); 'auto' by default: 1 for k-means++, 10 for random. */
  public KMeans nInit(int nInit) {
    this.nInit = Checks.checkPositive("nInit", nInit);
    return this;
  }

  /** The largest number of Lloyd iterations per run ({@code max_iter}, 300). */
  public KMeans maxIter(int maxIter) {
    this.maxIter = Checks.checkPositive("maxIter", maxIter);
    return this;
  }

  /** The relative tolerance on the centres' squared move ({@code tol}, 1e-4). */
  public KMeans tol(double tol) {
    this.tol = Checks.checkNonNegative("tol", tol);
    return this;
  }

  /** A seed: each {@code fit} starts a new {@code RandomState(seed)}. */
  public KMeans randomState(long seed) {
    this.seed = seed;
    this.randomState = null;
    return this;
  }

  /** A shared stream, advanced by each {@code fit}, as scikit-learn with a RandomState instance. */
  public KMeans randomState(RandomState randomState) {
    Checks.checkArgument(randomState != null, "randomState must not be null");
    this.randomState = randomState;
    this.seed = null;
    return this;
  }

  /** Keep every assignment step of the best run, for {@link #steps()}. */
  public KMeans recordSteps(boolean record) {
    this.recordSteps = record;
    return this;
  }

  /** Clusters the rows of X (shape (n_samples, n_features)) and returns this model. */
  public KMeans fit(double[][] X) {
    double[] x = Distances.checkedFlatten("X", X);
    int n = X.length;
    int d = X[0].length;
    if (n < nClusters) {
      throw new IllegalArgumentException(
          "nClusters (" + nClusters + ") must be <= n_samples (" + n + ")");
    }
    List<String> warnings = new ArrayList<>();
    int runs = runs(warnings);
    if (initCenters != null) {
      checkInitShape(d);
    }
    double[] mean = Moments.columnMeans(x, n, d);
    double tolAbs = tol == 0 ? 0 : Moments.meanVariance(x, n, d, mean) * tol;
    Chunks.forEach(n, chunk -> {
      for (int i = Chunks.start(chunk), end = Chunks.end(chunk, n); i < end; i++) {
        for (int f = 0; f < d; f++) {
          x[i * d + f] -= mean[f];
        }
      }
    });
    double[] xSq = Distances.rowNormsSquared(x, n, d);
    RandomState random = randomState != null ? randomState
        : seed != null ? new RandomState(seed) : new RandomState();
    double[] xT = DistanceKernels.VECTOR ? Distances.columnMajor(x, n, d) : null;
    Lloyd lloyd = new Lloyd(x, xT, n, d);

    Lloyd.Run best = null;
    List<KMeansStep> bestSteps = null;
    for (int r = 0; r < runs; r++) {
      double[] start = initialCenters(x, xT, n, d, xSq, mean, random);
      List<KMeansStep> steps = recordSteps ? new ArrayList<>() : null;
      Lloyd.Run run = lloyd.run(start, nClusters, maxIter, tolAbs, steps);
      if (best == null || (run.inertia() < best.inertia()
          && !sameClustering(run.labels(), best.labels(), nClusters))) {
        best = run;
        bestSteps = steps;
      }
    }
    double[] centers = best.centers().clone();
    for (int j = 0; j < nClusters; j++) {
      for (int f = 0; f < d; f++) {
        centers[j * d + f] += mean[f];
      }
    }
    int distinct = (int) java.util.Arrays.stream(best.labels()).distinct().count();
    if (distinct < nClusters) {
      warnings.add("Number of distinct clusters (" + distinct + ") found smaller than n_clusters ("
          + nClusters + "). Possibly due to duplicate points in X.");
    }
    fitted = new Fitted(Distances.rows(centers, nClusters, d), best.labels(), best.inertia(),
        best.nIter(), uncentred(bestSteps, mean), List.copyOf(warnings));
    return this;
  }

  /** {@code fit(X)} then {@code labels()}. */
  public int[] fitPredict(double[][] X) {
    return fit(X).labels();
  }

  /** The index of the closest centre for each row of X: {@code predict}. */
  public int[] predict(double[][] X) {
    Fitted f = checkFitted();
    Lloyd lloyd = newData(X, f);
    int[] labels = new int[X.length];
    lloyd.assign(Distances.flatten(f.centers), nClusters, labels);
    return labels;
  }

  /** Distances from each row of X to each centre, shape (n_samples, n_clusters): {@code transform}. */
  public double[][] transform(double[][] X) {
    Fitted f = checkFitted();
    newData(X, f);
    int d = f.centers[0].length;
    double[] x = Distances.flatten(X);
    double[] c = Distances.flatten(f.centers);
    double[] xSq = Distances.rowNormsSquared(x, X.length, d);
    double[] cSq = Distances.rowNormsSquared(c, nClusters, d);
    double[][] out = new double[X.length][nClusters];
    for (int i = 0; i < X.length; i++) {
      for (int j = 0; j < nClusters; j++) {
        // scikit-learn's euclidean_distances: (−2 x·c + ‖x‖²) + ‖c‖², clipped at 0
        double sq = (-2.0 * Distances.dot(x, i * d, c, j * d, d) + xSq[i]) + cSq[j];
        out[i][j] = Math.sqrt(Math.max(sq, 0.0));
      }
    }
    return out;
  }

  /** Minus the inertia of X against the fitted centres: {@code score}. */
  public double score(double[][] X) {
    Fitted f = checkFitted();
    Lloyd lloyd = newData(X, f);
    double[] centers = Distances.flatten(f.centers);
    int[] labels = new int[X.length];
    lloyd.assign(centers, nClusters, labels);
    return -lloyd.inertia(centers, labels);
  }

  /** The centres, shape (n_clusters, n_features): {@code cluster_centers_}. */
  public double[][] clusterCenters() {
    double[][] centers = checkFitted().centers;
    double[][] copy = new double[centers.length][];
    for (int j = 0; j < centers.length; j++) {
      copy[j] = centers[j].clone();
    }
    return copy;
  }

  /** The cluster of each training sample, shape (n_samples,): {@code labels_}. */
  public int[] labels() {
    return checkFitted().labels.clone();
  }

  /** Σ_i ‖x_i − μ_label(i)‖² over the training samples: {@code inertia_}. */
  public double inertia() {
    return checkFitted().inertia;
  }

  /** The number of Lloyd iterations of the kept run: {@code n_iter_}. */
  public int nIter() {
    return checkFitted().nIter;
  }

  /** Every assignment step of the kept run; needs {@code recordSteps(true)} before {@code fit}. */
  public List<KMeansStep> steps() {
    Fitted f = checkFitted();
    if (f.steps == null) {
      throw new IllegalStateException("steps were not recorded: call recordSteps(true) before fit(X)");
    }
    return f.steps;
  }

  /** Warnings of the last fit, with scikit-learn's wording (fewer distinct clusters than k...). */
  public List<String> warnings() {
    return checkFitted().warnings;
  }

  /** The number of clusters. */
  public int nClusters() {
    return nClusters;
  }

  private int runs(List<String> warnings) {
    if (initCenters != null) {
      if (nInit != null && nInit != 1) {
        warnings.add("Explicit initial center position passed: performing only one init in KMeans"
            + " instead of n_init=" + nInit + ".");
      }
      return 1;
    }
    if (nInit != null) {
      return nInit;
    }
    return init == Init.RANDOM ? 10 : 1;
  }

  private void checkInitShape(int d) {
    if (initCenters.length != nClusters) {
      throw new IllegalArgumentException("init has " + initCenters.length
          + " rows but nClusters is " + nClusters + ": it must have one row per cluster");
    }
    if (initCenters[0].length != d) {
      throw new IllegalArgumentException("init has " + initCenters[0].length
          + " columns but X has " + d + " features");
    }
  }

  private double[] initialCenters(
      double[] x, double[] xT, int n, int d, double[] xSq, double[] mean, RandomState random) {
    if (initCenters != null) {
      double[] centers = Distances.flatten(initCenters);
      for (int j = 0; j < nClusters; j++) {
        for (int f = 0; f < d; f++) {
          centers[j * d + f] -= mean[f];
        }
      }
      return centers;
    }
    if (init == Init.K_MEANS_PLUS_PLUS) {
      return KMeansPlusPlus.centers(x, xT, n, d, xSq, nClusters, random);
    }
    double[] uniform = new double[n];
    java.util.Arrays.fill(uniform, 1.0 / n);
    int[] seeds = random.choice(n, nClusters, false, uniform);
    double[] centers = new double[nClusters * d];
    for (int j = 0; j < nClusters; j++) {
      System.arraycopy(x, seeds[j] * d, centers, j * d, d);
    }
    return centers;
  }

  /** True when two labelings are the same partition up to renaming: {@code _is_same_clustering}. */
  static boolean sameClustering(int[] a, int[] b, int k) {
    int[] mapping = new int[k];
    java.util.Arrays.fill(mapping, -1);
    for (int i = 0; i < a.length; i++) {
      if (mapping[a[i]] == -1) {
        mapping[a[i]] = b[i];
      } else if (mapping[a[i]] != b[i]) {
        return false;
      }
    }
    return true;
  }

  private static List<KMeansStep> uncentred(List<KMeansStep> steps, double[] mean) {
    if (steps == null) {
      return null;
    }
    List<KMeansStep> out = new ArrayList<>(steps.size());
    for (KMeansStep step : steps) {
      double[][] centers = step.centers();
      for (double[] row : centers) {
        for (int f = 0; f < row.length; f++) {
          row[f] += mean[f];
        }
      }
      out.add(new KMeansStep(centers, step.labels()));
    }
    return List.copyOf(out);
  }

  private Lloyd newData(double[][] X, Fitted f) {
    Checks.checkMatrix("X", X);
    int d = f.centers[0].length;
    if (X[0].length != d) {
      throw new IllegalArgumentException(
          "X has " + X[0].length + " features but this KMeans was fitted with " + d);
    }
    double[] x = Distances.flatten(X);
    return new Lloyd(x, DistanceKernels.VECTOR ? Distances.columnMajor(x, X.length, d) : null,
        X.length, d);
  }

  private Fitted checkFitted() {
    return Checks.checkFitted(fitted, "KMeans");
  }

  private record Fitted(double[][] centers, int[] labels, double inertia, int nIter,
      List<KMeansStep> steps, List<String> warnings) {}
}
