package semaine.cli.tour;

import java.io.IOException;
import java.util.Arrays;
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
