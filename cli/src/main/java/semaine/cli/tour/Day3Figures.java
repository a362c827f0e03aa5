package semaine.cli.tour;

import static semaine.cli.tour.TourPlots.column;
import static semaine.cli.tour.TourPlots.save;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import semaine.classification.KNeighborsClassifier;
import semaine.cli.tour.TourPlots.Window;
import semaine.data.Blobs;
import semaine.data.Datasets;
import semaine.data.LabeledSamples;
import semaine.plot.Axes;
import semaine.plot.Figure;
import semaine.random.RandomState;

/**
 * Day 3's pictures: the book's ten unknown points and their predicted class, then what k does to
 * the decision regions of k nearest neighbours (drawn with {@code decisionRegions}): 1-NN on
 * spam-like data, the same with a few mislabelled emails, k = 3 and 5 on those, two moons with k
 * too small and too large, and a four-class problem. Toy data drawn from {@code RandomState(0)}.
 */
final class Day3Figures {

  /** Emails of each class in the spam-like data. */
  private static final int EMAILS = 30;

  /** How many emails of each class get the other class's label in the "outliers" figures. */
  private static final int MISLABELLED = 3;

  private Day3Figures() {}

  /** Draws the six figures; {@code predictions} are the listing's for {@code unknown} (k = 3). */
  static List<TourFigure> draw(TourContext context, Blobs blobs, double[][] unknown,
      int[] predictions) throws IOException {
    List<TourFigure> figures = new ArrayList<>();
    figures.add(save(context, listing(blobs, unknown, predictions), "day3-knn-listing.png",
        "The book's listing: the 50 training points of make_blobs (blue class 0, red class 1) "
            + "and the ten unknown points (diamonds), each coloured by the class that its 3 "
            + "nearest neighbours vote for. The shaded background is the class k = 3 would give "
            + "any point there."));
    RandomState rng = new RandomState(0);
    LabeledSamples spam = spam(rng);
    LabeledSamples noisy = mislabel(spam, rng);
    figures.add(save(context, spamRegions(spam, 1), "day3-spam-1nn.png",
        "1 nearest neighbour on spam-like emails (two features: links and words in capitals). "
            + "Every training email is classified correctly, and the boundary bends around each "
            + "point near the other class."));
    figures.add(save(context, spamRegions(noisy, 1), "day3-spam-outliers-1nn.png",
        "The same emails with six of them mislabelled (circled). 1-NN trusts every point: each "
            + "mislabelled email carves an island of the wrong class, and new emails landing "
            + "there are misclassified."));
    figures.add(save(context, spamComparison(noisy), "day3-spam-k3-k5.png",
        "The mislabelled emails again, with k = 3 and k = 5: each vote now outweighs a single "
            + "wrong label, the islands vanish and the boundary becomes a smooth curve between "
            + "the two groups."));
    figures.add(save(context, moons(), "day3-moons-k.png",
        "Two crescents (make_moons, noise 0.25) for three values of k. k = 1 follows every noisy "
            + "point (overfitting); k = 15 follows the crescents; k = 150 votes over most of the "
            + "data and flattens the boundary until it misses the crescents' shape "
            + "(underfitting)."));
    figures.add(save(context, fourClasses(), "day3-four-classes.png",
        "k-NN is not limited to two classes: four blobs (make_blobs, centers=4), k = 5. Each "
            + "region takes the colour of the class that wins the vote of the 5 nearest points."));
    return figures;
  }

  /** The listing's figure, with the k = 3 regions under it. */
  private static Figure listing(Blobs blobs, double[][] unknown, int[] predictions) {
    double[][] X = blobs.X();
    var model = new KNeighborsClassifier(3).fit(X, blobs.y());
    double[][] all = Stream.of(X, unknown).flatMap(Arrays::stream)
        .toArray(double[][]::new);
    Window w = Window.around(all, 0.7);
    Figure fig = Figure.create(640, 480);
    Axes ax = fig.axes();
    ax.decisionRegions(model::predict, w.xmin(), w.xmax(), w.ymin(), w.ymax()).cmap("bwr")
        .clim(0, 1).alpha(0.15);
    ax.scatter(column(X, 0), column(X, 1)).c(blobs.y()).cmap("bwr").clim(0, 1).s(30)
        .label("training points: class 0 blue, 1 red");
    ax.scatter(column(unknown, 0), column(unknown, 1)).c(predictions).cmap("bwr").clim(0, 1)
        .marker("D").s(90).edgecolor("k").linewidth(1.5).label("new points (predicted)");
    ax.xlim(w.xmin(), w.xmax()).ylim(w.ymin(), w.ymax());
    ax.title("k = 3: ten new points and their predicted class").xlabel("x[:, 0]")
        .ylabel("x[:, 1]").legend();
    return fig;
  }

  /**
   * Spam-like emails: {@value #EMAILS} of each class with two features, the number of links and
   * the number of words in capitals; normal emails (label 0) have few of both, spam (label 1)
   * more, and the two groups overlap a little.
   */
  static LabeledSamples spam(RandomState rng) {
    double[][] X = new double[2 * EMAILS][];
    int[] y = new int[2 * EMAILS];
    for (int i = 0; i < 2 * EMAILS; i++) {
      boolean isSpam = i >= EMAILS;
      double links = isSpam ? rng.normal(7, 2.2) : rng.normal(2.5, 1.5);
      double capitals = isSpam ? rng.normal(10, 3) : rng.normal(3.5, 2);
      X[i] = new double[] {Math.abs(links), Math.abs(capitals)};
      y[i] = isSpam ? 1 : 0;
    }
    return new LabeledSamples(X, y);
  }

