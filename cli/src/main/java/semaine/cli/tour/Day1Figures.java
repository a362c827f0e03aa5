package semaine.cli.tour;

import static semaine.cli.tour.TourPlots.column;
import static semaine.cli.tour.TourPlots.concat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import semaine.data.Blobs;
import semaine.plot.Axes;
import semaine.plot.Figure;
import semaine.random.RandomState;

/**
 * Day 1's pictures: the two kinds of supervised learning (a price predicted from a surface, an
 * animal's species from its size and weight), the same animals without labels (unsupervised), and
 * the two blobs of {@code make_blobs} the week reuses. Toy data drawn from {@code RandomState(0)}.
 */
final class Day1Figures {

  private Day1Figures() {}

  /** Draws the four figures, adding the numbers they show to {@code numbers}. */
  static List<TourFigure> draw(TourContext context, Map<String, Object> numbers, Blobs blobs)
      throws IOException {
    RandomState rng = new RandomState(0);
    List<TourFigure> figures = new ArrayList<>();
    figures.add(houses(context, numbers, rng));
    figures.addAll(animals(context, numbers, rng));
    figures.add(blobs(context, blobs));
    return figures;
  }

  /** Regression: 50 houses, price = 1.9 k€/m² x surface + 40 k€ + noise, and the fitted line. */
  private static TourFigure houses(TourContext context, Map<String, Object> numbers,
      RandomState rng) throws IOException {
    int n = 50;
    double[] surface = rng.uniform(20, 150, n);
    double[] noise = rng.normal(0, 25, n);
    double[] price = new double[n];
    for (int i = 0; i < n; i++) {
      price[i] = 40 + 1.9 * surface[i] + noise[i];
    }
    double[] fit = leastSquares(surface, price);
    numbers.put("houses_fitted_slope_keur_per_m2", fit[0]);
    numbers.put("houses_fitted_intercept_keur", fit[1]);
    Figure fig = Figure.create(640, 480);
    Axes ax = fig.axes();
    ax.scatter(surface, price).label("houses");
    double[] line = {20, 150};
    ax.plot(line, new double[] {fit[1] + fit[0] * 20, fit[1] + fit[0] * 150}).color("tab:red")
        .label(String.format(java.util.Locale.ROOT, "price = %.2f × surface + %.1f", fit[0],
            fit[1]));
    ax.title("Supervised regression: a price from a surface").xlabel("surface (m²)")
        .ylabel("price (k€)").legend("upper left");
    return new TourFigure(fig.savefig(context.figure("day1-houses.png")),
        "Supervised learning, regression: 50 houses with their price (the label); the red line, "
            + "fitted by least squares, predicts the price of a new surface.");
  }

  /** Classification: 40 cats and 40 dogs by size and weight; then the same points unlabelled. */
  private static List<TourFigure> animals(TourContext context, Map<String, Object> numbers,
      RandomState rng) throws IOException {
    int n = 40;
    double[] catSize = rng.normal(46, 4, n);
    double[] catWeight = rng.normal(4.5, 1.0, n);
    double[] dogSize = rng.normal(62, 7, n);
    double[] dogWeight = rng.normal(22, 5, n);
    numbers.put("cats", n);
    numbers.put("dogs", n);
    Figure labelled = Figure.create(640, 480);
    Axes ax = labelled.axes();
    ax.scatter(catSize, catWeight).label("cats");
    ax.scatter(dogSize, dogWeight).label("dogs");
    ax.title("Supervised classification: cats and dogs").xlabel("size (cm)").ylabel("weight (kg)")
        .legend();
    TourFigure supervised = new TourFigure(labelled.savefig(context.figure("day1-cats-dogs.png")),
        "Supervised learning, classification: each animal comes with its label (cat or dog); "
            + "a model learns where the boundary between the two groups lies.");

    Figure unlabelled = Figure.create(640, 480);
    Axes ux = unlabelled.axes();
    ux.scatter(concat(catSize, dogSize), concat(catWeight, dogWeight)).color("tab:gray");
    ux.title("Unsupervised: the same animals without labels").xlabel("size (cm)")
        .ylabel("weight (kg)");
    return List.of(supervised, new TourFigure(
        unlabelled.savefig(context.figure("day1-unlabelled.png")),
        "Unsupervised learning: the same measurements without labels; the two groups are still "
            + "visible, and a clustering algorithm (day 5) finds them."));
  }

  private static TourFigure blobs(TourContext context, Blobs blobs) throws IOException {
    Figure fig = Figure.create(640, 480);
    Axes ax = fig.axes();
    ax.scatter(column(blobs.X(), 0), column(blobs.X(), 1)).c(blobs.y()).cmap("bwr");
    ax.title("make_blobs(50, centers=2, random_state=0)").xlabel("x[:, 0]").ylabel("x[:, 1]");
    return new TourFigure(fig.savefig(context.figure("day1-blobs.png")),
        "The two blobs of make_blobs(n_samples=50, centers=2, random_state=0), coloured by their "
            + "label y (blue 0, red 1): the data of days 3 and 4.");
  }

  /** The least-squares line through (x, y): slope = cov(x, y) / var(x), intercept ȳ − slope x̄. */
  static double[] leastSquares(double[] x, double[] y) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      mx += x[i] / x.length;
      my += y[i] / x.length;
    }
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
    double slope = sxy / sxx;
    return new double[] {slope, my - slope * mx};
  }
}
