package semaine.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import semaine.util.Sums;

/**
 * The classic datasets of scikit-learn, bundled with semaine, and (with the generator classes of
 * this package) the synthetic ones.
 *
 * <p>Each loader returns exactly what scikit-learn 1.9's function of the same name returns: the same
 * X and target (bit for bit), feature names, target names and description ({@code DESCR}). The files
 * are scikit-learn's own ({@code sklearn/datasets/data} and {@code descr}, BSD-3-Clause, see
 * {@code semaine/data/COPYING-scikit-learn}); each description says where the data comes from and
 * how to cite it.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * Dataset iris = Datasets.loadIris();   // from sklearn.datasets import load_iris; iris = load_iris()
 * double[][] X = iris.X();              // X = iris.data, shape (150, 4)
 * int[] y = iris.labels();              // y = iris.target
 * }</pre>
 */
public final class Datasets {

  /** The names {@link #load(String)} accepts, in the order error messages list them. */
  public static final List<String> NAMES = List.of("iris", "wine", "breast_cancer", "digits", "diabetes");

  private Datasets() {}

  /**
   * {@code sklearn.datasets.make_blobs}: isotropic Gaussian blobs, configured by chained setters
   * named after its keyword arguments, e.g.
   * {@code Datasets.makeBlobs().nSamples(50).centers(2).randomState(0).generate()}.
   */
  public static MakeBlobs makeBlobs() {
    return new MakeBlobs();
  }

  /** {@code sklearn.datasets.make_moons}: two interleaving half circles. */
  public static MakeMoons makeMoons() {
    return new MakeMoons();
  }

  /** {@code sklearn.datasets.make_circles}: a small circle inside a large one. */
  public static MakeCircles makeCircles() {
    return new MakeCircles();
  }

  /** {@code sklearn.datasets.make_regression}: a random linear regression problem. */
  public static MakeRegression makeRegression() {
    return new MakeRegression();
  }

  /**
   * Loads a bundled dataset by its scikit-learn name: iris, wine, breast_cancer, digits or diabetes.
   *
   * @throws IllegalArgumentException for any other name
   */
  public static Dataset load(String name) {
    return switch (name == null ? "" : name) {
      case "iris" -> loadIris();
      case "wine" -> loadWine();
      case "breast_cancer" -> loadBreastCancer();
      case "digits" -> loadDigits();
      case "diabetes" -> loadDiabetes();
      default -> throw new IllegalArgumentException(
          "unknown dataset '" + name + "': expected one of " + String.join(", ", NAMES));
    };
  }

  /**
   * Fisher's iris: 150 flowers, 4 measurements in cm, 3 species (50 each). Matches
   * {@code sklearn.datasets.load_iris()}.
   */
  public static Dataset loadIris() {
    return headed("iris.csv", "iris.rst", List.of(
        "sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"));
  }

  /**
   * Wine recognition: 178 wines, 13 chemical measurements, 3 cultivars. Matches
   * {@code sklearn.datasets.load_wine()}.
   */
  public static Dataset loadWine() {
    return headed("wine_data.csv", "wine_data.rst", List.of(
        "alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols",
        "flavanoids", "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue",
        "od280/od315_of_diluted_wines", "proline"));
  }

  /**
   * Breast cancer Wisconsin (diagnostic): 569 tumours, 30 features, malignant (0) or benign (1).
   * Matches {@code sklearn.datasets.load_breast_cancer()}.
   */
  public static Dataset loadBreastCancer() {
    List<String> names = List.of(
        "mean radius", "mean texture", "mean perimeter", "mean area", "mean smoothness",
        "mean compactness", "mean concavity", "mean concave points", "mean symmetry",
        "mean fractal dimension",
        "radius error", "texture error", "perimeter error", "area error", "smoothness error",
        "compactness error", "concavity error", "concave points error", "symmetry error",
        "fractal dimension error",
        "worst radius", "worst texture", "worst perimeter", "worst area", "worst smoothness",
        "worst compactness", "worst concavity", "worst concave points", "worst symmetry",
        "worst fractal dimension");
    return headed("breast_cancer.csv", "breast_cancer.rst", names);
  }

