package semaine.plot;

import java.nio.file.Path;

/**
 * A pyplot-like static facade, so the book's {@code plt.scatter(X, y); plt.show()} ports line for
 * line: a current figure and current axes, created on first use (640 x 480 pixels), that every
 * call draws on. Not thread-safe, like pyplot: use {@link Figure} and {@link Axes} directly in
 * concurrent code.
 *
 * <pre>{@code
 * Plt.scatter(x, y).c(labels).cmap("bwr");
 * Plt.xlabel("size");
 * Plt.title("cats and dogs");
 * Plt.savefig("cats.png");
 * }</pre>
 */
public final class Plt {

  private static Figure figure;
  private static Axes axes;

  private Plt() {}

  /** A new current figure of matplotlib's default size, as {@code plt.figure()}. */
  public static Figure figure() {
    return figure(640, 480);
  }

  /** A new current figure of {@code width} x {@code height} pixels. */
  public static Figure figure(int width, int height) {
    figure = Figure.create(width, height);
    axes = null;
    return figure;
  }

  /** A new current figure with a grid of axes, as {@code fig, axs = plt.subplots(rows, cols)}. */
  public static Axes[][] subplots(int rows, int cols) {
    figure();
    Axes[][] grid = figure.subplots(rows, cols);
    axes = grid[0][0];
    return grid;
  }

  /** The current figure, as {@code plt.gcf()}. */
  public static Figure gcf() {
    if (figure == null) {
      figure();
    }
    return figure;
  }

  /** The current axes, as {@code plt.gca()}. */
  public static Axes gca() {
    if (axes == null) {
      axes = gcf().axes();
    }
    return axes;
  }

  /** Makes {@code ax} the current axes (as {@code plt.sca}). */
  public static void sca(Axes ax) {
    axes = ax;
  }

  /** Clears the current figure, as {@code plt.clf()}: a fresh figure of the same size. */
  public static void clf() {
    Figure old = gcf();
    figure = Figure.inches(old.width() / old.dpi(), old.height() / old.dpi(), old.dpi());
    axes = null;
  }

  /** {@link Axes#scatter} on the current axes. */
  public static Scatter scatter(double[] x, double[] y) {
    return gca().scatter(x, y);
  }

  /** {@link Axes#plot(double[], double[])} on the current axes. */
  public static Line plot(double[] x, double[] y) {
    return gca().plot(x, y);
  }

  /** {@link Axes#plot(double[], double[], String)} on the current axes. */
  public static Line plot(double[] x, double[] y, String fmt) {
    return gca().plot(x, y, fmt);
  }

  /** {@link Axes#plot(double[])} on the current axes. */
  public static Line plot(double[] y) {
    return gca().plot(y);
  }

  /** {@link Axes#bar(double[], double[])} on the current axes. */
  public static Bars bar(double[] x, double[] heights) {
    return gca().bar(x, heights);
  }

  /** {@link Axes#hist} on the current axes. */
  public static Bars hist(double[] values, int bins) {
    return gca().hist(values, bins);
  }

  /** {@link Axes#imshow} on the current axes. */
  public static AxesImage imshow(double[][] Z) {
    return gca().imshow(Z);
  }

  /** {@link Axes#contour(double[], double[], double[][], int)} on the current axes. */
  public static ContourSet contour(double[] xs, double[] ys, double[][] Z, int levels) {
    return gca().contour(xs, ys, Z, levels);
  }

  /** {@link Axes#contourf(double[], double[], double[][], int)} on the current axes. */
  public static ContourSet contourf(double[] xs, double[] ys, double[][] Z, int levels) {
    return gca().contourf(xs, ys, Z, levels);
  }

  /** {@link Axes#axhline} on the current axes. */
  public static Line axhline(double y) {
    return gca().axhline(y);
  }

  /** {@link Axes#axvline} on the current axes. */
  public static Line axvline(double x) {
    return gca().axvline(x);
  }

  /** {@link Axes#text} on the current axes. */
  public static Text text(double x, double y, String text) {
    return gca().text(x, y, text);
  }

  /** The current axes' title. */
  public static void title(String title) {
    gca().title(title);
  }

  /** The current axes' x label. */
  public static void xlabel(String label) {
    gca().xlabel(label);
  }

  /** The current axes' y label. */
  public static void ylabel(String label) {
    gca().ylabel(label);
  }

  /** The current axes' x limits. */
  public static void xlim(double left, double right) {
    gca().xlim(left, right);
  }

  /** The current axes' y limits. */
  public static void ylim(double bottom, double top) {
    gca().ylim(bottom, top);
  }

  /** The legend of the current axes, placed at "best". */
  public static void legend() {
    gca().legend();
  }

  /** Grid lines on the current axes. */
  public static void grid(boolean on) {
    gca().grid(on);
  }

  /** Saves the current figure (PNG or SVG by extension). */
  public static Path savefig(String path) {
    return gcf().savefig(path);
  }

  /** Saves the current figure. */
  public static Path savefig(Path path) {
    return gcf().savefig(path);
  }

  /**
   * Shows the current figure (a window, or a temporary PNG when headless) and starts a new one
   * next time, as {@code plt.show()} does.
   */
  public static Path show() {
    Path file = gcf().show();
    figure = null;
    axes = null;
    return file;
  }
}
