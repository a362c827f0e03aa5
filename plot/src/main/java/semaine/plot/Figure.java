package semaine.plot;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import semaine.plot.Canvas.Align;
import semaine.util.AtomicFiles;
import semaine.util.Checks;

/**
 * A figure: a white canvas of a given size holding one or more {@link Axes}, as matplotlib's
 * {@code Figure}. Sizes are pixels at 100 dpi ({@link #create}) or inches at a dpi
 * ({@link #inches}); matplotlib's default is 6.4 x 4.8 inches at 100 dpi, 640 x 480 pixels. Axes
 * are placed as matplotlib's default subplot parameters place them (left 0.125, right 0.9,
 * bottom 0.11, top 0.88, 0.2 spacing).
 */
public final class Figure {

  private static final double LEFT = 0.125;
  private static final double RIGHT = 0.9;
  private static final double BOTTOM = 0.11;
  private static final double TOP = 0.88;
  private static final double SPACE = 0.2;

  private final int width;
  private final int height;
  private final double dpi;
  private final List<Axes> axes = new ArrayList<>();
  private String suptitle = "";

  private Figure(int width, int height, double dpi) {
    this.width = Checks.checkPositive("width", width);
    this.height = Checks.checkPositive("height", height);
    this.dpi = Checks.checkPositive("dpi", dpi);
  }

  /** A figure of {@code width} x {@code height} pixels at 100 dpi. */
  public static Figure create(int width, int height) {
    return new Figure(width, height, 100);
  }

  /** matplotlib's default figure: 6.4 x 4.8 inches at 100 dpi. */
  public static Figure create() {
    return create(640, 480);
  }

  /** A figure of {@code width} x {@code height} inches at {@code dpi} (fonts scale with dpi). */
  public static Figure inches(double width, double height, double dpi) {
    Checks.checkPositive("width", width);
    Checks.checkPositive("height", height);
    Checks.checkPositive("dpi", dpi);
    return new Figure((int) Math.round(width * dpi), (int) Math.round(height * dpi), dpi);
  }

  /** The current axes, as {@code plt.gca()}: the first one, created on first use. */
  public Axes axes() {
    if (axes.isEmpty()) {
      subplots(1, 1);
    }
    return axes.getFirst();
  }

  /**
   * A {@code rows} x {@code cols} grid of axes, replacing any previous ones, as
   * {@code fig.subplots(rows, cols)}; {@code grid[r][c]}, row 0 at the top.
   */
  public Axes[][] subplots(int rows, int cols) {
    Checks.checkPositive("rows", rows);
    Checks.checkPositive("cols", cols);
    axes.clear();
    double cellW = (RIGHT - LEFT) / (cols + SPACE * (cols - 1));
    double cellH = (TOP - BOTTOM) / (rows + SPACE * (rows - 1));
    Axes[][] grid = new Axes[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double left = LEFT + c * cellW * (1 + SPACE);
        double top = (1 - TOP) + r * cellH * (1 + SPACE);
        grid[r][c] = new Axes(new Rectangle2D.Double(left * width, top * height, cellW * width,
            cellH * height), dpi / 72.0);
        axes.add(grid[r][c]);
      }
    }
    return grid;
  }

  /** A title above all axes, as {@code fig.suptitle}. */
  public Figure suptitle(String title) {
    this.suptitle = title == null ? "" : title;
    return this;
  }

  /** Width in pixels. */
  public int width() {
    return width;
  }

  /** Height in pixels. */
  public int height() {
    return height;
  }

  /** Dots per inch: how many pixels a 72-point inch spans. */
  public double dpi() {
    return dpi;
  }

  /** Every axes of this figure, in the order created. */
  public List<Axes> allAxes() {
    return List.copyOf(axes);
  }

  /** The figure rendered to an RGB image. */
  public BufferedImage toImage() {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      render(new GraphicsCanvas(g, image));
    } finally {
      g.dispose();
    }
    return image;
  }

  /** The figure as an SVG document. */
  public String toSvg() {
    SvgCanvas canvas = new SvgCanvas(width, height);
    render(canvas);
    return canvas.document();
  }

  /**
   * Writes the figure as PNG or SVG, chosen by the file's extension ({@code .png}, {@code .svg}),
   * creating missing parent directories. The file is written atomically ({@link AtomicFiles}): a
   * file already there is replaced whole or not at all, and a directory, FIFO or device is refused.
   *
   * @return {@code path}
   * @throws IllegalArgumentException for any other extension, naming it
   */
  public Path savefig(Path path) {
    String name = path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (!ext.equals("png") && !ext.equals("svg")) {
      throw new IllegalArgumentException("path (" + path + ") has extension \"" + ext
          + "\": savefig writes .png or .svg");
    }
    try {
      if (ext.equals("png")) {
        BufferedImage image = toImage();
        RgbPixels pixels = RgbPixels.of(image);
        AtomicFiles.write(path, true, out -> Png.write(pixels.data, width, height, out));
      } else {
        String svg = toSvg();
        AtomicFiles.write(path, true, out -> out.write(svg.getBytes(StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write figure to " + path, e);
    }
    return path;
  }

  /** {@link #savefig(Path)} for a path string. */
  public Path savefig(String path) {
    return savefig(Path.of(path));
  }

  /**
   * Shows the figure in a window when a display exists; otherwise (headless) saves it as a PNG in
   * the temporary directory and prints that path on stderr.
   *
   * @return the file written when headless, or null when a window opened
   */
  public Path show() {
    if (!GraphicsEnvironment.isHeadless()) {
      try {
        Window.open(toImage());
        return null;
      } catch (java.awt.HeadlessException e) {
        // a display was announced but cannot be used: fall through to a file
      }
    }
    try {
      Path file = savefig(Files.createTempFile("semaine-figure-", ".png"));
      System.err.println("no display: figure saved to " + file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Draws the background, every axes and the suptitle. */
  void render(Canvas canvas) {
    canvas.rect(0, 0, width, height, Color.WHITE, null, 0);
    for (Axes a : axes) {
      AxesFrame.draw(canvas, a);
    }
    if (!suptitle.isEmpty()) {
      double px = dpi / 72.0;
      canvas.text(suptitle, width / 2.0, 0.02 * height, Style.TITLE_FONT * px, false,
          Color.BLACK, Align.CENTER, Align.START, 0);
    }
  }
}
