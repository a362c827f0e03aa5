package semaine.plot;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import semaine.plot.Canvas.Align;

/**
 * How an {@link Axes} is drawn, in matplotlib's order: a 2-D axes' white box and optional grid, the
 * artists by zorder clipped to the box, then its furniture as matplotlib's defaults draw it (the
 * four spines, outward ticks with their labels, the axis labels, the title), then the legend. A 3-D
 * axes gets its artists and title only. The axes holds what is drawn; this class only reads it.
 */
final class AxesFrame {

  private static final Color GRID = new Color(0xb0b0b0);

  private AxesFrame() {}

  /** Draws {@code axes} on {@code canvas}, as {@code Axes.draw} does in matplotlib. */
  static void draw(Canvas canvas, Axes axes) {
    Transform t = axes.transform();
    boolean flat = axes.flat();
    if (flat) {
      canvas.rect(t.box().getX(), t.box().getY(), t.box().getWidth(), t.box().getHeight(),
          Color.WHITE, null, 0);
      if (axes.gridOn()) {
        grid(canvas, axes, t);
      }
      canvas.clip(t.box());
    }
    List<Artist> ordered = new ArrayList<>(axes.artists());
    ordered.sort(Comparator.comparingInt(Artist::zorder));
    for (Artist artist : ordered) {
      artist.draw(canvas, t);
    }
    canvas.clip(null);
    if (flat) {
      furniture(canvas, axes, t);
    } else {
      title(canvas, axes, t);
    }
    if (axes.legendLoc() != null) {
      Legend.draw(canvas, axes.artists(), t, axes.legendLoc());
    }
  }

  /** Grid lines at the major ticks, under the artists. */
  private static void grid(Canvas canvas, Axes axes, Transform t) {
    Rectangle2D box = t.box();
    for (double x : xTicks(axes, t)) {
      double px = t.x(x);
      canvas.polyline(new double[] {px, px}, new double[] {box.getMinY(), box.getMaxY()}, 2,
          GRID, t.pt(Style.GRID_WIDTH), null);
    }
    for (double y : yTicks(t)) {
      double py = t.y(y);
      canvas.polyline(new double[] {box.getMinX(), box.getMaxX()}, new double[] {py, py}, 2,
          GRID, t.pt(Style.GRID_WIDTH), null);
    }
  }

  /** Spines, ticks, tick labels, axis labels and title. */
  private static void furniture(Canvas canvas, Axes axes, Transform t) {
    Rectangle2D box = t.box();
    double font = t.pt(Style.FONT);
    double tick = t.pt(Style.TICK_LENGTH);
    double pad = t.pt(Style.TICK_PAD);
    double tickWidth = t.pt(Style.TICK_WIDTH);

    double[] xt = xTicks(axes, t);
    String[] categories = axes.categories();
    String[] xLabels = categories != null ? categoryLabels(xt, categories) : Ticks.format(xt);
    for (int i = 0; i < xt.length; i++) {
      double px = t.x(xt[i]);
      canvas.polyline(new double[] {px, px}, new double[] {box.getMaxY(), box.getMaxY() + tick}, 2,
          Color.BLACK, tickWidth, null);
      canvas.text(xLabels[i], px, box.getMaxY() + tick + pad, font, false, Color.BLACK,
          Align.CENTER, Align.START, 0);
    }
    double[] yt = yTicks(t);
    String[] yLabels = Ticks.format(yt);
    double widest = 0;
    for (int i = 0; i < yt.length; i++) {
      double py = t.y(yt[i]);
      canvas.polyline(new double[] {box.getMinX() - tick, box.getMinX()}, new double[] {py, py}, 2,
          Color.BLACK, tickWidth, null);
      canvas.text(yLabels[i], box.getMinX() - tick - pad, py, font, false, Color.BLACK, Align.END,
          Align.CENTER, 0);
      widest = Math.max(widest, GraphicsCanvas.textWidth(yLabels[i], font, false));
    }
    canvas.rect(box.getX(), box.getY(), box.getWidth(), box.getHeight(), null, Color.BLACK,
        t.pt(Style.AXES_LINEWIDTH));
    if (!axes.xlabelText().isEmpty()) {
      double y = box.getMaxY() + tick + pad + font * 1.1 + t.pt(Style.LABEL_PAD);
      canvas.text(axes.xlabelText(), box.getCenterX(), y, font, false, Color.BLACK, Align.CENTER,
          Align.START, 0);
    }
    if (!axes.ylabelText().isEmpty()) {
      double x = box.getMinX() - tick - pad - widest - t.pt(Style.LABEL_PAD) - font * 0.25;
      canvas.text(axes.ylabelText(), x, box.getCenterY(), font, false, Color.BLACK, Align.CENTER,
          Align.END, 90);
    }
    title(canvas, axes, t);
  }

  /** The title, centred above the box. */
  private static void title(Canvas canvas, Axes axes, Transform t) {
    if (!axes.titleText().isEmpty()) {
      canvas.text(axes.titleText(), t.box().getCenterX(), t.box().getMinY() - t.pt(Style.TITLE_PAD)
          - t.pt(Style.TITLE_FONT) * 0.2, t.pt(Style.TITLE_FONT), false, Color.BLACK,
          Align.CENTER, Align.END, 0);
    }
  }

  /** The x ticks: category positions for a categorical bar chart, else MaxNLocator's. */
  static double[] xTicks(Axes axes, Transform t) {
    String[] categories = axes.categories();
    double lo = Math.min(t.xmin(), t.xmax());
    double hi = Math.max(t.xmin(), t.xmax());
    if (categories != null) {
      return java.util.stream.IntStream.range(0, categories.length).asDoubleStream()
          .filter(x -> x >= lo && x <= hi).toArray();
    }
    int nbins = Ticks.nbinsX(t.box().getWidth() / t.pxPerPt(), Style.FONT);
    return Ticks.locate(lo, hi, nbins);
  }

  /** The y ticks, MaxNLocator's. */
  static double[] yTicks(Transform t) {
    int nbins = Ticks.nbinsY(t.box().getHeight() / t.pxPerPt(), Style.FONT);
    return Ticks.locate(Math.min(t.ymin(), t.ymax()), Math.max(t.ymin(), t.ymax()), nbins);
  }

  private static String[] categoryLabels(double[] ticks, String[] categories) {
    String[] labels = new String[ticks.length];
    for (int i = 0; i < ticks.length; i++) {
      labels[i] = categories[(int) ticks[i]];
    }
    return labels;
  }
}
