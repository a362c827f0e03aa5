package semaine.plot;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;

/** The marker shapes of matplotlib's format strings and {@code marker=} argument. */
public enum Marker {
  /** No marker. */
  NONE(""),
  CIRCLE("o"),
  SQUARE("s"),
  TRIANGLE("^"),
  DIAMOND("D"),
  POINT("."),
  PLUS("+"),
  CROSS("x");

  private final String code;

  Marker(String code) {
    this.code = code;
  }

  /** matplotlib's one-character code for this marker. */
  public String code() {
    return code;
  }

  /** The marker for a matplotlib code ({@code "o"}, {@code "s"}, {@code "^"}, ...). */
  public static Marker of(String code) {
    for (Marker m : values()) {
      if (m.code.equals(code)) {
        return m;
      }
    }
    throw new IllegalArgumentException("marker (\"" + code + "\") is not a known marker: use "
        + "one of "
        + Arrays.stream(values()).map(m -> "\"" + m.code + "\"").toList());
  }

  /** True for line markers ({@code +}, {@code x}): they take the face colour as stroke. */
  boolean stroked() {
    return this == PLUS || this == CROSS;
  }

  /** The outline of this marker of width {@code size} centred at (x, y). */
  Shape shape(double x, double y, double size) {
    double r = size / 2;
    return switch (this) {
      case NONE -> new Rectangle2D.Double(x, y, 0, 0);
      case CIRCLE, POINT -> new Ellipse2D.Double(x - r, y - r, size, size);
      case SQUARE -> new Rectangle2D.Double(x - r, y - r, size, size);
      case TRIANGLE -> polygon(new double[] {x, x + r, x - r}, new double[] {y - r, y + r, y + r});
      case DIAMOND -> polygon(new double[] {x, x + r, x, x - r}, new double[] {y - r, y, y + r, y});
      case PLUS -> lines(x - r, y, x + r, y, x, y - r, x, y + r);
      case CROSS -> lines(x - r, y - r, x + r, y + r, x - r, y + r, x + r, y - r);
    };
  }

  private static Shape polygon(double[] xs, double[] ys) {
    Path2D.Double path = new Path2D.Double();
    path.moveTo(xs[0], ys[0]);
    for (int i = 1; i < xs.length; i++) {
      path.lineTo(xs[i], ys[i]);
    }
    path.closePath();
    return path;
  }

  private static Shape lines(double... c) {
    Path2D.Double path = new Path2D.Double();
    for (int i = 0; i < c.length; i += 4) {
      path.moveTo(c[i], c[i + 1]);
      path.lineTo(c[i + 2], c[i + 3]);
    }
    return path;
  }
}
