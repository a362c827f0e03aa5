package semaine.plot;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * {@link Canvas} writing SVG 1.1 elements: {@code <path>} for lines, polygons and non-round
 * markers, {@code <circle>} for round markers, {@code <rect>}, {@code <text>}, and embedded PNG
 * {@code <image>}s for rasters (imshow, contourf, decision regions).
 */
final class SvgCanvas implements Canvas {

  private final StringBuilder svg = new StringBuilder();
  private final int width;
  private final int height;
  private int clips;
  private boolean clipOpen;

  SvgCanvas(int width, int height) {
    this.width = width;
    this.height = height;
  }

  /** The finished document. */
  String document() {
    clip(null);
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
        + "version=\"1.1\" width=\"" + width + "\" height=\"" + height + "\" viewBox=\"0 0 "
        + width + " " + height + "\" font-family=\"" + GraphicsCanvas.FAMILY + ", sans-serif\">\n"
        + svg + "</svg>\n";
  }

  @Override
  public void polyline(double[] xs, double[] ys, int n, Color color, double width, float[] dash) {
    if (n < 2 || invisible(color)) {
      return;
    }
    svg.append("<path d=\"");
    path(xs, ys, n);
    svg.append("\" fill=\"none\"");
    stroke(color, width);
    if (dash != null) {
      svg.append(" stroke-dasharray=\"");
      for (int i = 0; i < dash.length; i++) {
        svg.append(i == 0 ? "" : ",").append(num(dash[i]));
      }
      svg.append('"');
    }
    svg.append(" stroke-linejoin=\"round\"/>\n");
  }

  @Override
  public void segments(double[] xs, double[] ys, int n, Color color, double width) {
    if (n < 2 || invisible(color)) {
      return;
    }
    svg.append("<path d=\"");
    for (int i = 0; i + 1 < n; i += 2) {
      svg.append('M').append(num(xs[i])).append(' ').append(num(ys[i])).append('L')
          .append(num(xs[i + 1])).append(' ').append(num(ys[i + 1]));
    }
    svg.append("\" fill=\"none\"");
    stroke(color, width);
    svg.append(" stroke-linecap=\"round\"/>\n");
  }

  @Override
  public void polygon(double[] xs, double[] ys, int n, Color fill, Color edge, double edgeWidth) {
    svg.append("<path d=\"");
    path(xs, ys, n);
    svg.append("Z\"");
    fill(fill);
    stroke(edge, edgeWidth);
    svg.append("/>\n");
  }

