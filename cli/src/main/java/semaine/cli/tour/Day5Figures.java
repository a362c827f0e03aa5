package semaine.cli.tour;

import static semaine.cli.tour.TourPlots.evaluate;
import static semaine.cli.tour.TourPlots.rows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import semaine.anomaly.LocalOutlierFactor;
import semaine.classification.KNeighborsClassifier;
import semaine.neighbors.NearestNeighbors;
import semaine.plot.Axes;
import semaine.plot.Figure;
import semaine.plot.Line;
import semaine.random.RandomState;

/**
 * Day 5's pictures: the bottle production line with one odd bottle; why a classifier's boundary
 * misses a new kind of defect while a novelty boundary catches it; one point's k-distance circle
 * and its neighbours' circles (LOF ≈ 1 inside a cluster, LOF ≈ 2.8 beside it); the book's 31
 * points coloured by prediction; LOF scores as circle radii; the LOF boundary in novelty mode.
 * Toy bottles are drawn from {@code RandomState(0)}; the listing's data is the book's.
 */
final class Day5Figures {

  private Day5Figures() {}

  /** Draws the six figures, adding the numbers they show to {@code numbers}. */
  static List<TourFigure> draw(TourContext context, Map<String, Object> numbers, double[][] book,
      int[] bookLabels, double[] bookScores) throws IOException {
    double[][] bottles = bottles(new RandomState(0), 80);
    List<TourFigure> figures = new ArrayList<>();
    figures.add(productionLine(context, numbers, bottles));
    figures.add(classifierVersusNovelty(context, numbers, bottles));
    figures.add(kDistanceCircles(context, numbers));
    figures.add(listing(context, book, bookLabels));
    figures.add(scoreCircles(context, book, bookScores));
    figures.add(noveltyBoundary(context, numbers, book));
    return figures;
  }

  /** n bottles: height ~ N(30, 0.4) cm, diameter = 7 + 0.5·(height − 30) + N(0, 0.08) cm. */
  static double[][] bottles(RandomState rng, int n) {
    double[] height = rng.normal(30, 0.4, n);
    double[] noise = rng.normal(0, 0.08, n);
    double[][] X = new double[n][];
    for (int i = 0; i < n; i++) {
      X[i] = new double[] {height[i], 7 + 0.5 * (height[i] - 30) + noise[i]};
    }
    return X;
  }

  /** The odd bottle: an ordinary height, an ordinary diameter, but not together. */
  private static final double[] ODD = {30.2, 6.5};

  private static TourFigure productionLine(TourContext context, Map<String, Object> numbers,
      double[][] bottles) throws IOException {
    double[][] all = append(bottles, ODD);
    double[] lof = negate(new LocalOutlierFactor(10).fit(all).negativeOutlierFactor());
    double nextHighest = Arrays.stream(lof, 0, bottles.length).max().orElseThrow();
    numbers.put("bottles_odd_lof", lof[bottles.length]);
    numbers.put("bottles_next_highest_lof", nextHighest);
    Figure fig = Figure.create(640, 480);
    Axes ax = fig.axes();
    ax.scatter(column(bottles, 0), column(bottles, 1)).label("bottles");
    ax.scatter(new double[] {ODD[0]}, new double[] {ODD[1]}).color("tab:red").s(80)
        .label("odd bottle");
    ax.annotate("odd bottle", ODD[0], ODD[1], ODD[0] + 0.2, ODD[1] + 0.12);
    ax.title("A bottle production line").xlabel("height (cm)").ylabel("diameter (cm)")
        .legend("upper left");
    return new TourFigure(fig.savefig(context.figure("day5-bottles.png")),
        String.format(Locale.ROOT, "80 bottles off the line and one odd bottle (red): its height "
            + "and its diameter are each ordinary, but not together. Nobody labelled it: LOF "
            + "(k = 10) gives it %.1f; no other bottle goes above %.1f.", lof[bottles.length],
            nextHighest));
  }

