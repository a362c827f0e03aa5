package semaine.plot;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** {@link Canvas} on a Java2D {@link Graphics2D}, antialiased: PNG files and the window. */
final class GraphicsCanvas implements Canvas {

  /**
   * matplotlib's default font; Java's logical SansSerif when DejaVu Sans is not installed (a font
   * asked for by a family name that is not installed is Dialog's). Asked for by name: listing
   * every installed family would open every font file, a tenth of a second on a first figure.
   */
  static final String FAMILY =
      "DejaVu Sans".equals(new Font("DejaVu Sans", Font.PLAIN, 1).getFamily(Locale.ROOT))
          ? "DejaVu Sans" : Font.SANS_SERIF;

  private static final Graphics2D MEASURE = scratch();

  private final Graphics2D g;
  private final RgbPixels pixels; // g's image when markers can be stamped into it, else null

  /** A canvas on {@code g}, whatever it draws on. */
  GraphicsCanvas(Graphics2D g) {
    this(g, null);
  }

  /**
   * A canvas on {@code g}, a fresh graphics of {@code image}: markers are then composited into
   * the image's pixels directly when it is an RGB image ({@link Sprite#stamp}).
   */
  GraphicsCanvas(Graphics2D g, BufferedImage image) {
    this.g = g;
    this.pixels = image == null ? null : RgbPixels.of(image);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS,
        RenderingHints.VALUE_FRACTIONALMETRICS_ON);
  }

  /** The font for a size in pixels. */
  static Font font(double px, boolean bold) {
    return new Font(FAMILY, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) px);
  }

  /** The width in pixels of {@code text} at {@code px}, for layout in both formats. */
  static double textWidth(String text, double px, boolean bold) {
    synchronized (MEASURE) {
      return MEASURE.getFontMetrics(font(px, bold)).getStringBounds(text, MEASURE).getWidth();
    }
  }

  @Override
  public void polyline(double[] xs, double[] ys, int n, Color color, double width, float[] dash) {
    if (n < 2 || invisible(color)) {
      return;
    }
    Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, n);
    path.moveTo(xs[0], ys[0]);
    for (int i = 1; i < n; i++) {
      path.lineTo(xs[i], ys[i]);
    }
    g.setColor(color);
    g.setStroke(new BasicStroke((float) width, dash == null ? BasicStroke.CAP_SQUARE
        : BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
    g.draw(path);
  }

  @Override
  public void segments(double[] xs, double[] ys, int n, Color color, double width) {
    Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, n);
    for (int i = 0; i + 1 < n; i += 2) {
      path.moveTo(xs[i], ys[i]);
      path.lineTo(xs[i + 1], ys[i + 1]);
    }
    g.setColor(color);
    g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(path);
  }

  @Override
  public void polygon(double[] xs, double[] ys, int n, Color fill, Color edge, double edgeWidth) {
    Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, n);
    path.moveTo(xs[0], ys[0]);
    for (int i = 1; i < n; i++) {
      path.lineTo(xs[i], ys[i]);
    }
    path.closePath();
    fillAndStroke(path, fill, edge, edgeWidth);
  }

  @Override
  public void rect(double x, double y, double w, double h, Color fill, Color edge,
      double edgeWidth) {
    fillAndStroke(new Rectangle2D.Double(x, y, w, h), fill, edge, edgeWidth);
  }

  @Override
  public void markers(Marker marker, double[] xs, double[] ys, int n, double[] sizes,
      Color[] fills, Color edge, double edgeWidth) {
    if (marker == Marker.NONE) {
      return;
    }
    if (sizes.length == 1 && !marker.stroked() && n > 2000) {
      sprites(marker, xs, ys, n, sizes[0], fills, edge, edgeWidth);
      return;
    }
    BasicStroke stroke = new BasicStroke((float) edgeWidth);
    for (int i = 0; i < n; i++) {
      Color fill = fills[fills.length == 1 ? 0 : i];
      double size = sizes[sizes.length == 1 ? 0 : i];
      Shape shape = marker.shape(xs[i], ys[i], size);
      if (marker.stroked()) {
        g.setColor(fill);
        g.setStroke(stroke);
        g.draw(shape);
      } else {
        fillAndStroke(shape, fill, edge, edgeWidth);
      }
    }
  }

  /**
   * Many equal markers: one antialiased image per colour, stamped at each point instead of
   * filling shapes; runs of points of one colour are drawn together (one colour is the common
   * case). Into the image's pixels directly when the graphics draws there unchanged (identity
   * transform, source-over at full opacity), else through Java2D: the same pixels.
   */
  private void sprites(Marker marker, double[] xs, double[] ys, int n, double size, Color[] fills,
      Color edge, double edgeWidth) {
    boolean direct = pixels != null && g.getTransform().isIdentity()
        && AlphaComposite.SrcOver.equals(g.getComposite());
    Map<Color, Sprite> sprites = new HashMap<>();
    int from = 0;
    while (from < n) {
      Color fill = fills[fills.length == 1 ? 0 : from];
      int to = from + 1;
      while (to < n && fills[fills.length == 1 ? 0 : to] == fill) {
        to++;
      }
      Sprite sprite =
          sprites.computeIfAbsent(fill, c -> sprite(marker, size, c, edge, edgeWidth));
      if (direct) {
        sprite.stamp(pixels, xs, ys, from, to);
      } else {
        for (int i = from; i < to; i++) {
          sprite.draw(g, xs[i], ys[i]);
        }
      }
      from = to;
    }
  }

  /** One marker of width {@code size} pixels, antialiased, centred in an image of its own. */
  private static Sprite sprite(Marker marker, double size, Color fill, Color edge,
      double edgeWidth) {
    int side = (int) Math.ceil(size + 2 * edgeWidth) + 2;
    double half = side / 2.0;
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
    Graphics2D sg = image.createGraphics();
    new GraphicsCanvas(sg).markers(marker, new double[] {half}, new double[] {half}, 1,
        new double[] {size}, new Color[] {fill}, edge, edgeWidth);
    sg.dispose();
    return new Sprite(image);
  }

  @Override
  public void text(String text, double x, double y, double fontPx, boolean bold, Color color,
      Align ha, Align va, double degrees) {
    Font font = font(fontPx, bold);
    FontMetrics metrics = g.getFontMetrics(font);
    double w = metrics.getStringBounds(text, g).getWidth();
    double dx = switch (ha) {
      case START -> 0;
      case CENTER -> -w / 2;
      case END -> -w;
    };
    double ascent = metrics.getAscent() * 0.75; // cap height: matplotlib anchors on the ink box
    double dy = switch (va) {
      case START -> ascent;
      case CENTER -> ascent / 2;
      case END -> 0;
    };
    AffineTransform saved = g.getTransform();
    g.translate(x, y);
    g.rotate(-Math.toRadians(degrees));
    g.setFont(font);
    g.setColor(color);
    g.drawString(text, (float) dx, (float) dy);
    g.setTransform(saved);
  }

  @Override
  public void image(BufferedImage image, double x, double y, double w, double h, boolean smooth) {
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, smooth
        ? RenderingHints.VALUE_INTERPOLATION_BILINEAR
        : RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    AffineTransform at =
        new AffineTransform(w / image.getWidth(), 0, 0, h / image.getHeight(), x, y);
    g.drawImage(image, at, null);
  }

  @Override
  public void clip(Rectangle2D clip) {
    g.setClip(clip);
    if (pixels != null) {
      pixels.clip(clip);
    }
  }

  private void fillAndStroke(Shape shape, Color fill, Color edge, double edgeWidth) {
    if (!invisible(fill)) {
      g.setColor(fill);
      g.fill(shape);
    }
    if (!invisible(edge) && edgeWidth > 0) {
      g.setColor(edge);
      g.setStroke(new BasicStroke((float) edgeWidth));
      g.draw(shape);
    }
  }

  private static boolean invisible(Color c) {
    return c == null || c.getAlpha() == 0;
  }

  private static Graphics2D scratch() {
    Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS,
        RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    return g;
  }
}
