package semaine.cli.tour;

import static semaine.cli.tour.TourPlots.linspace;
import static semaine.cli.tour.TourPlots.max;
import static semaine.cli.tour.TourPlots.min;
import static semaine.cli.tour.TourPlots.save;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import semaine.plot.Axes;
import semaine.plot.Figure;
import semaine.regression.DescentStep;
import semaine.regression.LossSurface;

/**
 * Day 2's pictures: the book's figure (the 50 points and the least-squares line), the loss
 * {@code L(w, b) = 1/(2m) Σ (w x_i + b − y_i)²} cut along b and along w, the bowl of L over (w, b)
 * with the path of gradient descent on it, the loss per iteration, and the line moving toward the
 * points as the descent runs.
 */
final class Day2Figures {

  /** The iterations the small multiples show. */
  private static final int[] SNAPSHOTS = {0, 1, 2, 5, 10, 30};

  /** The book's data and the two fits the figures draw. */
  record Fits(double[] x, double[] y, double w, double b, List<DescentStep> history) {}

  private Day2Figures() {}

  /** Draws the five figures. */
  static List<TourFigure> draw(TourContext context, Fits fits) throws IOException {
    List<TourFigure> figures = new ArrayList<>();
    figures.add(save(context, regression(fits.x(), fits.y(), fits.w(), fits.b()),
        "day2-regression.png",
        "The book's figure: 50 points drawn around y = 1.5 x + 3 with np.random.seed(0), and the "
            + "least-squares line (red). With this noise the line found, " + line(fits.w(), fits.b())
            + ", is close to but not exactly the one the points were drawn from."));
    figures.add(save(context, lossCurves(fits), "day2-loss-curves.png",
        "The loss cut in two directions. Left: w fixed at its best value, L against b is a "
            + "parabola; its lowest point (red) is the least-squares intercept. Right: b fixed, L "
            + "against w, again a parabola, steeper, with its minimum at the least-squares slope."));
    figures.add(save(context, bowl(fits), "day2-loss-bowl.png",
        "The loss over the whole (w, b) plane is a bowl with one lowest point. Gradient descent "
            + "(red dots, one per iteration from (w, b) = (0, 0), learning rate 0.1) walks down "
            + "the slope: big steps where it is steep, smaller and smaller ones near the bottom."));
    figures.add(save(context, lossPerIteration(fits), "day2-loss-per-iteration.png",
        "The loss after each step of gradient descent: it falls fast in the first ten "
            + "iterations, then levels off at the least-squares loss (dashed); more iterations "
            + "barely change the line."));
    figures.add(save(context, descentLines(fits), "day2-descent-lines.png",
        "The line at a few iterations of gradient descent (red) against the least-squares line "
            + "(dashed): it starts flat at y = 0, climbs toward the points and by iteration 30 "
            + "is hard to tell from the least-squares line."));
    return figures;
  }

  /** The book's figure: {@code plt.scatter(X, y); plt.plot(X, model.predict(X), c="r")}. */
  static Figure regression(double[] x, double[] y, double w, double b) {
    Figure fig = Figure.create(640, 480);
    Axes ax = fig.axes();
    ax.scatter(x, y).label("the 50 points");
    double[] ends = {min(x), max(x)};
    ax.plot(ends, new double[] {w * ends[0] + b, w * ends[1] + b}).color("tab:red").linewidth(2)
        .label("least squares: " + line(w, b));
    ax.title("Linear regression on the book's data").xlabel("x").ylabel("y").legend("upper left");
    return fig;
  }

  private static Figure lossCurves(Fits fits) {
    Figure fig = Figure.create(960, 420);
    Axes[][] grid = fig.subplots(1, 2);
    double[] bs = linspace(fits.b() - 4, fits.b() + 4, 161);
    double[] alongB = LossSurface.grid(fits.x(), fits.y(), new double[] {fits.w()}, bs)[0];
    double[] ws = linspace(fits.w() - 4, fits.w() + 4, 161);
    double[][] byW = LossSurface.grid(fits.x(), fits.y(), ws, new double[] {fits.b()});
    double[] alongW = new double[ws.length];
    for (int i = 0; i < ws.length; i++) {
      alongW[i] = byW[i][0];
    }
    double lowest = loss(fits, fits.w(), fits.b());
    curve(grid[0][0], bs, alongB, fits.b(), lowest, "b");
    grid[0][0].title(String.format(Locale.ROOT, "L(w, b) against b, w = %.2f", fits.w()));
    curve(grid[0][1], ws, alongW, fits.w(), lowest, "w");
    grid[0][1].title(String.format(Locale.ROOT, "L(w, b) against w, b = %.2f", fits.b()));
    return fig;
  }