  private static TourFigure classifierVersusNovelty(TourContext context,
      Map<String, Object> numbers, double[][] bottles) throws IOException {
    RandomState rng = new RandomState(1);
    double[][] defects = new double[8][];
    double[] h = rng.normal(31.3, 0.15, 8);
    double[] d = rng.normal(7.95, 0.08, 8);
    for (int i = 0; i < 8; i++) {
      defects[i] = new double[] {h[i], d[i]};
    }
    double[] newDefect = {28.9, 6.05};
    int[] y = new int[bottles.length + defects.length];
    Arrays.fill(y, bottles.length, y.length, 1);
    double[][] train = concat(bottles, defects);
    var classifier = new KNeighborsClassifier(3).fit(train, y);
    int classified = classifier.predict(new double[][] {newDefect})[0];
    var novelty = new LocalOutlierFactor(10).novelty(true).fit(bottles);
    int flagged = novelty.predict(new double[][] {newDefect})[0];
    numbers.put("new_defect_classifier_says", classified == 0 ? "normal" : "defect");
    numbers.put("new_defect_novelty_says", flagged == 1 ? "normal" : "outlier");

    double x0 = 28.5;
    double x1 = 31.8;
    double y0 = 5.7;
    double y1 = 8.3;
    Figure fig = Figure.create(1100, 480);
    Axes[][] axes = fig.subplots(1, 2);
    Axes left = axes[0][0];
    left.decisionRegions(classifier::predict, x0, x1, y0, y1).cmap("bwr").alpha(0.25);
    left.scatter(column(bottles, 0), column(bottles, 1)).color("tab:blue").label("normal");
    left.scatter(column(defects, 0), column(defects, 1)).color("tab:red")
        .label("known defects");
    left.scatter(new double[] {newDefect[0]}, new double[] {newDefect[1]}).color("black")
        .marker("x").s(80).label("new kind of defect");
    left.title("A classifier (k-NN): the new defect is \"normal\"").xlabel("height (cm)")
        .ylabel("diameter (cm)").legend("upper left");

    Axes right = axes[0][1];
    double[] xs = grid(x0, x1, 120);
    double[] ys = grid(y0, y1, 120);
    double[][] Z = evaluate(novelty::decisionFunction, xs, ys);
    right.contourf(xs, ys, Z, new double[] {min(Z), 0, max(Z)}).cmap("Greys").alpha(0.3);
    right.contour(xs, ys, Z, new double[] {0}).color("tab:red").linewidth(2);
    right.scatter(column(bottles, 0), column(bottles, 1)).color("tab:blue").label("normal");
    right.scatter(column(defects, 0), column(defects, 1)).color("tab:red")
        .label("known defects");
    right.scatter(new double[] {newDefect[0]}, new double[] {newDefect[1]}).color("black")
        .marker("x").s(80).label("new kind of defect");
    right.title("A novelty boundary (LOF, novelty=True)").xlabel("height (cm)")
        .ylabel("diameter (cm)").legend("upper left");
    return new TourFigure(fig.savefig(context.figure("day5-classifier-vs-novelty.png")),
        "Left: a classifier trained on normal bottles and the defects seen so far splits the plane "
            + "in two, so a new kind of defect (x) lands on the \"normal\" side. Right: a novelty "
            + "detector learns only what normal looks like (LOF fitted on the normal bottles, "
            + "novelty=True); the red line is where decision_function = 0, and everything outside "
            + "is flagged, known defects and new ones alike.");
  }

