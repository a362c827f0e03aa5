package semaine.cli.tour;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.Function;
import semaine.plot.Figure;

/**
 * Small helpers the day figures share: a matrix column as {@code X[:, j]}, {@code np.linspace},
 * a padded plotting window around 2-D samples, and saving a figure with its caption.
 */
final class TourPlots {

  private TourPlots() {}

  /** Column {@code j} of {@code X}, as NumPy's {@code X[:, j]}. */
  static double[] column(double[][] X, int j) {
    double[] out = new double[X.length];
    for (int i = 0; i < X.length; i++) {
      out[i] = X[i][j];
    }
    return out;
  }

  /** {@code a} followed by {@code b}. */
  static double[] concat(double[] a, double[] b) {
    double[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** {@code n} evenly spaced values from {@code low} to {@code high} inclusive, as np.linspace. */
  static double[] linspace(double low, double high, int n) {
    double[] out = new double[n];
    double step = (high - low) / (n - 1);
    for (int i = 0; i < n; i++) {
      out[i] = i == n - 1 ? high : low + i * step;
    }
    return out;
  }

  /**
   * {@code Z[i][j] = f(xs[j], ys[i])}, the layout of {@code np.meshgrid} that {@code contour}
   * takes, for a model scoring the rows of an (n, 2) matrix ({@code model::decisionFunction}).
   */
  static double[][] evaluate(Function<double[][], double[]> f, double[] xs, double[] ys) {
    double[][] points = new double[xs.length * ys.length][];
    for (int i = 0; i < ys.length; i++) {
      for (int j = 0; j < xs.length; j++) {
        points[i * xs.length + j] = new double[] {xs[j], ys[i]};
      }
    }
    double[] values = f.apply(points);
    double[][] Z = new double[ys.length][xs.length];
    for (int i = 0; i < ys.length; i++) {
      System.arraycopy(values, i * xs.length, Z[i], 0, xs.length);
    }
    return Z;
  }

  /** The rows of {@code X} whose label is {@code label}, as {@code X[y == label]}. */
  static double[][] rows(double[][] X, int[] labels, int label) {
    return java.util.stream.IntStream.range(0, X.length).filter(i -> labels[i] == label)
        .mapToObj(i -> X[i]).toArray(double[][]::new);
  }

  /** The rows of {@code X} at {@code indices}, as {@code X[indices]}. */
  static double[][] take(double[][] X, int[] indices) {
    return java.util.Arrays.stream(indices).mapToObj(i -> X[i]).toArray(double[][]::new);
  }

  /** The rectangle [xmin, xmax] x [ymin, ymax] a 2-D plot shows. */
  record Window(double xmin, double xmax, double ymin, double ymax) {

    /** The samples' bounding box (columns 0 and 1) widened by {@code pad} on each side. */
    static Window around(double[][] X, double pad) {
      double[] x = column(X, 0);
      double[] y = column(X, 1);
      return new Window(min(x) - pad, max(x) + pad, min(y) - pad, max(y) + pad);
    }
  }

  /** Saves {@code figure} as {@code fileName} in the tour's figures folder, with its caption. */
  static TourFigure save(TourContext context, Figure figure, String fileName, String caption)
      throws IOException {
    return new TourFigure(figure.savefig(context.figure(fileName)), caption);
  }

  static double min(double[] values) {
    return Arrays.stream(values).min().orElseThrow();
  }

  static double max(double[] values) {
    return Arrays.stream(values).max().orElseThrow();
  }
}