  /**
   * Handwritten digits: 1797 images of 8x8 pixels (values 0..16), flattened row by row into 64
   * features named {@code pixel_<row>_<col>}; classes 0..9 named "0".."9". Matches
   * {@code sklearn.datasets.load_digits()} ({@code n_class=10}; the {@code images} view is
   * {@code X[i]} read as 8 rows of 8).
   */
  public static Dataset loadDigits() {
    double[][] table = BundledFiles.gzipTable("digits.csv.gz", true); // 64 pixels, then the digit
    int d = table[0].length - 1;
    double[][] X = new double[table.length][];
    double[] y = new double[table.length];
    for (int i = 0; i < table.length; i++) {
      X[i] = Arrays.copyOf(table[i], d);
      y[i] = table[i][d];
    }
    List<String> features = new ArrayList<>();
    for (int row = 0; row < 8; row++) {
      for (int col = 0; col < 8; col++) {
        features.add("pixel_" + row + "_" + col);
      }
    }
    List<String> classes = new ArrayList<>();
    for (int digit = 0; digit < 10; digit++) {
      classes.add(String.valueOf(digit));
    }
    return new Dataset(X, y, features, classes, BundledFiles.description("digits.rst"));
  }

  /**
   * Diabetes: 442 patients, 10 baseline variables, and a measure of disease progression one year
   * later as a regression target. Matches {@code sklearn.datasets.load_diabetes()} with its default
   * {@code scaled=True}: each column is centred and divided by its standard deviation times
   * sqrt(n_samples), so that every column has sum of squares 1 (see {@link #scaleLikeSklearn}).
   */
  public static Dataset loadDiabetes() {
    double[][] X = BundledFiles.gzipTable("diabetes_data_raw.csv.gz", false);
    double[][] target = BundledFiles.gzipTable("diabetes_target.csv.gz", false);
    scaleLikeSklearn(X);
    double root = Math.sqrt(X.length); // data /= data.shape[0] ** 0.5
    for (double[] row : X) {
      for (int j = 0; j < row.length; j++) {
        row[j] /= root;
      }
    }
    double[] y = new double[target.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = target[i][0];
    }
    return new Dataset(X, y, List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"),
        List.of(), BundledFiles.description("diabetes.rst"));
  }

  private static Dataset headed(String file, String descr, List<String> featureNames) {
    BundledFiles.HeadedCsv csv = BundledFiles.headedCsv(file);
    return new Dataset(csv.X(), csv.y(), featureNames, csv.targetNames(),
        BundledFiles.description(descr));
  }

  /**
   * Standardises the columns of X in place in the order of {@code sklearn.preprocessing.scale}
   * (not StandardScaler, whose variance algorithm rounds differently): mean and population std by
   * sequential column sums ({@code np.nanmean}, {@code np.nanstd}), subtract the mean, subtract the
   * new mean again if it is not within 1e-8 of 0, divide by the std (1.0 below 10 eps), and
   * re-centre once more if needed.
   */
  static void scaleLikeSklearn(double[][] X) {
    int n = X.length;
    double[] mean = columnMeans(X);
    double[] var = new double[mean.length];
    for (double[] row : X) {
      for (int j = 0; j < var.length; j++) {
        double centred = row[j] - mean[j];
        var[j] += centred * centred;
      }
    }
    double[] scale = new double[var.length];
    for (int j = 0; j < scale.length; j++) {
      scale[j] = Math.sqrt(var[j] / n);
      if (scale[j] < 10 * Math.ulp(1.0)) { // _handle_zeros_in_scale: near-constant column
        scale[j] = 1.0;
      }
    }
    subtract(X, mean);
    subtractIfNotNearZero(X, columnMeans(X));
    for (double[] row : X) {
      for (int j = 0; j < row.length; j++) {
        row[j] /= scale[j];
      }
    }
    subtractIfNotNearZero(X, columnMeans(X));
  }

  private static double[] columnMeans(double[][] X) {
    double[] means = Sums.columnSums(X);
    for (int j = 0; j < means.length; j++) {
      means[j] /= X.length;
    }
    return means;
  }

  /** sklearn's correction step: {@code if not np.allclose(mean, 0): X -= mean}. */
  private static void subtractIfNotNearZero(double[][] X, double[] mean) {
    for (double m : mean) {
      if (!(Math.abs(m) <= 1e-8)) { // np.allclose(m, 0) with atol 1e-8
        subtract(X, mean);
        return;
      }
    }
  }

  private static void subtract(double[][] X, double[] mean) {
    for (double[] row : X) {
      for (int j = 0; j < row.length; j++) {
        row[j] -= mean[j];
      }
    }
  }
}
