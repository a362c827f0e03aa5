package semaine.plot;

import java.awt.Color;
import semaine.util.Checks;

/**
 * Vertical bars from a baseline at 0, as {@code ax.bar(x, height)} and {@code ax.hist(values,
 * bins)}. The baseline is a sticky edge: autoscaling adds no margin below 0 for positive bars.
 * A histogram uses NumPy's {@code histogram} bins: {@code bins} equal bins from the smallest to the
 * largest value, the last one closed on the right; NaN values are ignored.
 */
public final class Bars implements Artist {

  private final double[] x;
  private final double[] heights;
  private final double[] widths;
  private Color color;
  private Color edge;
  private double alpha = 1;
  private String label;
  private String[] categories;

  Bars(double[] x, double[] heights, double width, Color defaultColor) {
    Checks.checkPaired("x", x, "heights", heights);
    Checks.checkVector("x", x);
    Checks.checkVector("heights", heights);
    this.x = x.clone();
    this.heights = heights.clone();
    this.widths = new double[x.length];
    java.util.Arrays.fill(widths, width);
    this.color = defaultColor;
  }

  /** NumPy's {@code histogram(values, bins)} drawn as touching bars. */
  static Bars histogram(double[] values, int bins, Color color) {
    Checks.checkPositive("bins", bins);
    double[] finite = java.util.Arrays.stream(values).filter(Double::isFinite).toArray();
    if (finite.length == 0) {
      throw new IllegalArgumentException("values must have at least one finite value");
    }
    double lo = java.util.Arrays.stream(finite).min().orElseThrow();
    double hi = java.util.Arrays.stream(finite).max().orElseThrow();
    if (lo == hi) {
      // NumPy widens an empty range to [v - 0.5, v + 0.5]
      lo -= 0.5;
      hi += 0.5;
    }
    double[] counts = new double[bins];
    for (double v : finite) {
      int b = (int) ((v - lo) / (hi - lo) * bins);
      counts[Math.min(b, bins - 1)]++;
    }
    double w = (hi - lo) / bins;
    double[] centres = new double[bins];
    for (int b = 0; b < bins; b++) {
      centres[b] = lo + (b + 0.5) * w;
    }
    return new Bars(centres, counts, w, color);
  }

  /** The bar heights (for a histogram, the counts per bin). */
  public double[] heights() {
    return heights.clone();
  }

  /** The bar colour. */
  public Bars color(String color) {
    this.color = Colors.parse(color);
    return this;
  }

  /** An edge colour around each bar (none by default). */
  public Bars edgecolor(String edge) {
    this.edge = Colors.parse(edge);
    return this;
  }

  /** Opacity in [0, 1]. */
  public Bars alpha(double alpha) {
    this.alpha = Style.checkUnit("alpha", alpha);
    return this;
  }

  /** The legend label. */
  public Bars label(String label) {
    this.label = label;
    return this;
  }

  Bars categories(String[] names) {
    this.categories = names.clone();
    return this;
  }

  @Override
  public String[] categories() {
    return categories;
  }

  @Override
  public Bounds bounds() {
    double x0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y0 = 0;
    double y1 = 0;
    for (int i = 0; i < x.length; i++) {
      x0 = Math.min(x0, x[i] - widths[i] / 2);
      x1 = Math.max(x1, x[i] + widths[i] / 2);
      y0 = Math.min(y0, heights[i]);
      y1 = Math.max(y1, heights[i]);
    }
    return new Bounds(x0, x1, y0, y1, Bounds.NONE, new double[] {0});
  }

  @Override
  public int zorder() {
    return 1;
  }

  @Override
  public void draw(Canvas canvas, Transform t) {
    Color fill = Colors.withAlpha(color, alpha);
    for (int i = 0; i < x.length; i++) {
      double left = t.x(x[i] - widths[i] / 2);
      double right = t.x(x[i] + widths[i] / 2);
      double top = t.y(Math.max(0, heights[i]));
      double bottom = t.y(Math.min(0, heights[i]));
      canvas.rect(Math.min(left, right), Math.min(top, bottom), Math.abs(right - left),
          Math.abs(bottom - top), fill, edge, edge == null ? 0 : t.pt(1));
    }
  }

  @Override
  public LegendEntry legendEntry() {
    return label == null ? null : new LegendEntry(label, (canvas, hx, hy, w, h, pxPerPt) ->
        canvas.rect(hx, hy, w, h, Colors.withAlpha(color, alpha), edge,
            edge == null ? 0 : pxPerPt));
  }
}
