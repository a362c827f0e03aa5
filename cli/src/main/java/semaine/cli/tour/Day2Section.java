package semaine.cli.tour;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.random.RandomState;
import semaine.regression.DescentStep;
import semaine.regression.DivergenceException;
import semaine.regression.GradientDescentRegressor;
import semaine.regression.LinearRegression;
import semaine.regression.LossSurface;

/**
 * Day 2: linear regression. The book's listing (50 points around y = 1.5 x + 3 from
 * {@code RandomState(0)}, fitted by least squares), then the same line found by gradient descent,
 * step by step, the loss at a few points of the (w, b) plane, what a too-large learning rate does,
 * and least squares on the ten features of diabetes.
 */
final class Day2Section implements TourSection {

  /** The descent the tour shows: the book's data from (0, 0). */
  private static final double LEARNING_RATE = 0.1;

  @Override
  public int day() {
    return 2;
  }

  @Override
  public String title() {
    return "Linear regression: least squares and gradient descent";
  }

  @Override
  public SectionResult run(TourContext context) throws IOException {
    RandomState random = new RandomState(0);
    double[] x = random.randn(50);
    double[] noise = random.randn(50);
    double[][] X = new double[50][];
    double[] y = new double[50];
    for (int i = 0; i < 50; i++) {
      X[i] = new double[] {x[i]};
      y[i] = 1.5 * x[i] + 3 + noise[i];
    }
    var ols = new LinearRegression().fit(X, y);
    Map<String, Object> numbers = new LinkedHashMap<>();
    numbers.put("coef", ols.coef()[0]);
    numbers.put("intercept", ols.intercept());
    numbers.put("r2", ols.score(X, y));
    numbers.put("predict_0_1", ols.predict(new double[][] {{0}, {1}}));

    var gd = new GradientDescentRegressor(LEARNING_RATE).maxIter(1000).tol(1e-12)
        .init(new double[] {0}, 0).fit(X, y);
    context.log("gradient descent: " + gd.nIter() + " iterations");
    numbers.put("gd_learning_rate", LEARNING_RATE);
    numbers.put("gd_n_iter", gd.nIter());
    numbers.put("gd_coef", gd.coef()[0]);
    numbers.put("gd_intercept", gd.intercept());
    numbers.put("gd_loss", gd.loss());
    numbers.put("loss_at_0_0", LossSurface.meanSquaredLoss(X, y, new double[] {0}, 0));
    numbers.put("loss_at_1.5_3", LossSurface.meanSquaredLoss(X, y, new double[] {1.5}, 3));
    numbers.put("loss_at_least_squares",
        LossSurface.meanSquaredLoss(X, y, ols.coef(), ols.intercept()));
    try {
      new GradientDescentRegressor(2.5).init(new double[] {0}, 0).fit(X, y);
      throw new IllegalStateException("learning rate 2.5 should diverge on the book's data");
    } catch (DivergenceException e) {
      numbers.put("diverging_rate", 2.5);
      numbers.put("diverged_at_iteration", e.history().size() - 1);
      numbers.put("suggested_rate", e.suggestedLearningRate());
    }

    Dataset diabetes = Datasets.loadDiabetes();
    var model = new LinearRegression().fit(diabetes.X(), diabetes.y());
    numbers.put("diabetes_r2", model.score(diabetes.X(), diabetes.y()));
    numbers.put("diabetes_intercept", model.intercept());

    List<TourFigure> figures = new ArrayList<>(Day2Figures.draw(context,
        new Day2Figures.Fits(x, y, ols.coef()[0], ols.intercept(), gd.history())));
    figures.addAll(Day2RegularisationFigures.draw(context, numbers));
    context.log("drew " + figures.size() + " figures");
    return SectionResult.of(numbers)
        .withTable(new Table("Gradient descent on the book's data from (w, b) = (0, 0), learning rate "
            + LEARNING_RATE + ": the line moves toward the least-squares line",
            List.of("iteration", "w", "b", "loss"), steps(gd.history())))
        .withTable(new Table("The book's last step, as written and corrected "
            + "(semaine example regression runs the corrected line)",
            List.of("the book", "corrected", "why"),
            List.of(List.of("new_data = np.linspace(-3, 3); model.predict(new_data)",
                "model.predict(new_data.reshape(-1, 1))",
                "np.linspace gives 50 numbers in a row and predict wants one sample per row: "
                    + "scikit-learn 1.9 stops with \"Expected 2D array, got 1D array instead\""))))
        .withTable(new Table("Least squares on diabetes (10 features), as scikit-learn",
            List.of("feature", "coef"), coefficients(diabetes.featureNames(), model.coef())))
        .withFigures(figures)
        .withHtml("<p>Linear regression draws the line y = w x + b closest to the points: the one "
            + "with the smallest loss L(w, b) = 1/(2m) Σ (w x<sub>i</sub> + b − y<sub>i</sub>)². "
            + "Least squares solves for it directly; gradient descent walks down the bowl of L, "
            + "w ← w − η ∂L/∂w and b ← b − η ∂L/∂b, and gets the same line. Too large a step η "
            + "overshoots further at each step, and the loss grows.</p>"
            + "<p>Regularisation adds a penalty on the coefficients to the loss: ridge "
            + "alpha·Σw², lasso alpha·Σ|w|. It trades a little bias for much less variance: "
            + "a flexible model (a degree-9 polynomial) stops chasing the noise.</p>");
  }

  /** A few steps of the history: the start, the first ones, then more and more spaced. */
  private static List<List<Object>> steps(List<DescentStep> history) {
    List<List<Object>> rows = new ArrayList<>();
    int last = history.size() - 1;
    for (int k : new int[] {0, 1, 2, 5, 10, 20, 50, 100}) {
      if (k < last) {
        DescentStep step = history.get(k);
        rows.add(List.of(k, step.w()[0], step.b(), step.loss()));
      }
    }
    DescentStep end = history.get(last);
    rows.add(List.of(last, end.w()[0], end.b(), end.loss()));
    return rows;
  }

  private static List<List<Object>> coefficients(List<String> names, double[] coef) {
    List<List<Object>> rows = new ArrayList<>();
    for (int j = 0; j < coef.length; j++) {
      rows.add(List.of(names.get(j), coef[j]));
    }
    return rows;
  }
}