  /**
   * The same emails with the labels of {@value #MISLABELLED} of each class, drawn at random,
   * swapped: labelling mistakes.
   */
  static LabeledSamples mislabel(LabeledSamples data, RandomState rng) {
    int[] y = data.y().clone();
    for (int i : rng.choice(EMAILS, MISLABELLED, false)) {
      y[i] = 1;
    }
    for (int i : rng.choice(EMAILS, MISLABELLED, false)) {
      y[EMAILS + i] = 0;
    }
    return new LabeledSamples(data.X(), y);
  }

  /** The window the spam figures show: the same for all of them, so they compare. */
  static Window spamWindow(LabeledSamples data) {
    return new Window(-0.5, Math.ceil(TourPlots.max(column(data.X(), 0))) + 1, -0.5,
        Math.ceil(TourPlots.max(column(data.X(), 1))) + 1);
  }

  /** The k-NN regions of the spam-like emails, mislabelled ones circled. */
  static Figure spamRegions(LabeledSamples data, int k) {
    Figure fig = Figure.create(640, 480);
    spamPanel(fig.axes(), data, k);
    return fig;
  }

  private static Figure spamComparison(LabeledSamples data) {
    Figure fig = Figure.create(1000, 440);
    Axes[][] grid = fig.subplots(1, 2);
    spamPanel(grid[0][0], data, 3);
    spamPanel(grid[0][1], data, 5);
    return fig;
  }

  private static void spamPanel(Axes ax, LabeledSamples data, int k) {
    var model = new KNeighborsClassifier(k).fit(data.X(), data.y());
    Window w = spamWindow(data);
    regionsAndPoints(ax, model, data, w);
    List<double[]> wrong = new ArrayList<>();
    for (int i = 0; i < data.y().length; i++) {
      if (data.y()[i] != (i >= EMAILS ? 1 : 0)) {
        wrong.add(data.X()[i]);
      }
    }
    if (!wrong.isEmpty()) {
      double[][] W = wrong.toArray(double[][]::new);
      ax.scatter(column(W, 0), column(W, 1)).facecolor("none").edgecolor("k").s(220)
          .linewidth(1.5).label("mislabelled");
    }
    ax.title(k + " nearest neighbour" + (k == 1 ? "" : "s") + (wrong.isEmpty() ? ""
        : ", " + wrong.size() + " mislabelled emails"));
    ax.xlabel("links in the email").ylabel("words in capitals").legend("upper left");
  }

  private static Figure moons() {
    LabeledSamples moons = Datasets.makeMoons().nSamples(200).noise(0.25).randomState(0)
        .generate();
    Window w = Window.around(moons.X(), 0.5);
    Figure fig = Figure.create(1200, 420);
    Axes[][] grid = fig.subplots(1, 3);
    int[] ks = {1, 15, 150};
    String[] verdicts = {"too small", "about right", "too large"};
    for (int p = 0; p < ks.length; p++) {
      var model = new KNeighborsClassifier(ks[p]).fit(moons.X(), moons.y());
      regionsAndPoints(grid[0][p], model, moons, w);
      grid[0][p].title("k = " + ks[p] + " (" + verdicts[p] + ")").xlabel("x[:, 0]");
    }
    grid[0][0].ylabel("x[:, 1]");
    return fig;
  }

  private static Figure fourClasses() {
    Blobs blobs = Datasets.makeBlobs().nSamples(200).centers(4).nFeatures(2).clusterStd(1.0)
        .randomState(0).generate();
    var model = new KNeighborsClassifier(5).fit(blobs.X(), blobs.y());
    Window w = Window.around(blobs.X(), 1);
    Figure fig = Figure.create(640, 480);
    Axes ax = fig.axes();
    // tab10 over [0, 9]: labels 0..3 take matplotlib's first four colours C0..C3
    ax.decisionRegions(model::predict, w.xmin(), w.xmax(), w.ymin(), w.ymax()).cmap("tab10")
        .clim(0, 9);
    ax.scatter(column(blobs.X(), 0), column(blobs.X(), 1)).c(blobs.y()).cmap("tab10").clim(0, 9)
        .s(22).edgecolor("k").linewidth(0.5);
    ax.xlim(w.xmin(), w.xmax()).ylim(w.ymin(), w.ymax());
    ax.title("Four classes, k = 5").xlabel("x[:, 0]").ylabel("x[:, 1]");
    return fig;
  }

  /** Regions of {@code model} (bwr: class 0 blue, class 1 red) and the training points on top. */
  private static void regionsAndPoints(Axes ax, KNeighborsClassifier model, LabeledSamples data,
      Window w) {
    ax.decisionRegions(model::predict, w.xmin(), w.xmax(), w.ymin(), w.ymax()).cmap("bwr")
        .clim(0, 1);
    ax.scatter(column(data.X(), 0), column(data.X(), 1)).c(data.y()).cmap("bwr").clim(0, 1)
        .s(22).edgecolor("k").linewidth(0.5);
    ax.xlim(w.xmin(), w.xmax()).ylim(w.ymin(), w.ymax());
  }
}
