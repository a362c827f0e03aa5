package semaine.plot;

import java.awt.image.BufferedImage;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import semaine.util.Checks;

/**
 * The plane coloured by a classifier's prediction, the picture of days 3 and 4 (k-NN for k = 1, 3,
 * 5): the rectangle is cut into {@code resolution x resolution} cells, the model predicts the label
 * of every cell centre in one call, and each cell takes the colormap's colour for its label
 * (normalised over the smallest and largest label, as {@code scatter(c=y)} does, so regions and
 * points agree) at 40 % opacity. It is drawn under everything else in the axes.
 */
public final class DecisionRegions implements Artist {

  private final Function<double[][], int[]> predict;
  private final double xmin;
  private final double xmax;
  private final double ymin;
  private final double ymax;
  private int resolution = 200;
  private Colormap cmap = Colormap.get("viridis");
  private double alpha = 0.4;
  private double[] labelRange;
  private int[] labels; // row-major, row 0 at ymax

  DecisionRegions(Function<double[][], int[]> predict, double xmin, double xmax, double ymin,
      double ymax) {
    this.predict = java.util.Objects.requireNonNull(predict, "predict");
    this.xmin = Checks.checkFinite("xmin", xmin);
    this.xmax = Checks.checkFinite("xmax", xmax);
    this.ymin = Checks.checkFinite("ymin", ymin);
    this.ymax = Checks.checkFinite("ymax", ymax);
    if (!(xmax > xmin) || !(ymax > ymin)) {
      throw new IllegalArgumentException("range x [" + xmin + ", " + xmax + "], y [" + ymin + ", "
          + ymax + "] must have xmax > xmin and ymax > ymin");
    }
  }

  /** A batch predictor from a rule that labels one point at a time. */
  static Function<double[][], int[]> pointwise(ToIntFunction<double[]> rule) {
    java.util.Objects.requireNonNull(rule, "rule");
    return points -> {
      int[] out = new int[points.length];
      for (int i = 0; i < points.length; i++) {
        out[i] = rule.applyAsInt(points[i]);
      }
      return out;
    };
  }

  /** Cells per side (default 200). */
  public DecisionRegions resolution(int cells) {
    this.resolution = Checks.checkPositive("resolution", cells);
    this.labels = null;
    return this;
  }

  /** The colormap (default {@code viridis}, as {@code scatter}'s). */
  public DecisionRegions cmap(String name) {
    this.cmap = Colormap.get(name);
    return this;
  }

  /** Opacity in [0, 1] (default 0.4). */
  public DecisionRegions alpha(double alpha) {
    this.alpha = Style.checkUnit("alpha", alpha);
    return this;
  }

  /**
   * Maps labels over [low, high] instead of the predicted labels' range: use the training labels'
   * range when a region may lack a class.
   */
  public DecisionRegions clim(double low, double high) {
    this.labelRange = new double[] {low, high};
    return this;
  }

  /** The predicted label of each cell, row-major with row 0 along the top (y = ymax). */
  public int[] labels() {
    if (labels == null) {
      int n = resolution;
      double[][] points = new double[n * n][];
      for (int r = 0; r < n; r++) {
        double y = ymax - (r + 0.5) * (ymax - ymin) / n;
        for (int c = 0; c < n; c++) {
          points[r * n + c] = new double[] {xmin + (c + 0.5) * (xmax - xmin) / n, y};
        }
      }
      int[] predicted = predict.apply(points);
      if (predicted == null || predicted.length != points.length) {
        throw new IllegalStateException("predict returned " + (predicted == null ? "null"
            : predicted.length + " labels") + " for " + points.length + " points");
      }
      labels = predicted;
    }
    return labels.clone();
  }

  @Override
  public Bounds bounds() {
    return new Bounds(xmin, xmax, ymin, ymax, new double[] {xmin, xmax},
        new double[] {ymin, ymax});
  }

  @Override
  public int zorder() {
    return 0;
  }

  @Override
  public void draw(Canvas canvas, Transform t) {
    int[] cells = labels();
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int label : cells) {
      lo = Math.min(lo, label);
      hi = Math.max(hi, label);
    }
    if (labelRange != null) {
      lo = labelRange[0];
      hi = labelRange[1];
    }
    int n = resolution;
    BufferedImage image = new BufferedImage(n, n, BufferedImage.TYPE_INT_ARGB);
    for (int i = 0; i < cells.length; i++) {
      image.setRGB(i % n, i / n, Colors.withAlpha(cmap.at(cells[i], lo, hi), alpha).getRGB());
    }
    double left = t.x(xmin);
    double top = t.y(ymax);
    canvas.image(image, left, top, t.x(xmax) - left, t.y(ymin) - top, false);
  }
}