  @Override
  public void rect(double x, double y, double w, double h, Color fill, Color edge,
      double edgeWidth) {
    svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y))
        .append("\" width=\"").append(num(w)).append("\" height=\"").append(num(h)).append('"');
    fill(fill);
    stroke(edge, edgeWidth);
    svg.append("/>\n");
  }

  @Override
  public void markers(Marker marker, double[] xs, double[] ys, int n, double[] sizes,
      Color[] fills, Color edge, double edgeWidth) {
    for (int i = 0; i < n; i++) {
      Color fill = fills[fills.length == 1 ? 0 : i];
      double size = sizes[sizes.length == 1 ? 0 : i];
      switch (marker) {
        case NONE -> { }
        case CIRCLE, POINT -> {
          svg.append("<circle cx=\"").append(num(xs[i])).append("\" cy=\"").append(num(ys[i]))
              .append("\" r=\"").append(num(size / 2)).append('"');
          fill(fill);
          stroke(edge, edgeWidth);
          svg.append("/>\n");
        }
        default -> {
          java.awt.geom.PathIterator it = marker.shape(xs[i], ys[i], size).getPathIterator(null);
          svg.append("<path d=\"");
          double[] c = new double[6];
          for (; !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
              case java.awt.geom.PathIterator.SEG_MOVETO ->
                  svg.append('M').append(num(c[0])).append(' ').append(num(c[1]));
              case java.awt.geom.PathIterator.SEG_LINETO ->
                  svg.append('L').append(num(c[0])).append(' ').append(num(c[1]));
              case java.awt.geom.PathIterator.SEG_CLOSE -> svg.append('Z');
              default -> { }
            }
          }
          svg.append('"');
          if (marker.stroked()) {
            svg.append(" fill=\"none\"");
            stroke(fill, Math.max(edgeWidth, 1));
          } else {
            fill(fill);
            stroke(edge, edgeWidth);
          }
          svg.append("/>\n");
        }
      }
    }
  }

  @Override
  public void text(String text, double x, double y, double fontPx, boolean bold, Color color,
      Align ha, Align va, double degrees) {
    svg.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append('"')
        .append(" font-size=\"").append(num(fontPx)).append('"');
    if (bold) {
      svg.append(" font-weight=\"bold\"");
    }
    svg.append(" text-anchor=\"").append(switch (ha) {
      case START -> "start";
      case CENTER -> "middle";
      case END -> "end";
    }).append("\" dominant-baseline=\"").append(switch (va) {
      case START -> "hanging";
      case CENTER -> "central";
      case END -> "alphabetic";
    }).append('"');
    if (degrees != 0) {
      svg.append(" transform=\"rotate(").append(num(-degrees)).append(' ').append(num(x))
          .append(' ').append(num(y)).append(")\"");
    }
    fill(color);
    svg.append('>').append(escape(text)).append("</text>\n");
  }

  @Override
  public void image(BufferedImage image, double x, double y, double w, double h, boolean smooth) {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    svg.append("<image x=\"").append(num(x)).append("\" y=\"").append(num(y))
        .append("\" width=\"").append(num(w)).append("\" height=\"").append(num(h))
        .append("\" preserveAspectRatio=\"none\"")
        .append(smooth ? "" : " style=\"image-rendering:pixelated\"")
        .append(" xlink:href=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(png.toByteArray())).append("\"/>\n");
  }

  @Override
  public void clip(Rectangle2D clip) {
    if (clipOpen) {
      svg.append("</g>\n");
      clipOpen = false;
    }
    if (clip != null) {
      String id = "clip" + (++clips);
      svg.append("<clipPath id=\"").append(id).append("\"><rect x=\"").append(num(clip.getX()))
          .append("\" y=\"").append(num(clip.getY())).append("\" width=\"")
          .append(num(clip.getWidth())).append("\" height=\"").append(num(clip.getHeight()))
          .append("\"/></clipPath>\n<g clip-path=\"url(#").append(id).append(")\">\n");
      clipOpen = true;
    }
  }

  private void path(double[] xs, double[] ys, int n) {
    for (int i = 0; i < n; i++) {
      svg.append(i == 0 ? 'M' : 'L').append(num(xs[i])).append(' ').append(num(ys[i]));
    }
  }

  private void fill(Color color) {
    if (invisible(color)) {
      svg.append(" fill=\"none\"");
      return;
    }
    svg.append(" fill=\"").append(Colors.hex(color)).append('"');
    if (color.getAlpha() < 255) {
      svg.append(" fill-opacity=\"").append(num(color.getAlpha() / 255.0)).append('"');
    }
  }

  private void stroke(Color color, double width) {
    if (invisible(color) || width <= 0) {
      return;
    }
    svg.append(" stroke=\"").append(Colors.hex(color)).append("\" stroke-width=\"")
        .append(num(width)).append('"');
    if (color.getAlpha() < 255) {
      svg.append(" stroke-opacity=\"").append(num(color.getAlpha() / 255.0)).append('"');
    }
  }

  private static boolean invisible(Color c) {
    return c == null || c.getAlpha() == 0;
  }

  private static String num(double v) {
    String s = String.format(Locale.ROOT, "%.2f", v);
    s = s.indexOf('.') >= 0 ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    return s.equals("-0") ? "0" : s;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
