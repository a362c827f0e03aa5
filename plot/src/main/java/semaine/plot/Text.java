package semaine.plot;

import java.awt.Color;
import semaine.plot.Canvas.Align;
import semaine.util.Checks;

/**
 * Text at a data point, as {@code ax.text(x, y, s)}, or an annotation with an arrow from the text
 * to a point, as {@code ax.annotate(s, xy, xytext, arrowprops=...)} (here the arrow is always
 * drawn when the points differ).
 */
public final class Text implements Artist {

  private final String text;
  private final double x;
  private final double y;
  private final double targetX;
  private final double targetY;
  private double fontsize = Style.FONT;
  private Color color = Color.BLACK;
  private Align ha = Align.START;
  private Align va = Align.END;

  Text(String text, double x, double y, double targetX, double targetY) {
    this.text = java.util.Objects.requireNonNull(text, "text");
    this.x = Checks.checkFinite("x", x);
    this.y = Checks.checkFinite("y", y);
    this.targetX = targetX;
    this.targetY = targetY;
  }

  /** The font size in points (default 10). */
  public Text fontsize(double points) {
    this.fontsize = Checks.checkPositive("fontsize", points);
    return this;
  }

  /** The text colour. */
  public Text color(String color) {
    this.color = Colors.parse(color);
    return this;
  }

  /** Horizontal alignment: {@code "left"} (default), {@code "center"} or {@code "right"}. */
  public Text ha(String align) {
    this.ha = switch (align) {
      case "left" -> Align.START;
      case "center" -> Align.CENTER;
      case "right" -> Align.END;
      default -> throw new IllegalArgumentException(
          "ha (\"" + align + "\") must be \"left\", \"center\" or \"right\"");
    };
    return this;
  }

  /** Vertical alignment: {@code "baseline"} (default), {@code "center"}, {@code "top"}. */
  public Text va(String align) {
    this.va = switch (align) {
      case "baseline", "bottom" -> Align.END;
      case "center" -> Align.CENTER;
      case "top" -> Align.START;
      default -> throw new IllegalArgumentException(
          "va (\"" + align + "\") must be \"baseline\", \"bottom\", \"center\" or \"top\"");
    };
    return this;
  }

  @Override
  public Bounds bounds() {
    return null; // as matplotlib: text does not take part in autoscaling
  }

  @Override
  public int zorder() {
    return 3;
  }

  @Override
  public void draw(Canvas canvas, Transform t) {
    double px = t.x(x);
    double py = t.y(y);
    if (Double.isFinite(targetX) && Double.isFinite(targetY) && (targetX != x || targetY != y)) {
      arrow(canvas, px, py, t.x(targetX), t.y(targetY), t);
    }
    canvas.text(text, px, py, t.pt(fontsize), false, color, ha, va, 0);
  }

  private void arrow(Canvas canvas, double x0, double y0, double x1, double y1, Transform t) {
    double angle = Math.atan2(y1 - y0, x1 - x0);
    double head = t.pt(8);
    double start = t.pt(fontsize) * 0.6; // leave the text uncovered
    double sx = x0 + Math.cos(angle) * start;
    double sy = y0 + Math.sin(angle) * start;
    canvas.polyline(new double[] {sx, x1}, new double[] {sy, y1}, 2, color, t.pt(1), null);
    double[] hx = {x1, x1 - head * Math.cos(angle - 0.35), x1 - head * Math.cos(angle + 0.35)};
    double[] hy = {y1, y1 - head * Math.sin(angle - 0.35), y1 - head * Math.sin(angle + 0.35)};
    canvas.polygon(hx, hy, 3, color, null, 0);
  }
}