  /** One cut of the loss, its minimum marked and labelled. */
  private static void curve(Axes ax, double[] t, double[] loss, double best, double lowest,
      String name) {
    ax.plot(t, loss).linewidth(2);
    ax.plot(new double[] {best}, new double[] {lowest}).style("ro").markersize(8);
    double top = max(loss);
    ax.annotate(String.format(Locale.ROOT, "minimum: %s = %.3f, L = %.3f", name, best, lowest),
        best, lowest, best, lowest + 0.7 * (top - lowest)).ha("center");
    ax.xlabel(name).ylabel("loss L").grid(true);
  }

  private static Figure bowl(Fits fits) {
    double[] ws = linspace(-1.5, 4.5, 41);
    double[] bs = linspace(-1, 7, 41);
    double[][] byWB = LossSurface.grid(fits.x(), fits.y(), ws, bs); // [i][j] = L(ws[i], bs[j])
    double[][] Z = new double[bs.length][ws.length]; // [i][j] = L(ws[j], bs[i]), x axis w
    for (int i = 0; i < bs.length; i++) {
      for (int j = 0; j < ws.length; j++) {
        Z[i][j] = byWB[j][i];
      }
    }
    List<DescentStep> steps = fits.history().subList(0, Math.min(fits.history().size(), 40));
    double[] pw = new double[steps.size()];
    double[] pb = new double[steps.size()];
    double[] pl = new double[steps.size()];
    for (int k = 0; k < steps.size(); k++) {
      pw[k] = steps.get(k).w()[0];
      pb[k] = steps.get(k).b();
      pl[k] = steps.get(k).loss();
    }
    Figure fig = Figure.create(720, 560);
    Axes ax = fig.axes();
    ax.surface3d(ws, bs, Z).cmap("viridis").view(35, 40).path(pw, pb, pl)
        .labels("w", "b", "loss L");
    ax.title("The loss bowl and the path of gradient descent");
    return fig;
  }

  private static Figure lossPerIteration(Fits fits) {
    int n = Math.min(fits.history().size(), 61);
    double[] iterations = new double[n];
    double[] losses = new double[n];
    for (int k = 0; k < n; k++) {
      iterations[k] = k;
      losses[k] = fits.history().get(k).loss();
    }
    Figure fig = Figure.create(640, 480);
    Axes ax = fig.axes();
    ax.plot(iterations, losses).marker("o").markersize(4).label("gradient descent");
    ax.axhline(loss(fits, fits.w(), fits.b())).style("k--").label(String.format(Locale.ROOT,
        "least squares: L = %.3f", loss(fits, fits.w(), fits.b())));
    ax.title("Loss per iteration (learning rate 0.1)").xlabel("iteration").ylabel("loss L")
        .grid(true).legend("upper right");
    return fig;
  }

  private static Figure descentLines(Fits fits) {
    Figure fig = Figure.create(1050, 780);
    Axes[][] grid = fig.subplots(2, 3);
    double[] ends = {min(fits.x()) - 0.3, max(fits.x()) + 0.3};
    double ylo = Math.min(0, min(fits.y())) - 0.5;
    double yhi = max(fits.y()) + 0.5;
    for (int p = 0; p < SNAPSHOTS.length; p++) {
      DescentStep step = fits.history().get(Math.min(SNAPSHOTS[p], fits.history().size() - 1));
      double w = step.w()[0];
      Axes ax = grid[p / 3][p % 3];
      ax.scatter(fits.x(), fits.y()).s(14).color("tab:blue").alpha(0.7);
      ax.plot(ends, new double[] {fits.w() * ends[0] + fits.b(), fits.w() * ends[1] + fits.b()})
          .style("k--").linewidth(1);
      ax.plot(ends, new double[] {w * ends[0] + step.b(), w * ends[1] + step.b()})
          .color("tab:red").linewidth(2);
      ax.xlim(ends[0], ends[1]).ylim(ylo, yhi);
      ax.title(String.format(Locale.ROOT, "iteration %d: L = %.3f", step.iteration(),
          step.loss()));
    }
    fig.suptitle("Gradient descent moves the line (red) toward the least-squares line (dashed)");
    return fig;
  }

  private static double loss(Fits fits, double w, double b) {
    return LossSurface.grid(fits.x(), fits.y(), new double[] {w}, new double[] {b})[0][0];
  }

  private static String line(double w, double b) {
    return String.format(Locale.ROOT, "y = %.2f x + %.2f", w, b);
  }
}
