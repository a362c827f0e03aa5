package semaine.cli.tour;

import static semaine.cli.tour.TourPlots.column;
import static semaine.cli.tour.TourPlots.evaluate;
import static semaine.cli.tour.TourPlots.linspace;
import static semaine.cli.tour.TourPlots.save;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import semaine.anomaly.LocalOutlierFactor;
import semaine.plot.Axes;
import semaine.plot.Figure;
import semaine.svm.OneClassSVM;

/**
 * Day 5, another novelty detector: a one-class SVM (rbf kernel, nu = 0.1) fitted on the listing's
 * 30 normal points draws a smooth frontier around them; LOF in novelty mode (n_neighbors = 20)
 * draws its own. Side by side on the same grid, each frontier where the decision function is 0.
 */
final class Day5SvmFigures {

  /** The one-class SVM's bound on the share of training points outside its frontier. */
  static final double NU = 0.1;

  private Day5SvmFigures() {}

  static TourFigure draw(TourContext context, Map<String, Object> numbers, double[][] book)
      throws IOException {
    double[][] train = Arrays.copyOf(book, 30);
    OneClassSVM svm = new OneClassSVM().nu(NU).fit(train);
    LocalOutlierFactor lof = new LocalOutlierFactor(20).novelty(true).fit(train);
    int svmOut = outside(svm.predict(book));
    int lofOut = outside(lof.predict(book));
    numbers.put("ocsvm_book_outliers", svmOut);
    numbers.put("ocsvm_n_support", svm.supportVectors().length);
    numbers.put("lof_novelty_book_outliers", lofOut);
    Figure fig = Figure.create(1100, 500);
    Axes[][] grid = fig.subplots(1, 2);
    panel(grid[0][0], svm::decisionFunction, train, book);
    grid[0][0].title("OneClassSVM(nu=0.1), rbf").ylabel("x[:, 1]");
    panel(grid[0][1], lof::decisionFunction, train, book);
    grid[0][1].title("LocalOutlierFactor(n_neighbors=20, novelty=True)");
    return save(context, fig, "day5-ocsvm-vs-lof.png", String.format(Locale.ROOT,
        "Two frontiers learnt from the listing's 30 normal points (blue), the red line where "
            + "decision_function = 0. The one-class SVM wraps them tightly in a smooth curve: "
            + "nu = 0.1 lets about a tenth of them fall outside, and the points lying on the "
            + "frontier itself (decision_function within 1e-3 of 0) count as outside too. LOF "
            + "follows the local density with a wider frontier. The listing's 31st point (gold "
            + "diamond) is outside both. Of the 31 points the SVM flags %d (scikit-learn: the "
            + "same), LOF %d.", svmOut, lofOut));
  }

  /** Shaded decision function, its zero line, the training points and the listing's last point. */
  static void panel(Axes ax, Function<double[][], double[]> decision, double[][] train,
      double[][] book) {
    double[] xs = linspace(-1, 2.4, 140);
    double[] ys = linspace(-1.2, 1.2, 100);
    double[][] Z = evaluate(decision, xs, ys);
    ax.contourf(xs, ys, Z, 8).cmap("Greys").alpha(0.6);
    ax.contour(xs, ys, Z, new double[] {0}).color("tab:red").linewidth(2);
    ax.scatter(column(train, 0), column(train, 1)).color("tab:blue").edgecolor("k")
        .label("30 normal points");
    double[] last = book[book.length - 1];
    ax.scatter(new double[] {last[0]}, new double[] {last[1]}).color("gold").marker("D").s(90)
        .edgecolor("k").label("the listing's outlier");
    ax.xlim(-1, 2.4).ylim(-1.2, 1.2).aspect("equal").xlabel("x[:, 0]").legend("lower left");
  }

  private static int outside(int[] predictions) {
    return (int) Arrays.stream(predictions).filter(p -> p == -1).count();
  }
}
