package semaine.plot;

/**
 * A data extent for autoscaling, with matplotlib's "sticky edges": a bar chart's baseline at 0 or
 * an image's border, which the 5 % margins never cross.
 *
 * @param xmin smallest x (NaN when the artist sets no x extent)
 * @param xmax largest x
 * @param ymin smallest y (NaN when the artist sets no y extent)
 * @param ymax largest y
 * @param stickyX x values margins stop at
 * @param stickyY y values margins stop at
 */
record Bounds(double xmin, double xmax, double ymin, double ymax, double[] stickyX,
    double[] stickyY) {

  static final double[] NONE = {};

  /** Bounds without sticky edges. */
  static Bounds of(double xmin, double xmax, double ymin, double ymax) {
    return new Bounds(xmin, xmax, ymin, ymax, NONE, NONE);
  }

  /** The finite extent of paired coordinates, skipping pairs where either is NaN; null if none. */
  static Bounds ofPoints(double[] x, double[] y) {
    double x0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        x0 = Math.min(x0, x[i]);
        x1 = Math.max(x1, x[i]);
        y0 = Math.min(y0, y[i]);
        y1 = Math.max(y1, y[i]);
      }
    }
    return x0 > x1 ? null : of(x0, x1, y0, y1);
  }
}
