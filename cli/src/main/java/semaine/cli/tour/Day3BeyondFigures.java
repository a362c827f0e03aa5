package semaine.cli.tour;

import static semaine.cli.tour.TourPlots.column;
import static semaine.cli.tour.TourPlots.evaluate;
import static semaine.cli.tour.TourPlots.linspace;
import static semaine.cli.tour.TourPlots.save;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import semaine.base.Classifier;
import semaine.classification.KNeighborsClassifier;
import semaine.classification.LogisticRegression;
import semaine.cli.tour.TourPlots.Window;
import semaine.data.Blobs;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.data.LabeledSamples;
import semaine.ensemble.RandomForestClassifier;
import semaine.plot.Axes;
import semaine.plot.Figure;
import semaine.svm.SVC;
import semaine.tree.DecisionTreeClassifier;

/**
 * Day 3 beyond k-NN: logistic regression beside k-NN on the book's two blobs (the sigmoid of the
 * decision function along the line joining the class means, both models' regions and the 0.5
 * probability line), support vector machines (the margin at decision function −1, 0, 1 with the
 * support vectors circled, linear and rbf; then C and gamma as small multiples on moons), a tree,
 * a forest and k-NN side by side, the forest's feature importances on iris and the iris tree drawn
 * as {@code plot_tree}. (Room for HistGradientBoosting and LinearSVC: a column in {@link
 * #treesForestKnn} and a panel in {@link #svmMargins} once those models land.)
 */
final class Day3BeyondFigures {

  private Day3BeyondFigures() {}

  /** Draws the figures on the book's blobs, adding the numbers they show to {@code numbers}. */
  static List<TourFigure> draw(TourContext context, Map<String, Object> numbers, Blobs blobs)
      throws IOException {
    LabeledSamples book = new LabeledSamples(blobs.X(), blobs.y());
    LabeledSamples moons = Datasets.makeMoons().nSamples(100).noise(0.25).randomState(0)
        .generate();
    List<TourFigure> figures = new ArrayList<>();
    var logistic = new LogisticRegression().fit(book.X(), book.y());
    numbers.put("logistic_coef", logistic.coef()[0]);
    numbers.put("logistic_intercept", logistic.intercept()[0]);
    figures.add(save(context, sigmoid(book, logistic), "day3-logistic-sigmoid.png",
        "Logistic regression on the book's two blobs. Left: the line from class 0's mean to "
            + "class 1's. Right: along that line, the decision function w·x + b becomes a "
            + "probability through the sigmoid 1 / (1 + e^(−z)); the class changes where it "
            + "crosses 0.5."));
    figures.add(save(context, knnBesideLogistic(book, logistic), "day3-knn-vs-logistic.png",
        "The same blobs: k-NN (k = 3) on the left follows the points, logistic regression on "
            + "the right draws one straight line, where predict_proba = 0.5 (black)."));
    SVC linear = new SVC().kernel("linear").C(1.0).fit(book.X(), book.y());
    SVC rbf = new SVC().kernel("rbf").C(1.0).fit(book.X(), book.y());
    numbers.put("svc_linear_n_support", linear.nSupport());
    numbers.put("svc_rbf_n_support", rbf.nSupport());
    figures.add(save(context, svmMargins(book, linear, rbf), "day3-svm-margins.png",
        String.format(Locale.ROOT, "Support vector machines (C = 1) on the book's blobs: the "
            + "decision function is 0 on the solid line and ±1 on the thin ones, the margin. "
            + "Only the circled points, the support vectors, define it: %d for the linear "
            + "kernel, %d for rbf.", linear.supportVectors().length,
            rbf.supportVectors().length)));
    figures.add(save(context, cAndGamma(moons, numbers), "day3-svm-c-gamma.png",
        "rbf SVMs on two moons for C (rows) and gamma (columns). Small C or gamma: a smooth, "
            + "tolerant boundary with many support vectors; large C and gamma: the boundary "
            + "wraps individual points (overfitting)."));
    figures.add(save(context, treesForestKnn(book, moons), "day3-tree-forest-knn.png",
        "A decision tree cuts the plane in axis-parallel rectangles; a random forest (100 "
            + "trees) averages many such cuts into a smoother boundary; k-NN (k = 5) follows the "
            + "points. Top: the book's blobs; bottom: two moons."));
    Dataset iris = Datasets.loadIris();
    var forest = new RandomForestClassifier().randomState(0).fit(iris.X(), iris.labels());
    double[] importances = forest.featureImportances();
    numbers.put("iris_forest_importances", importances);
    figures.add(save(context, importances(iris, importances), "day3-feature-importances.png",
        "Which measurements a random forest (100 trees, random_state=0) uses on iris: the mean "
            + "decrease of Gini impurity from each feature's splits, normalised to sum to 1. "
            + "The petal measurements do almost all the work."));
    var tree = new DecisionTreeClassifier().maxDepth(3).randomState(0)
        .fit(iris.X(), iris.labels());
    numbers.put("iris_tree_depth3_accuracy", tree.score(iris.X(), iris.labels()));
    figures.add(save(context, plotTree(iris, tree), "day3-tree-iris.png",
        "A decision tree of depth 3 on iris, drawn as scikit-learn's plot_tree: each box shows "
            + "its question, its Gini impurity, how many flowers reach it, how many of each "
            + "species, and the majority species; the colour is that species, paler when the "
            + "box is mixed."));
    return figures;
  }

