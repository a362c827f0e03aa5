package semaine.classification;

import java.util.Arrays;
import semaine.base.Attribute;
import semaine.base.Classifier;
import semaine.base.Derived;
import semaine.base.EstimatorSpec;
import semaine.base.Nullable;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.neighbors.NearestNeighbors;
import semaine.neighbors.NeighborsBase;
import semaine.neighbors.NeighborWeights;
import semaine.neighbors.Neighbors;
import semaine.util.Checks;
import semaine.util.Sums;

/**
 * The k-nearest-neighbours classifier: a sample takes the class most common among its k nearest
 * training samples. scikit-learn 1.9's {@code KNeighborsClassifier}, same predictions and
 * probabilities.
 *
 * <pre>{@code
 * var model = new KNeighborsClassifier(3);   // KNeighborsClassifier(n_neighbors=3)
 * model.fit(X, y);
 * int[] predictions = model.predict(XNew);
 * }</pre>
 *
 * <p>{@code classes()} are the distinct labels of y, sorted. With "uniform" weights the probability
 * of class c is (neighbours of class c) / k; with "distance" weights each neighbour adds 1 / distance
 * to its class (see {@link NeighborWeights}) and the row is divided by its total. {@code predict}
 * takes the class with the largest score; a tie goes to the class that comes first in
 * {@code classes()}, as in scikit-learn. Which of several equally distant training points count as
 * neighbours follows scikit-learn too (see {@link NearestNeighbors}).
 *
 * <h2>Notes</h2>
 * Fitting only indexes the data (a k-d tree, or nothing for brute force); a prediction costs about
 * O(log n) distance computations per query with the tree in low dimension and O(n·d) with brute
 * force. Deliberate difference: fitting with a single class, or with {@code nNeighbors} larger than
 * the number of samples, fails at {@code fit} (scikit-learn accepts one class, and fails on k only at
 * prediction time).
 */
