package semaine.cli.tour;

import static semaine.cli.tour.TourPlots.column;
import static semaine.cli.tour.TourPlots.save;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import semaine.cli.tour.TourPlots.Window;
import semaine.clustering.ElbowMethod;
import semaine.clustering.KMeans;
import semaine.clustering.KMeansStep;
import semaine.data.Datasets;
import semaine.plot.Axes;
import semaine.plot.Figure;
import semaine.random.RandomState;

/**
 * Day 4's pictures: three groups of star-shaped objects (size, number of branches) that nobody
 * labelled, k-means at work step by step on three blobs (random initial centres), the inertia for
 * K = 1..9 with the elbow Kneedle finds, and the final {@code KMeans(4)} of the book's listing.
 */
final class Day4Figures {

  /** Star-shaped objects in each group. */
  private static final int STARS = 15;

  /** The seed of the step-by-step run's blobs. */
  static final int BLOBS_SEED = 0;

  /** The seed of its random initial centres: all three fall in one blob. */
  static final int INIT_SEED = 5;

  private Day4Figures() {}

  /** Draws the four figures from the listing's samples, elbow and final model. */
  static List<TourFigure> draw(TourContext context, double[][] X, int kDrawn, ElbowMethod elbow,
      KMeans last) throws IOException {
    List<TourFigure> figures = new ArrayList<>();
    figures.add(save(context, stars(new RandomState(0)), "day4-stars.png",
        "Clustering starts from objects nobody has labelled: here 45 star-shaped objects, "
            + "described by two numbers, their size and their number of branches (each is drawn "
            + "with its own branches, at its size). The eye sees three groups (small stars with "
            + "few branches, medium ones with many, large ones with few); k-means finds them "
            + "from the two numbers alone."));
    KMeans run = stepsRun();
    figures.add(save(context, steps(run), "day4-kmeans-steps.png",
        "k-means step by step on 150 points (three blobs), K = 3. (1) Three centres (black "
            + "crosses) are drawn at random among the points, here all three in the same blob; "
            + "(2) each point takes the colour of its closest centre (the faint regions); (3) "
            + "each centre moves to the mean of its points (arrows from the grey crosses), one "
            + "of them a long way; (4) the points are reassigned to the moved centres; the two "
            + "steps alternate until (6) nothing changes any more: after " + run.steps().size()
            + " assignments the three clusters are the three blobs."));
    String elbowAt = elbow.elbow().isPresent() ? "K = " + elbow.elbow().getAsInt()
        : "no clear K";
    figures.add(save(context, elbow(elbow, kDrawn), "day4-elbow.png",
        "The inertia (the sum of squared distances from each point to its centre) of k-means "
            + "on the listing's 200 points for K = 1..9. It always falls as K grows; the elbow, "
            + "where it stops falling fast, is at " + elbowAt + " (Kneedle, red). Honestly, the "
            + "listing drew k = " + kDrawn + " blobs: they lie at very different distances from "
            + "one another, so the first centres, which separate far-apart groups, remove most of "
            + "the inertia and the curve bends early; it becomes flat only from K = " + kDrawn
            + " on (dashed line). The elbow is a hint, not the answer."));
    figures.add(save(context, clustering(X, last), "day4-kmeans-final.png",
        "The listing's last step: KMeans(n_clusters=4) on the same 200 points (" + kDrawn
            + " blobs), each point coloured by its cluster, the four centres as black crosses. "
            + "With fewer clusters than blobs, k-means joins nearby blobs into one cluster, and "
            + "the centre of such a cluster lies between its blobs, where there is no point: a "
            + "centre is a mean, not a sample."));
    return figures;
  }

