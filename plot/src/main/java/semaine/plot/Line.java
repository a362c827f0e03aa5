package semaine.plot;

import java.awt.Color;
import semaine.util.Checks;

/**
 * A line through points, as {@code ax.plot(x, y, fmt)}: styled with a matplotlib format string
 * ({@code "r--"}, {@code "o-"}, {@code "k:"}) or the setters, optionally with markers. A NaN or
 * infinite coordinate breaks the line there, as in matplotlib. {@code axhline}/{@code axvline}
 * are lines too, spanning the axes whatever the limits.
 */
public final class Line implements Artist {

  /** Whether the line spans the axes horizontally (axhline) or vertically (axvline). */
  enum Span { NONE, HORIZONTAL, VERTICAL }

  private final double[] x;
  private final double[] y;
  private final Span span;
  private Color color;
  private String linestyle = "-";
  private double linewidth = Style.LINEWIDTH;
  private Marker marker = Marker.NONE;
  private double markersize = Style.MARKERSIZE;
  private double alpha = 1;
  private String label;

  Line(double[] x, double[] y, Color defaultColor) {
    this(x, y, defaultColor, Span.NONE);
  }

  Line(double[] x, double[] y, Color defaultColor, Span span) {
    Checks.checkPaired("x", x, "y", y);
    this.x = x.clone();
    this.y = y.clone();
    this.color = defaultColor;
    this.span = span;
  }

  /**
   * Applies a matplotlib format string: an optional colour letter ({@code bgrcmykw}), marker
   * ({@code o s ^ D . + x}) and line style ({@code - -- : -.}), in any order. A marker without a
   * line style draws markers only.
   */
  public Line style(String fmt) {
    String rest = fmt;
    String style = null;
    for (String ls : new String[] {"--", "-.", "-", ":"}) {
      int at = rest.indexOf(ls);
      if (at >= 0) {
        style = ls;
        rest = rest.substring(0, at) + rest.substring(at + ls.length());
        break;
      }
    }
    boolean markerSet = false;
    for (char ch : rest.toCharArray()) {
      if ("bgrcmykw".indexOf(ch) >= 0) {
        color = Colors.parse(String.valueOf(ch));
      } else if ("os^D.+x".indexOf(ch) >= 0) {
        marker = Marker.of(String.valueOf(ch));
        markerSet = true;
      } else {
        throw new IllegalArgumentException("fmt (\"" + fmt + "\") is not a format string: "
            + "combine a colour letter (bgrcmykw), a marker (o s ^ D . + x) and a line style "
            + "(- -- : -.)");
      }
    }
    linestyle = style != null ? style : markerSet ? "none" : "-";
    return this;
  }

  /** The line colour (a matplotlib colour string). */
  public Line color(String color) {
    this.color = Colors.parse(color);
    return this;
  }

  /** The line style: {@code "-"}, {@code "--"}, {@code ":"}, {@code "-."} or {@code "none"}. */
  public Line linestyle(String linestyle) {
    if (!linestyle.equals("none")) {
      Style.dashes(linestyle, 1);
    }
    this.linestyle = linestyle;
    return this;
  }

  /** The line width in points (default 1.5). */
  public Line linewidth(double points) {
    this.linewidth = Checks.checkNonNegative("linewidth", points);
    return this;
  }

  /** A marker at each point ({@code "o"}, {@code "s"}, ...). */
  public Line marker(String code) {
    this.marker = Marker.of(code);
    return this;
  }

  /** The marker width in points (default 6). */
  public Line markersize(double points) {
    this.markersize = Checks.checkNonNegative("markersize", points);
    return this;
  }

  /** Opacity in [0, 1]. */
  public Line alpha(double alpha) {
    this.alpha = Style.checkUnit("alpha", alpha);
    return this;
  }

  /** The legend label. */
  public Line label(String label) {
    this.label = label;
    return this;
  }

  @Override
  public Bounds bounds() {
    return switch (span) {
      case NONE -> Bounds.ofPoints(x, y);
      case HORIZONTAL -> Bounds.of(Double.NaN, Double.NaN, y[0], y[0]);
      case VERTICAL -> Bounds.of(x[0], x[0], Double.NaN, Double.NaN);
    };
  }

  @Override
  public int pointsIn(Transform t, java.awt.geom.Rectangle2D box) {
    return Artist.countIn(x, y, t, box);
  }

  @Override
  public int zorder() {
    return 2;
  }

  @Override
  public void draw(Canvas canvas, Transform t) {
    Color c = Colors.withAlpha(color, alpha);
    if (span != Span.NONE) {
      double left = t.box().getMinX();
      double right = t.box().getMaxX();
      double top = t.box().getMinY();
      double bottom = t.box().getMaxY();
      double[] xs = span == Span.HORIZONTAL ? new double[] {left, right}
          : new double[] {t.x(x[0]), t.x(x[0])};
      double[] ys = span == Span.HORIZONTAL ? new double[] {t.y(y[0]), t.y(y[0])}
          : new double[] {bottom, top};
      canvas.polyline(xs, ys, 2, c, t.pt(linewidth), dash(t));
      return;
    }
    double[] px = new double[x.length];
    double[] py = new double[x.length];
    int n = 0;
    for (int i = 0; i <= x.length; i++) {
      boolean finite = i < x.length && Double.isFinite(x[i]) && Double.isFinite(y[i]);
      if (finite) {
        px[n] = t.x(x[i]);
        py[n] = t.y(y[i]);
        n++;
      } else if (n > 0) {
        if (!linestyle.equals("none")) {
          canvas.polyline(px, py, n, c, t.pt(linewidth), dash(t));
        }
        canvas.markers(marker, px, py, n, new double[] {t.pt(markersize)}, new Color[] {c}, null,
            t.pt(1));
        n = 0;
      }
    }
  }

  @Override
  public LegendEntry legendEntry() {
    if (label == null) {
      return null;
    }
    return new LegendEntry(label, (canvas, hx, hy, w, h, pxPerPt) -> {
      Color c = Colors.withAlpha(color, alpha);
      double my = hy + h / 2;
      if (!linestyle.equals("none")) {
        canvas.polyline(new double[] {hx, hx + w}, new double[] {my, my}, 2, c,
            pxPerPt * linewidth, linestyle.equals("-") ? null
                : Style.dashes(linestyle, pxPerPt * linewidth));
      }
      canvas.markers(marker, new double[] {hx + w / 2}, new double[] {my}, 1,
          new double[] {pxPerPt * markersize}, new Color[] {c}, null, pxPerPt);
    });
  }

  private float[] dash(Transform t) {
    return linestyle.equals("-") || linestyle.equals("none") ? null
        : Style.dashes(linestyle, t.pt(linewidth));
  }
}