public final class KNeighborsClassifier extends NeighborsBase<KNeighborsClassifier>
    implements Classifier {

  static final Param<Integer> N_NEIGHBORS = Param.of("n_neighbors", 5, Rule.ints(1, null));
  private static final EstimatorSpec<KNeighborsClassifier> SPEC = EstimatorSpec.of(
      "sklearn.neighbors.KNeighborsClassifier", KNeighborsClassifier::new, Fitted.class,
      N_NEIGHBORS, WEIGHTS, ALGORITHM, LEAF_SIZE, P);

  /**
   * What {@code fit} keeps.
   *
   * @param fitX (n_samples, n_features) the training samples, as given (not copied); null after a
   *     float32 fit
   * @param fitX32 the float32 training samples of {@link #fit(float[][], int[])}, as given, else
   *     null (a saved model keeps its dtype)
   * @param classes (n_classes,) the sorted labels
   * @param encoded (n_samples,) each sample's index in classes
   * @param nFeaturesIn the number of features
   * @param index the search index over the samples, rebuilt when read back
   */
  private record Fitted(@Nullable @Attribute("_fit_X") double[][] fitX,
      @Nullable @Attribute("_fit_X_float32") float[][] fitX32, int[] classes,
      @Attribute("_y") int[] encoded, int nFeaturesIn, @Derived NearestNeighbors index) {}

  /** {@code KNeighborsClassifier(n_neighbors=nNeighbors)}. */
  public KNeighborsClassifier(int nNeighbors) {
    this();
    nNeighbors(nNeighbors);
  }

  /** {@code KNeighborsClassifier()}: 5 neighbours. */
  public KNeighborsClassifier() {
    super(SPEC);
  }

  /** {@code n_neighbors}: how many neighbours vote (default 5). */
  public KNeighborsClassifier nNeighbors(int nNeighbors) {
    return set(N_NEIGHBORS, nNeighbors);
  }

  /** {@code weights}: "uniform" (default) or "distance". */
  public KNeighborsClassifier weights(String weights) {
    return set(WEIGHTS, weights);
  }

  /**
   * Stores the training samples and their labels.
   *
   * @throws IllegalArgumentException if X is empty, ragged or not finite, y has another length, y
   *     has a single class, or nNeighbors exceeds the number of samples
   */
  @Override
  public KNeighborsClassifier fit(double[][] X, int[] y) {
    validateParams();
    int nNeighbors = get(N_NEIGHBORS);
    Checks.checkMatrix("X", X);
    Checks.checkArgument(y != null, "y must not be null");
    checkFit(X.length, y.length, nNeighbors);
    int[] classes = classes(y);
    fitted(new Fitted(X, null, classes, encode(y, classes), X[0].length, index(X, nNeighbors)));
    return this;
  }

  /**
   * Stores float32 training samples, as scikit-learn keeps a float32 X (half the memory of
   * float64 ones): the neighbours of {@link NearestNeighbors#fit(float[][])}, so the votes of
   * scikit-learn's model fitted on this X, for float32 queries ({@link #predict(float[][])}).
   *
   * @throws IllegalArgumentException as {@link #fit(double[][], int[])}, and for p=1 with brute
   *     force (not available for float32)
   */
  public KNeighborsClassifier fit(float[][] X, int[] y) {
    validateParams();
    int nNeighbors = get(N_NEIGHBORS);
    Checks.checkArgument(y != null, "y must not be null");
    NearestNeighbors index = index(X, nNeighbors);
    checkFit(X.length, y.length, nNeighbors);
    int[] classes = classes(y);
    fitted(new Fitted(null, X, classes, encode(y, classes), X[0].length, index));
    return this;
  }

  /** The sorted distinct labels of y; at least two. */
  private static int[] classes(int[] y) {
    int[] classes = Arrays.stream(y).sorted().distinct().toArray();
    if (classes.length < 2) {
      throw new IllegalArgumentException("y has a single class (" + classes[0]
          + "): a classifier needs samples of at least 2 classes");
    }
    return classes;
  }

  /** Each label's index in classes. */
  private static int[] encode(int[] y, int[] classes) {
    int[] encoded = new int[y.length];
    for (int i = 0; i < y.length; i++) {
      encoded[i] = Arrays.binarySearch(classes, y[i]);
    }
    return encoded;
  }

  @Override
  protected Record restored(Record state) {
    Fitted f = (Fitted) state;
    return new Fitted(f.fitX, f.fitX32, f.classes, f.encoded, f.nFeaturesIn,
        index(f.fitX, f.fitX32, get(N_NEIGHBORS)));
  }

  /** The dtype of the training samples: "float32" after {@link #fit(float[][], int[])}. */
  public String dtype() {
    return checkFitted().index.dtype();
  }

  /** The class labels, sorted ({@code classes_}). */
  @Override
  public int[] classes() {
    return checkFitted().classes.clone();
  }

  /** The algorithm used: "brute" or "kd_tree" ({@code _fit_method}). */
  public String fitMethod() {
    return checkFitted().index.fitMethod();
  }

  /**
   * The most likely class of each row of X: the largest (weighted) vote among its neighbours, ties
   * to the first class.
   */
  @Override
  public int[] predict(double[][] X) {
    Fitted model = checkFitted();
    return predict(get(WEIGHTS).equals("uniform") ? predictProba(X)
        : distanceVotes(model.index.kneighbors(X), model), model);
  }

  /** {@link #predict(double[][])} for float32 rows (scikit-learn's answer for a float32 X). */
  public int[] predict(float[][] X) {
    Fitted model = checkFitted();
    Neighbors neighbors = model.index.kneighbors(X);
    return predict(get(WEIGHTS).equals("uniform") ? proba(neighbors, model)
        : distanceVotes(neighbors, model), model);
  }

  /** The class of the largest score in each row, ties to the first class. */
  private static int[] predict(double[][] scores, Fitted model) {
    int[] predictions = new int[scores.length];
    for (int i = 0; i < scores.length; i++) {
      int best = 0;
      for (int c = 1; c < scores[i].length; c++) {
        if (scores[i][c] > scores[i][best]) {
          best = c;
        }
      }
      predictions[i] = model.classes[best];
    }
    return predictions;
  }

  /**
   * The probability of each class for each row of X, shape (n_queries, n_classes), columns in
   * {@code classes()} order ({@code predict_proba}).
   */
  @Override
  public double[][] predictProba(double[][] X) {
    Fitted model = checkFitted();
    return proba(voters(X, model), model);
  }

  /** {@link #predictProba(double[][])} for float32 rows. */
  public double[][] predictProba(float[][] X) {
    Fitted model = checkFitted();
    return proba(model.index.kneighbors(X), model);
  }

  private double[][] proba(Neighbors neighbors, Fitted model) {
    String weights = get(WEIGHTS);
    int nClasses = model.classes.length;
    int nQueries = neighbors.indices().length;
    double[][] proba = new double[nQueries][nClasses];
    for (int i = 0; i < nQueries; i++) {
      int[] row = neighbors.indices()[i];
      double[] w = NeighborWeights.of(weights, neighbors.distances()[i]);
      for (int j = 0; j < row.length; j++) {
        proba[i][model.encoded[row[j]]] += w[j];
      }
      double total = Sums.pairwise(proba[i]);
      if (total == 0.0) {
        total = 1.0;
      }
      for (int c = 0; c < nClasses; c++) {
        proba[i][c] /= total;
      }
    }
    return proba;
  }

  /** The {@code nNeighbors} nearest training samples of each row of X ({@code kneighbors(X)}). */
  public Neighbors kneighbors(double[][] X) {
    return checkFitted().index.kneighbors(X);
  }

  /** The {@code nNeighbors} nearest training samples of each float32 row of X. */
  public Neighbors kneighbors(float[][] X) {
    return checkFitted().index.kneighbors(X);
  }

  /** The {@code k} nearest training samples of each row of X. */
  public Neighbors kneighbors(double[][] X, int k) {
    return checkFitted().index.kneighbors(X, k);
  }

  /**
   * The neighbours that vote. scikit-learn's uniform vote with brute force and the Manhattan
   * distance goes through {@code ArgKminClassMode} (strategy parallel_on_X), whose heaps may keep
   * another one of several tied points than {@code kneighbors}; it excludes the Euclidean metric,
   * so everything else uses {@code kneighbors}.
   */
  private Neighbors voters(double[][] X, Fitted model) {
    if (get(WEIGHTS).equals("uniform") && get(P) == 1
        && model.index.fitMethod().equals("brute")) {
      return model.index.kneighborsForVote(X, get(N_NEIGHBORS));
    }
    return model.index.kneighbors(X);
  }

  /**
   * The weighted vote of {@code weighted_mode}: for each class, the sum over the k neighbours (in
   * neighbour order, NumPy's pairwise summation) of the weight of those of that class.
   */
  private double[][] distanceVotes(Neighbors neighbors, Fitted model) {
    int nClasses = model.classes.length;
    int nQueries = neighbors.indices().length;
    double[][] votes = new double[nQueries][nClasses];
    for (int i = 0; i < nQueries; i++) {
      int[] row = neighbors.indices()[i];
      double[] w = NeighborWeights.of(get(WEIGHTS), neighbors.distances()[i]);
      double[] template = new double[row.length];
      for (int c = 0; c < nClasses; c++) {
        for (int j = 0; j < row.length; j++) {
          template[j] = model.encoded[row[j]] == c ? w[j] : 0.0;
        }
        votes[i][c] = Sums.pairwise(template);
      }
    }
    return votes;
  }

  private Fitted checkFitted() {
    return fitted();
  }
}
