package semaine.plot;

/**
 * Something drawn in an {@link Axes}: a scatter, a line, bars, an image, contours... Artists are
 * drawn in increasing {@link #zorder()} (then in the order they were added), as matplotlib does:
 * images 0, patches and scatters 1, lines 2, text 3.
 */
interface Artist {

  /** The data extent this artist asks autoscaling to show, or null (it adapts to the view). */
  Bounds bounds();

  /** Draws this artist through {@code t}, clipped to the axes box by the caller. */
  void draw(Canvas canvas, Transform t);

  /** matplotlib's stacking order. */
  int zorder();

  /** The legend row for this artist, or null when it has no label. */
  default LegendEntry legendEntry() {
    return null;
  }

  /** How many of this artist's data points fall in {@code box} (for the legend's "best" place). */
  default int pointsIn(Transform t, java.awt.geom.Rectangle2D box) {
    return 0;
  }

  /** Counts the finite points (x[i], y[i]) drawn inside {@code box}. */
  static int countIn(double[] x, double[] y, Transform t, java.awt.geom.Rectangle2D box) {
    int count = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i]) && box.contains(t.x(x[i]), t.y(y[i]))) {
        count++;
      }
    }
    return count;
  }

  /** Names for the x ticks at 0, 1, 2... (bar categories, dendrogram leaves), or null. */
  default String[] categories() {
    return null;
  }

  /** Whether the 2-D axes frame should be drawn (false for a 3-D surface, which has its own). */
  default boolean flat() {
    return true;
  }

  /** How an artist draws its small sample in the legend, in the box (x, y, w, h). */
  @FunctionalInterface
  interface Handle {
    void draw(Canvas canvas, double x, double y, double w, double h, double pxPerPt);
  }

  /** One legend row: a label and how to draw its handle. */
  record LegendEntry(String label, Handle handle) {}
}