  private static TourFigure kDistanceCircles(TourContext context, Map<String, Object> numbers)
      throws IOException {
    int k = 3;
    RandomState rng = new RandomState(2);
    double[][] cluster = new double[25][];
    double[] angle = rng.uniform(0, 2 * Math.PI, cluster.length);
    double[] radius = rng.uniform(0, 1, cluster.length);
    for (int i = 0; i < cluster.length; i++) {
      double r = Math.sqrt(radius[i]);
      cluster[i] = new double[] {r * Math.cos(angle[i]), r * Math.sin(angle[i])};
    }
    // the outside point: the position along the x axis whose LOF is closest to 2.8
    double best = 1;
    double bestGap = Double.POSITIVE_INFINITY;
    for (double x = 1.0; x <= 4.0; x += 0.01) {
      double lof = lofOfLast(append(cluster, new double[] {x, 0.1}), k);
      if (Math.abs(lof - 2.8) < bestGap) {
        bestGap = Math.abs(lof - 2.8);
        best = x;
      }
    }
    double[][] data = append(cluster, new double[] {best, 0.1});
    var model = new LocalOutlierFactor(k);
    model.fit(data);
    double[] lof = negate(model.negativeOutlierFactor());
    int inside = 0;
    for (int i = 1; i < cluster.length; i++) {
      if (Math.abs(lof[i] - 1) < Math.abs(lof[inside] - 1)) {
        inside = i;
      }
    }
    int outside = data.length - 1;
    numbers.put("kdistance_inside_lof", lof[inside]);
    numbers.put("kdistance_outside_lof", lof[outside]);

    Figure fig = Figure.create(1100, 520);
    Axes[][] axes = fig.subplots(1, 2);
    neighbourhood(axes[0][0], data, inside, k, lof[inside]);
    neighbourhood(axes[0][1], data, outside, k, lof[outside]);
    return new TourFigure(fig.savefig(context.figure("day5-k-distance.png")),
        String.format(Locale.ROOT, "k = 3. The dashed circle around a point (red) reaches its "
            + "3rd nearest neighbour: its k-distance. The grey circles are its neighbours' "
            + "k-distances. Left, inside the cluster, the point's circle is as small as its "
            + "neighbours': LOF = %.2f. Right, beside the cluster, its circle is much larger than "
            + "theirs, so its local density is lower than theirs: LOF = %.2f.",
            lof[inside], lof[outside]));
  }

  /** One point, its k-distance circle, its k neighbours and their k-distance circles. */
  private static void neighbourhood(Axes ax, double[][] data, int point, int k, double lof) {
    var nn = new NearestNeighbors(k).fit(data);
    var neighbours = nn.kneighbors(k);
    ax.scatter(column(data, 0), column(data, 1)).color("tab:blue");
    for (int j : neighbours.indices()[point]) {
      double r = neighbours.distances()[j][k - 1];
      circle(ax, data[j], r).color("tab:gray").linewidth(1);
      ax.scatter(new double[] {data[j][0]}, new double[] {data[j][1]}).color("tab:orange").s(60);
    }
    double kDistance = neighbours.distances()[point][k - 1];
    circle(ax, data[point], kDistance).color("tab:red").linestyle("--").linewidth(1.5);
    ax.scatter(new double[] {data[point][0]}, new double[] {data[point][1]}).color("tab:red")
        .s(80);
    ax.aspect("equal");
    ax.xlim(-1.3, 2.3).ylim(-1.3, 1.3);
    ax.title(String.format(Locale.ROOT, "LOF = %.2f", lof)).xlabel("x[:, 0]").ylabel("x[:, 1]");
  }

  private static TourFigure listing(TourContext context, double[][] X, int[] labels)
      throws IOException {
    Figure fig = Figure.create(640, 480);
    Axes ax = fig.axes();
    ax.scatter(column(rows(X, labels, 1), 0), column(rows(X, labels, 1), 1)).color("tab:blue")
        .label("inlier (1)");
    ax.scatter(column(rows(X, labels, -1), 0), column(rows(X, labels, -1), 1)).color("tab:red")
        .label("outlier (-1)");
    ax.title("LocalOutlierFactor(n_neighbors=20, contamination=0.5).fit_predict(X)")
        .xlabel("x[:, 0]").ylabel("x[:, 1]").legend("upper left");
    return new TourFigure(fig.savefig(context.figure("day5-listing.png")),
        "The book's listing: 30 points of randn(30, 2) × 0.2 and the point [2, 0.5], coloured by "
            + "fit_predict. contamination=0.5 declares half the points outliers (15 of 31, the "
            + "least dense ones, red); with contamination='auto' only [2, 0.5] is.");
  }

  private static TourFigure scoreCircles(TourContext context, double[][] X, double[] scores)
      throws IOException {
    double max = max(new double[][] {scores});
    double min = min(new double[][] {scores});
    double[] areas = new double[scores.length];
    for (int i = 0; i < scores.length; i++) {
      areas[i] = 1000 * (max - scores[i]) / (max - min);
    }
    Figure fig = Figure.create(640, 480);
    Axes ax = fig.axes();
    ax.scatter(column(X, 0), column(X, 1)).color("k").s(3).label("data points");
    ax.scatter(column(X, 0), column(X, 1)).s(areas).edgecolor("tab:red").facecolor("none")
        .label("outlier score");
    ax.xlim(-0.8, 2.4).ylim(-0.8, 1.0);
    ax.title("Local Outlier Factor (LOF)").xlabel("x[:, 0]").ylabel("x[:, 1]")
        .legend("upper left");
    return new TourFigure(fig.savefig(context.figure("day5-lof-scores.png")),
        "The same points with a circle whose size grows with the LOF score (as in scikit-learn's "
            + "LOF example, s = 1000 × (max − score) / (max − min) with score = "
            + "negative_outlier_factor_): the isolated point's circle dwarfs the others.");
  }

