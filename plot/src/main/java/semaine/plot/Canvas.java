package semaine.plot;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/**
 * The drawing primitives every artist uses, in figure pixels (origin top-left, y down). Two
 * implementations draw the same figure: {@link GraphicsCanvas} on Java2D (PNG, the window) and
 * {@link SvgCanvas} as SVG elements, so a figure looks the same in both formats.
 */
interface Canvas {

  /** Text anchoring, as matplotlib's {@code ha}/{@code va}. */
  enum Align { START, CENTER, END }

  /** A polyline through {@code n} points; {@code dash} in pixels (null for solid). */
  void polyline(double[] xs, double[] ys, int n, Color color, double width, float[] dash);

  /** Disjoint segments (xs[2k], ys[2k]) to (xs[2k+1], ys[2k+1]), k < n / 2, in one stroke. */
  void segments(double[] xs, double[] ys, int n, Color color, double width);

  /** A closed polygon, filled and/or stroked ({@link Colors#NONE} or null skips one). */
  void polygon(double[] xs, double[] ys, int n, Color fill, Color edge, double edgeWidth);

  /** A rectangle, filled and/or stroked. */
  void rect(double x, double y, double w, double h, Color fill, Color edge, double edgeWidth);

  /**
   * {@code n} markers of one shape centred at (xs[i], ys[i]); {@code sizes[i]} is the marker's
   * width in pixels ({@code sizes.length == 1} for one size); {@code fills[i]} its colour (one
   * colour when of length 1).
   */
  void markers(Marker marker, double[] xs, double[] ys, int n, double[] sizes, Color[] fills,
      Color edge, double edgeWidth);

  /** Text at (x, y) with the given anchoring, rotated {@code degrees} counter-clockwise. */
  void text(String text, double x, double y, double fontPx, boolean bold, Color color, Align ha,
      Align va, double degrees);

  /** An image stretched to the rectangle; {@code smooth} interpolates, otherwise nearest. */
  void image(BufferedImage image, double x, double y, double w, double h, boolean smooth);

  /** Clips further drawing to {@code clip} (null: no clip). */
  void clip(Rectangle2D clip);
}