  /** The blobs with the line joining the class means, and σ(w·x + b) along it. */
  static Figure sigmoid(LabeledSamples book, LogisticRegression model) {
    double[] m0 = mean(TourPlots.rows(book.X(), book.y(), 0));
    double[] m1 = mean(TourPlots.rows(book.X(), book.y(), 1));
    double[] t = linspace(-0.5, 1.5, 200);
    double[][] line = new double[t.length][];
    for (int i = 0; i < t.length; i++) {
      line[i] = new double[] {m0[0] + t[i] * (m1[0] - m0[0]), m0[1] + t[i] * (m1[1] - m0[1])};
    }
    double[] proba = column(model.predictProba(line), 1);
    Figure fig = Figure.create(1100, 440);
    Axes[][] grid = fig.subplots(1, 2);
    Axes left = grid[0][0];
    left.scatter(column(book.X(), 0), column(book.X(), 1)).c(book.y()).cmap("bwr").clim(0, 1)
        .s(22).edgecolor("k").linewidth(0.5);
    left.plot(column(line, 0), column(line, 1)).color("k").label("the line through the means");
    left.title("Two blobs and the line through their means").xlabel("x[:, 0]")
        .ylabel("x[:, 1]").legend("upper left");
    Axes right = grid[0][1];
    right.plot(t, proba).color("tab:purple").linewidth(2).label("predict_proba[:, 1]");
    right.axhline(0.5).color("grey").linestyle("--").label("0.5");
    right.title("σ(w·x + b) along the line").xlabel("position on the line (0: class 0's mean, "
        + "1: class 1's)").ylabel("probability of class 1").legend("upper left");
    return fig;
  }

  private static Figure knnBesideLogistic(LabeledSamples book, LogisticRegression logistic) {
    Window w = Window.around(book.X(), 1);
    Figure fig = Figure.create(1100, 440);
    Axes[][] grid = fig.subplots(1, 2);
    var knn = new KNeighborsClassifier(3).fit(book.X(), book.y());
    regions(grid[0][0], knn::predict, book, w);
    grid[0][0].title("k-NN, k = 3").xlabel("x[:, 0]").ylabel("x[:, 1]");
    regions(grid[0][1], logistic::predict, book, w);
    double[] xs = linspace(w.xmin(), w.xmax(), 120);
    double[] ys = linspace(w.ymin(), w.ymax(), 120);
    double[][] Z = evaluate(X -> column(logistic.predictProba(X), 1), xs, ys);
    grid[0][1].contour(xs, ys, Z, new double[] {0.5}).color("k").linewidth(2);
    grid[0][1].title("Logistic regression, predict_proba = 0.5").xlabel("x[:, 0]");
    return fig;
  }

  private static Figure svmMargins(LabeledSamples book, SVC linear, SVC rbf) {
    Window w = Window.around(book.X(), 1);
    Figure fig = Figure.create(1100, 460);
    Axes[][] grid = fig.subplots(1, 2);
    margin(grid[0][0], linear, book, w);
    grid[0][0].title("kernel=\"linear\"").ylabel("x[:, 1]");
    margin(grid[0][1], rbf, book, w);
    grid[0][1].title("kernel=\"rbf\"");
    return fig;
  }