  /**
   * Three groups of {@value #STARS} star-shaped objects, columns {size, branches}: small with
   * 4-5 branches, medium with 8-10, large with 5-6.
   */
  static double[][] starObjects(RandomState rng) {
    double[] sizes = {1.0, 2.0, 3.2};
    int[][] branches = {{4, 6}, {8, 11}, {5, 7}};
    double[][] out = new double[3 * STARS][];
    for (int g = 0; g < 3; g++) {
      for (int i = 0; i < STARS; i++) {
        out[g * STARS + i] = new double[] {rng.normal(sizes[g], 0.22),
            rng.randint(branches[g][0], branches[g][1])};
      }
    }
    return out;
  }

  private static Figure stars(RandomState rng) {
    double[][] objects = starObjects(rng);
    Figure fig = Figure.create(640, 480);
    Axes ax = fig.axes();
    ax.xlim(0, 4.2).ylim(2.5, 12);
    Point2D origin = ax.dataToPixel(0, 0);
    Point2D unit = ax.dataToPixel(1, 1);
    double sx = unit.getX() - origin.getX();
    double sy = origin.getY() - unit.getY();
    String[] names = {"small, few branches", "medium, many branches", "large, few branches"};
    for (int i = 0; i < objects.length; i++) {
      double size = objects[i][0];
      int n = (int) objects[i][1];
      double y = n + rng.uniform(-0.3, 0.3); // spread the stars of one row apart
      double radius = 5 + 4 * size; // pixels
      double[] xs = new double[2 * n + 1];
      double[] ys = new double[2 * n + 1];
      for (int v = 0; v <= 2 * n; v++) {
        double angle = Math.PI / 2 + Math.PI * v / n;
        double r = v % 2 == 0 ? radius : 0.4 * radius;
        xs[v] = size + r * Math.cos(angle) / sx;
        ys[v] = y + r * Math.sin(angle) / sy;
      }
      var glyph = ax.plot(xs, ys).color("C" + i / STARS).linewidth(1.5);
      if (i % STARS == 0) {
        glyph.label(names[i / STARS]);
      }
    }
    ax.title("45 star-shaped objects: three groups").xlabel("size")
        .ylabel("number of branches").legend("upper right");
    return fig;
  }

  /** The step-by-step run: KMeans(3), random initial centres, one run, on three blobs. */
  static KMeans stepsRun() {
    double[][] X = stepsBlobs();
    return new KMeans(3).init(KMeans.Init.RANDOM).nInit(1).randomState(INIT_SEED)
        .recordSteps(true).fit(X);
  }

  static double[][] stepsBlobs() {
    return Datasets.makeBlobs().nSamples(150).centers(3).nFeatures(2).clusterStd(0.6)
        .randomState(BLOBS_SEED).generate().X();
  }

  private static Figure steps(KMeans run) {
    double[][] X = stepsBlobs();
    List<KMeansStep> steps = run.steps();
    KMeansStep first = steps.get(0);
    KMeansStep second = steps.get(1);
    Window w = Window.around(X, 1);
    Figure fig = Figure.create(1200, 820);
    Axes[][] grid = fig.subplots(2, 3);
    panel(grid[0][0], X, w, null, "1. K = 3 centres drawn at random");
    centres(grid[0][0], first.centers());
    panel(grid[0][1], X, w, first, "2. each point to its closest centre");
    centres(grid[0][1], first.centers());
    panel(grid[0][2], X, w, first, "3. centres move to their means");
    double[][] before = first.centers();
    grid[0][2].scatter(column(before, 0), column(before, 1)).marker("x").color("0.55").s(120)
        .linewidth(2.5);
    for (int j = 0; j < 3; j++) {
      double[] to = second.centers()[j];
      // stop the arrow short of the new centre so its head shows beside the cross
      grid[0][2].annotate("", before[j][0] + 0.8 * (to[0] - before[j][0]),
          before[j][1] + 0.8 * (to[1] - before[j][1]), before[j][0], before[j][1]);
    }
    centres(grid[0][2], second.centers());
    int middle = Math.min(2, steps.size() - 2);
    int[] shown = {1, middle, steps.size() - 1};
    String[] titles = {"4. points reassigned",
        "5. move, reassign (assignment " + (middle + 1) + ")",
        "6. converged after " + steps.size() + " assignments"};
    for (int p = 0; p < 3; p++) {
      panel(grid[1][p], X, w, steps.get(shown[p]), titles[p]);
      centres(grid[1][p], steps.get(shown[p]).centers());
    }
    return fig;
  }

