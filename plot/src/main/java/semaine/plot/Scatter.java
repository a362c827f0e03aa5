package semaine.plot;

import java.awt.Color;
import semaine.util.Checks;

/**
 * A scatter of points, as {@code ax.scatter(x, y, c=..., s=..., cmap=..., label=...)}: one marker
 * per point, coloured by one colour or by a value per point through a colormap (labels are values
 * too, so {@code c(y).cmap("bwr")} colours two classes blue and red). Setters chain and return
 * this scatter.
 *
 * <p>Sizes follow matplotlib: {@code s} is the marker's area in points² (default 36), so its
 * width is √s points. Points whose x or y is NaN or infinite are skipped, as matplotlib does; a
 * NaN colour value draws nothing (matplotlib's transparent "bad" colour).
 */
public final class Scatter implements Artist {

  private final double[] x;
  private final double[] y;
  private Color color;
  private double[] values;
  private Colormap cmap = Colormap.get("viridis");
  private double vmin = Double.NaN;
  private double vmax = Double.NaN;
  private double[] sizes = {Style.MARKERSIZE * Style.MARKERSIZE}; // lines.markersize²
  private Marker marker = Marker.CIRCLE;
  private double alpha = 1;
  private String edge = "face";
  private boolean hollow;
  private double linewidth = 1;
  private String label;

  Scatter(double[] x, double[] y, Color defaultColor) {
    Checks.checkPaired("x", x, "y", y);
    this.x = x.clone();
    this.y = y.clone();
    this.color = defaultColor;
  }

  /** One colour for every point (a matplotlib colour string). */
  public Scatter color(String color) {
    this.color = Colors.parse(color);
    return this;
  }

  /** A value per point, mapped to a colour through {@link #cmap(String)}. */
  public Scatter c(double[] values) {
    Checks.checkPaired("x", x, "c", values);
    this.values = values.clone();
    return this;
  }

  /** A label per point (class index), mapped through {@link #cmap(String)} like values. */
  public Scatter c(int[] labels) {
    Checks.checkPaired("x", x, "c", labels);
    this.values = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      values[i] = labels[i];
    }
    return this;
  }

  /** The colormap for {@link #c} values (default {@code viridis}). */
  public Scatter cmap(String name) {
    this.cmap = Colormap.get(name);
    return this;
  }

  /** The value range mapped to the ends of the colormap (default: the values' min and max). */
  public Scatter clim(double vmin, double vmax) {
    this.vmin = vmin;
    this.vmax = vmax;
    return this;
  }

  /** Marker area in points² for every point (matplotlib's {@code s}, default 36). */
  public Scatter s(double area) {
    this.sizes = new double[] {Checks.checkNonNegative("s", area)};
    return this;
  }

  /** Marker area in points² per point. */
  public Scatter s(double[] areas) {
    Checks.checkPaired("x", x, "s", areas);
    for (double a : areas) {
      Checks.checkNonNegative("s", a);
    }
    this.sizes = areas.clone();
    return this;
  }

  /** The marker ({@code "o"}, {@code "s"}, {@code "^"}, {@code "D"}, {@code "x"}, {@code "+"}). */
  public Scatter marker(String code) {
    this.marker = Marker.of(code);
    return this;
  }

  /** Opacity in [0, 1]. */
  public Scatter alpha(double alpha) {
    this.alpha = Style.checkUnit("alpha", alpha);
    return this;
  }

  /** Edge colour ({@code "face"}, the default, draws edges in the fill colour). */
  public Scatter edgecolor(String edge) {
    if (!edge.equals("face")) {
      Colors.parse(edge);
    }
    this.edge = edge;
    return this;
  }

  /** {@code facecolor("none")} draws hollow markers (LOF's circles) in the edge colour. */
  public Scatter facecolor(String face) {
    hollow = face.equals("none");
    if (!hollow) {
      color(face);
    }
    return this;
  }

  /** Edge width in points (default 1). */
  public Scatter linewidth(double points) {
    this.linewidth = Checks.checkNonNegative("linewidth", points);
    return this;
  }

  /** The legend label. */
  public Scatter label(String label) {
    this.label = label;
    return this;
  }

  @Override
  public Bounds bounds() {
    return Bounds.ofPoints(x, y);
  }

  @Override
  public int pointsIn(Transform t, java.awt.geom.Rectangle2D box) {
    return Artist.countIn(x, y, t, box);
  }

  @Override
  public int zorder() {
    return 1;
  }

  @Override
  public void draw(Canvas canvas, Transform t) {
    int n = 0;
    double[] px = new double[x.length];
    double[] py = new double[x.length];
    boolean perPointSize = sizes.length > 1;
    double[] width = perPointSize ? new double[x.length] : new double[] {t.pt(Math.sqrt(sizes[0]))};
    Color[] fills = values == null ? new Color[] {faceColor(color)} : new Color[x.length];
    double[] range = values == null ? null : range();
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
        continue;
      }
      px[n] = t.x(x[i]);
      py[n] = t.y(y[i]);
      if (perPointSize) {
        width[n] = t.pt(Math.sqrt(sizes[i]));
      }
      if (values != null) {
        fills[n] = faceColor(cmap.at(values[i], range[0], range[1]));
      }
      n++;
    }
    if (hollow || !edge.equals("face")) {
      Color edgeColor = edgeColor();
      canvas.markers(marker, px, py, n, width, hollow ? new Color[] {Colors.NONE} : fills,
          edgeColor, t.pt(linewidth));
    } else {
      // edgecolor "face": the edge widens each marker by one line width, as in matplotlib
      double[] widened = width.clone();
      for (int i = 0; i < widened.length; i++) {
        widened[i] += marker.stroked() ? 0 : t.pt(linewidth);
      }
      canvas.markers(marker, px, py, n, widened, fills, null,
          marker.stroked() ? t.pt(linewidth) : 0);
    }
  }

  @Override
  public LegendEntry legendEntry() {
    if (label == null) {
      return null;
    }
    return new LegendEntry(label, (canvas, hx, hy, w, h, pxPerPt) -> {
      Color fill = values == null ? faceColor(color) : faceColor(cmap.at(0.0));
      double size = pxPerPt * Math.sqrt(sizes[0]) + pxPerPt * linewidth;
      canvas.markers(marker, new double[] {hx + w / 2}, new double[] {hy + h / 2}, 1,
          new double[] {size}, new Color[] {hollow ? Colors.NONE : fill},
          hollow ? edgeColor() : null,
          hollow ? pxPerPt * linewidth : 0);
    });
  }

  private Color edgeColor() {
    return Colors.withAlpha(edge.equals("face") ? color : Colors.parse(edge), alpha);
  }

  private Color faceColor(Color base) {
    return alpha == 1 ? base : Colors.withAlpha(base, alpha);
  }

  private double[] range() {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (Double.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    return new double[] {Double.isNaN(vmin) ? lo : vmin, Double.isNaN(vmax) ? hi : vmax};
  }
}