  /** Regions, the decision function at −1, 0 and 1, and the support vectors circled. */
  static void margin(Axes ax, SVC model, LabeledSamples data, Window w) {
    regions(ax, model::predict, data, w);
    double[] xs = linspace(w.xmin(), w.xmax(), 120);
    double[] ys = linspace(w.ymin(), w.ymax(), 120);
    double[][] Z = evaluate(X -> column(model.decisionFunction(X), 0), xs, ys);
    ax.contour(xs, ys, Z, new double[] {-1, 1}).color("k").linewidth(0.8);
    ax.contour(xs, ys, Z, new double[] {0}).color("k").linewidth(2);
    double[][] sv = model.supportVectors();
    ax.scatter(column(sv, 0), column(sv, 1)).facecolor("none").edgecolor("k").s(150)
        .linewidth(1.2).label("support vectors");
    ax.xlabel("x[:, 0]").legend("upper left");
  }

  private static Figure cAndGamma(LabeledSamples moons, Map<String, Object> numbers) {
    double[] cs = {0.1, 1, 100};
    double[] gammas = {0.1, 1, 10};
    Window w = Window.around(moons.X(), 0.5);
    Figure fig = Figure.create(1100, 1020);
    Axes[][] grid = fig.subplots(3, 3);
    int[][] counts = new int[cs.length][gammas.length];
    for (int i = 0; i < cs.length; i++) {
      for (int j = 0; j < gammas.length; j++) {
        SVC model = new SVC().C(cs[i]).gamma(gammas[j]).fit(moons.X(), moons.y());
        Axes ax = grid[i][j];
        regions(ax, model::predict, moons, w);
        double[][] sv = model.supportVectors();
        counts[i][j] = sv.length;
        ax.scatter(column(sv, 0), column(sv, 1)).facecolor("none").edgecolor("k").s(60)
            .linewidth(0.8);
        ax.title(String.format(Locale.ROOT, "C=%s, gamma=%s (%d SV)", plain(cs[i]),
            plain(gammas[j]), sv.length));
      }
    }
    numbers.put("moons_svc_n_support_C_by_gamma", counts);
    return fig;
  }

  private static Figure treesForestKnn(LabeledSamples book, LabeledSamples moons) {
    Figure fig = Figure.create(1200, 800);
    Axes[][] grid = fig.subplots(2, 3);
    LabeledSamples[] sets = {book, moons};
    String[] names = {"blobs", "moons"};
    for (int r = 0; r < sets.length; r++) {
      LabeledSamples data = sets[r];
      Window w = Window.around(data.X(), r == 0 ? 1 : 0.5);
      List<Classifier> models = List.of(
          new DecisionTreeClassifier().randomState(0).fit(data.X(), data.y()),
          new RandomForestClassifier().randomState(0).fit(data.X(), data.y()),
          new KNeighborsClassifier(5).fit(data.X(), data.y()));
      String[] titles = {"decision tree", "random forest", "k-NN, k = 5"};
      for (int c = 0; c < models.size(); c++) {
        Classifier model = models.get(c);
        regions(grid[r][c], model::predict, data, w);
        grid[r][c].title(titles[c] + " on " + names[r]);
      }
    }
    return fig;
  }

  private static Figure importances(Dataset iris, double[] importances) {
    Figure fig = Figure.create(800, 440);
    Axes ax = fig.axes();
    ax.bar(iris.featureNames().toArray(String[]::new), importances).color("tab:green");
    ax.title("Random forest feature importances on iris").ylabel("mean decrease in impurity");
    return fig;
  }

  static Figure plotTree(Dataset iris, DecisionTreeClassifier tree) {
    Figure fig = Figure.create(1400, 760);
    fig.axes().plotTree(tree.tree()).criterion("gini")
        .featureNames(iris.featureNames().toArray(String[]::new))
        .classNames(iris.targetNames().toArray(String[]::new));
    fig.allAxes().getFirst().title("DecisionTreeClassifier(max_depth=3) on iris");
    return fig;
  }

  /** Regions of {@code predict} (bwr: class 0 blue, 1 red) with the points on top. */
  static void regions(Axes ax, Function<double[][], int[]> predict, LabeledSamples data,
      Window w) {
    ax.decisionRegions(predict, w.xmin(), w.xmax(), w.ymin(), w.ymax()).resolution(150)
        .cmap("bwr").clim(0, 1);
    ax.scatter(column(data.X(), 0), column(data.X(), 1)).c(data.y()).cmap("bwr").clim(0, 1)
        .s(18).edgecolor("k").linewidth(0.5);
    ax.xlim(w.xmin(), w.xmax()).ylim(w.ymin(), w.ymax());
  }

  private static double[] mean(double[][] X) {
    double[] m = new double[X[0].length];
    for (double[] row : X) {
      for (int j = 0; j < m.length; j++) {
        m[j] += row[j] / X.length;
      }
    }
    return m;
  }

  private static String plain(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