  /**
   * The points grey ({@code step} null) or coloured by the step's labels over the regions
   * closest to each of the step's centres.
   */
  private static void panel(Axes ax, double[][] X, Window w, KMeansStep step, String title) {
    if (step == null) {
      ax.scatter(column(X, 0), column(X, 1)).color("0.6").s(16);
    } else {
      ax.decisionRule(p -> nearest(step.centers(), p), w.xmin(), w.xmax(), w.ymin(), w.ymax())
          .cmap("tab10").clim(0, 9).alpha(0.12);
      ax.scatter(column(X, 0), column(X, 1)).c(step.labels()).cmap("tab10").clim(0, 9).s(16);
    }
    ax.xlim(w.xmin(), w.xmax()).ylim(w.ymin(), w.ymax()).title(title);
  }

  /** The centres as big black crosses on a white outline. */
  private static void centres(Axes ax, double[][] centers) {
    ax.scatter(column(centers, 0), column(centers, 1)).marker("x").color("w").s(220)
        .linewidth(6);
    ax.scatter(column(centers, 0), column(centers, 1)).marker("x").color("k").s(200)
        .linewidth(3.5);
  }

  /** The index of the centre closest to {@code p} (the first on ties), as k-means assigns. */
  private static int nearest(double[][] centers, double[] p) {
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int j = 0; j < centers.length; j++) {
      double d = Math.hypot(p[0] - centers[j][0], p[1] - centers[j][1]);
      if (d < bestDistance) {
        best = j;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Inertia against K, the elbow a big red dot, the k the listing drew a dashed line. */
  static Figure elbow(ElbowMethod elbow, int kDrawn) {
    double[] ks = new double[elbow.ks().length];
    for (int i = 0; i < ks.length; i++) {
      ks[i] = elbow.ks()[i];
    }
    double[] inertias = elbow.inertias();
    Figure fig = Figure.create(640, 480);
    Axes ax = fig.axes();
    ax.plot(ks, inertias, "o-").label("inertia of KMeans(n_clusters=K)");
    ax.axvline(kDrawn).color("0.5").linestyle("--")
        .label("k = " + kDrawn + " blobs drawn by the listing");
    if (elbow.elbow().isPresent()) {
      int at = elbow.elbow().getAsInt() - elbow.ks()[0];
      ax.plot(new double[] {ks[at]}, new double[] {inertias[at]}, "o").color("tab:red")
          .markersize(14).label("elbow (Kneedle)");
      double top = TourPlots.max(inertias);
      ax.annotate("elbow: K = " + (int) ks[at], ks[at], inertias[at], ks[at] + 1.2,
          inertias[at] + 0.3 * top).color("tab:red").fontsize(12);
    }
    ax.title("The elbow method: inertia for K = 1..9").xlabel("K (number of clusters)")
        .ylabel("inertia").grid(true).legend("upper right");
    return fig;
  }

  static Figure clustering(double[][] X, KMeans model) {
    Window w = Window.around(X, 0.8);
    Figure fig = Figure.create(640, 480);
    Axes ax = fig.axes();
    ax.scatter(column(X, 0), column(X, 1)).c(model.labels()).cmap("tab10").clim(0, 9).s(22)
        .edgecolor("k").linewidth(0.4);
    centres(ax, model.clusterCenters());
    ax.xlim(w.xmin(), w.xmax()).ylim(w.ymin(), w.ymax());
    ax.title("KMeans(n_clusters=4) on the listing's points").xlabel("X[:, 0]").ylabel("X[:, 1]");
    return fig;
  }
}
