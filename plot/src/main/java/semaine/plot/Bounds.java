package semaine.plot;

import semaine.util.MinMax;

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
    // MinMax: Math.min and Math.max (double) are calls in the interpreter and in C1's code, where
    // a first plot of many points runs this loop
    for (int i = 0; i < x.length; i++) {
      double xi = x[i];
      double yi = y[i];
      if (Double.isFinite(xi) && Double.isFinite(yi)) {
        x0 = MinMax.min(x0, xi);
        x1 = MinMax.max(x1, xi);
        y0 = MinMax.min(y0, yi);
        y1 = MinMax.max(y1, yi);
      }
    }
    return x0 > x1 ? null : of(x0, x1, y0, y1);
  }
}
