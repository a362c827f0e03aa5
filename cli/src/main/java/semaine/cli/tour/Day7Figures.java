package semaine.cli.tour;

import static semaine.cli.tour.TourPlots.linspace;

import semaine.plot.Axes;
import semaine.plot.Figure;

/**
 * Day 7's data figures, drawn with semaine.plot: the activation functions, a loss curve, and the
 * histogram of an autoencoder's reconstruction errors with its threshold.
 */
final class Day7Figures {

  private Day7Figures() {}

  /** ReLU, sigmoid, tanh and GELU on [-4, 4], one panel each. */
  static Figure activations() {
    double[] x = linspace(-4, 4, 401);
    String[] names = {"ReLU: max(0, z)", "sigmoid: 1 / (1 + e^-z)", "tanh(z)",
        "GELU: z·Φ(z)"};
    Figure fig = Figure.create(960, 720);
    Axes[][] grid = fig.subplots(2, 2);
    for (int k = 0; k < 4; k++) {
      double[] y = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        y[i] = activation(k, x[i]);
      }
      Axes ax = grid[k / 2][k % 2];
      ax.axhline(0).color("0.6").linewidth(0.8);
      ax.axvline(0).color("0.6").linewidth(0.8);
      ax.plot(x, y).color("C" + k).linewidth(2.5);
      ax.title(names[k]).grid(true);
      if (k >= 2) {
        ax.xlabel("z");
      }
      ax.ylim(k == 1 ? -0.2 : k == 2 ? -1.2 : -1, k == 1 ? 1.2 : k == 2 ? 1.2 : 4);
    }
    return fig;
  }

  /** Activation {@code k} (0 ReLU, 1 sigmoid, 2 tanh, 3 GELU with the exact normal CDF). */
  static double activation(int k, double z) {
    return switch (k) {
      case 0 -> Math.max(0, z);
      case 1 -> 1 / (1 + Math.exp(-z));
      case 2 -> Math.tanh(z);
      default -> z * 0.5 * (1 + erf(z / Math.sqrt(2)));
    };
  }

  /** The mean loss per epoch. */
  static Figure lossCurve(double[] curve, String title) {
    Figure fig = Figure.create(640, 480);
    Axes ax = fig.axes();
    double[] epochs = new double[curve.length];
    for (int i = 0; i < curve.length; i++) {
      epochs[i] = i + 1;
    }
    ax.plot(epochs, curve).marker("o").markersize(3);
    ax.title(title).xlabel("epoch").ylabel("mean cross-entropy on the training set").grid(true);
    return fig;
  }

  /**
   * The reconstruction errors of normal digits and of anomalies (rotated digits), with the
   * threshold above which a digit is flagged.
   */
  static Figure errorHistogram(double[] normal, double[] anomalies, double threshold) {
    Figure fig = Figure.create(800, 480);
    Axes ax = fig.axes();
    ax.hist(normal, 30).alpha(0.7).label("test digits (" + normal.length + ")");
    ax.hist(anomalies, 30).alpha(0.7).label("rotated digits: anomalies (" + anomalies.length
        + ")");
    ax.axvline(threshold).color("k").linestyle("--").linewidth(2)
        .label(String.format(java.util.Locale.ROOT, "threshold %.4f", threshold));
    ax.title("Autoencoder on digits: reconstruction error").xlabel("mean squared error")
        .ylabel("number of images").legend("upper right");
    return fig;
  }

  /** erf by Abramowitz and Stegun 7.1.26 (error below 1.5e-7, invisible in a figure). */
  private static double erf(double x) {
    double t = 1 / (1 + 0.3275911 * Math.abs(x));
    double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
        + 0.254829592) * t * Math.exp(-x * x);
    return Math.signum(x) * y;
  }
}