  private static TourFigure noveltyBoundary(TourContext context, Map<String, Object> numbers,
      double[][] book) throws IOException {
    double[][] train = Arrays.copyOf(book, 30);
    var model = new LocalOutlierFactor(20).novelty(true).fit(train);
    double[][] fresh = new RandomState(1).uniform(-1, 1, 20, 2);
    int[] predictions = model.predict(fresh);
    numbers.put("novelty_new_points", fresh.length);
    numbers.put("novelty_new_outliers", count(predictions, -1));
    double[] xs = grid(-1.2, 1.2, 150);
    double[] ys = grid(-1.2, 1.2, 150);
    double[][] Z = evaluate(model::decisionFunction, xs, ys);
    Figure fig = Figure.create(640, 560);
    Axes ax = fig.axes();
    ax.contourf(xs, ys, Z, 8).cmap("Greys").alpha(0.6);
    ax.contour(xs, ys, Z, new double[] {0}).color("tab:red").linewidth(2);
    ax.scatter(column(train, 0), column(train, 1)).color("tab:blue").edgecolor("k")
        .label("training points");
    ax.scatter(column(rows(fresh, predictions, 1), 0), column(rows(fresh, predictions, 1), 1))
        .color("tab:green").edgecolor("k").label("new: inlier");
    ax.scatter(column(rows(fresh, predictions, -1), 0), column(rows(fresh, predictions, -1), 1))
        .color("gold").edgecolor("k").label("new: outlier");
    ax.aspect("equal");
    ax.title("LOF novelty detection (n_neighbors=20)").xlabel("x[:, 0]").ylabel("x[:, 1]")
        .legend("upper left");
    return new TourFigure(fig.savefig(context.figure("day5-novelty-boundary.png")),
        String.format(Locale.ROOT, "novelty=True: LOF fitted on the listing's 30 normal points "
            + "scores new ones. Shades are decision_function (darker is more normal); the red line "
            + "is decision_function = 0, with offset −1.5 (contamination='auto'). %d of %d new "
            + "points fall outside.", count(predictions, -1), fresh.length));
  }

  private static double lofOfLast(double[][] data, int k) {
    double[] scores = new LocalOutlierFactor(k).fit(data).negativeOutlierFactor();
    return -scores[scores.length - 1];
  }

  private static Line circle(Axes ax, double[] centre, double r) {
    int n = 120;
    double[] x = new double[n + 1];
    double[] y = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      double t = 2 * Math.PI * i / n;
      x[i] = centre[0] + r * Math.cos(t);
      y[i] = centre[1] + r * Math.sin(t);
    }
    return ax.plot(x, y);
  }

  private static double[] grid(double from, double to, int n) {
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      g[i] = from + (to - from) * i / (n - 1);
    }
    return g;
  }

  static double[] column(double[][] X, int j) {
    double[] c = new double[X.length];
    for (int i = 0; i < X.length; i++) {
      c[i] = X[i][j];
    }
    return c;
  }

  private static double[][] append(double[][] X, double[] row) {
    return concat(X, new double[][] {row});
  }

  private static double[][] concat(double[][] a, double[][] b) {
    double[][] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static double[] negate(double[] v) {
    return Arrays.stream(v).map(x -> -x).toArray();
  }

  private static int count(int[] labels, int label) {
    return (int) Arrays.stream(labels).filter(v -> v == label).count();
  }

  private static double min(double[][] Z) {
    return Arrays.stream(Z).flatMapToDouble(Arrays::stream).min()
        .orElseThrow();
  }

  private static double max(double[][] Z) {
    return Arrays.stream(Z).flatMapToDouble(Arrays::stream).max()
        .orElseThrow();
  }
}
