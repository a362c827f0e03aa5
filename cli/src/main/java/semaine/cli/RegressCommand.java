package semaine.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import semaine.data.Csv;
import semaine.data.Dataset;
import semaine.preprocessing.StandardScaler;
import semaine.regression.GradientDescentRegressor;
import semaine.regression.LinearRegression;

/**
 * {@code semaine regress FILE --target C}: a linear model of column C from the other columns.
 *
 * <p>{@code --method ols} (default) is {@link LinearRegression}, scikit-learn's numbers.
 * {@code --method gd} is the book's {@link GradientDescentRegressor} from (0, 0), run on
 * standardised features (mean 0, variance 1, so one learning rate suits every column) and mapped
 * back: {@code coef_j = w_j / scale_j}, {@code intercept = b - Σ_j w_j mean_j / scale_j}. JSON:
 * {@code coef}, {@code intercept}, {@code r2} (on the training data), {@code fit_seconds} (the fit
 * alone, after reading the CSV), and for gd {@code n_iter} and {@code loss}.
 */
@Command(name = "regress", mixinStandardHelpOptions = true,
    description = "Fit a linear regression y = w·x + b to a CSV file (least squares or gradient "
        + "descent) and print the equation and R².")
public final class RegressCommand extends ResultCommand {

  /** How the coefficients are found. */
  enum Method { ols, gd }

  @Parameters(index = "0", paramLabel = "FILE", description = "CSV file with a header row.")
  Path file;

  @Option(names = "--target", required = true, paramLabel = "C",
      description = "The column to predict.")
  String target;

  @Option(names = "--drop", split = ",", paramLabel = "A,B",
      description = "Columns to leave out of the features.")
  List<String> drop = List.of();

  @Option(names = "--method", defaultValue = "ols",
      description = "ols (least squares, as scikit-learn) or gd (gradient descent on standardised "
          + "features) (default: ${DEFAULT-VALUE}).")
  Method method;

  @Option(names = "--learning-rate", converter = Options.PositiveDouble.class,
      defaultValue = "0.1", description = "gd: the step size η (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(names = "--max-iter", converter = Options.PositiveInt.class, defaultValue = "10000",
      description = "gd: the most updates (default: ${DEFAULT-VALUE}).")
  int maxIter;

  @Option(names = "--tol", converter = Options.NonNegativeDouble.class, defaultValue = "1e-12",
      description = "gd: stop when an update lowers the loss by less than this "
          + "(default: ${DEFAULT-VALUE}).")
  double tol;

  @Override
  protected Result compute() {
    Set<String> dropped = new LinkedHashSet<>(drop);
    Dataset data = Csv.read(file).toDataset(target, dropped);
    double[][] X = data.X();
    double[] y = data.y();
    Map<String, Object> json = new LinkedHashMap<>();
    long start = System.nanoTime();
    Fit fit = method == Method.ols ? ols(X, y) : gd(X, y);
    double seconds = (System.nanoTime() - start) / 1e9;
    double r2 = fit.score(X, y);
    json.put("coef", fit.coef());
    json.put("intercept", fit.intercept());
    json.put("r2", r2);
    json.put("fit_seconds", seconds);
    if (fit.nIter() >= 0) {
      json.put("n_iter", fit.nIter());
      json.put("loss", fit.loss());
      if (fit.nIter() == maxIter) {
        log().println("semaine: warning: gradient descent stopped at --max-iter " + maxIter
            + " while the loss was still falling by more than --tol " + tol
            + "; raise --max-iter or --learning-rate");
      }
    }
    List<String> names = data.featureNames();
    return new Result(json, out -> {
      out.println(equation(target, names, fit.coef(), fit.intercept())
          + String.format(Locale.ROOT, "   (R² = %.4f)", r2));
      if (fit.nIter() >= 0) {
        out.printf(Locale.ROOT, "gradient descent: %d iterations, final loss %.6g%n", fit.nIter(),
            fit.loss());
      }
    });
  }

  /** A fitted line in the original units; nIter and loss are -1 and NaN for least squares. */
  private record Fit(double[] coef, double intercept, int nIter, double loss) {
    double score(double[][] X, double[] y) {
      double[] predicted = new double[X.length];
      for (int i = 0; i < X.length; i++) {
        double s = 0;
        for (int j = 0; j < coef.length; j++) {
          s += X[i][j] * coef[j];
        }
        predicted[i] = s + intercept;
      }
      return semaine.metrics.RegressionMetrics.r2Score(y, predicted);
    }
  }

  private static Fit ols(double[][] X, double[] y) {
    var model = new LinearRegression().fit(X, y);
    return new Fit(model.coef(), model.intercept(), -1, Double.NaN);
  }

  private Fit gd(double[][] X, double[] y) {
    var scaler = new StandardScaler().fit(X);
    var model = new GradientDescentRegressor(learningRate).maxIter(maxIter).tol(tol)
        .init(new double[X[0].length], 0).fit(scaler.transform(X), y);
    double[] w = model.coef();
    double[] mean = scaler.mean();
    double[] scale = scaler.scale();
    double[] coef = new double[w.length];
    double intercept = model.intercept();
    for (int j = 0; j < w.length; j++) {
      coef[j] = w[j] / scale[j];
      intercept -= coef[j] * mean[j];
    }
    return new Fit(coef, intercept, model.nIter(), model.loss());
  }

  /** {@code target = 1.4544 * x - 0.25 * z + 2.9855}, five significant digits. */
  static String equation(String target, List<String> names, double[] coef, double intercept) {
    StringBuilder s = new StringBuilder(target).append(" = ");
    for (int j = 0; j < coef.length; j++) {
      String value = number(Math.abs(coef[j]));
      if (j == 0) {
        s.append(coef[j] < 0 ? "-" : "").append(value);
      } else {
        s.append(coef[j] < 0 ? " - " : " + ").append(value);
      }
      s.append(" * ").append(names.get(j));
    }
    return s.append(intercept < 0 ? " - " : " + ").append(number(Math.abs(intercept))).toString();
  }

  private static String number(double x) {
    return String.format(Locale.ROOT, "%.5g", x).replaceFirst("(\\.\\d*?)0+($|e)", "$1$2")
        .replaceFirst("\\.($|e)", "$1");
  }
}
