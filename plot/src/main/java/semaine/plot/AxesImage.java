package semaine.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Locale;
import semaine.plot.Canvas.Align;
import semaine.util.Checks;

/**
 * A matrix shown as an image, {@code ax.imshow(Z)}: cell (i, j) is the unit square centred on
 * (j, i), row 0 at the top ({@code origin="upper"}), coloured through a colormap normalised over
 * Z's range (NaN cells are left blank). {@link #values(boolean)} writes each cell's number on it,
 * for heatmaps such as a confusion matrix.
 */
public final class AxesImage implements Artist {

  private final double[][] Z;
  private Colormap cmap = Colormap.get("viridis");
  private double vmin = Double.NaN;
  private double vmax = Double.NaN;
  private boolean values;

  AxesImage(double[][] Z) {
    if (Z == null || Z.length == 0 || Z[0] == null || Z[0].length == 0) {
      throw new IllegalArgumentException("Z must have at least one row and one column");
    }
    for (int i = 0; i < Z.length; i++) {
      if (Z[i] == null || Z[i].length != Z[0].length) {
        throw new IllegalArgumentException("Z is ragged: row " + i + " has "
            + (Z[i] == null ? 0 : Z[i].length) + " values but row 0 has " + Z[0].length);
      }
    }
    this.Z = java.util.Arrays.stream(Z).map(double[]::clone).toArray(double[][]::new);
  }

  /** The colormap (default {@code viridis}). */
  public AxesImage cmap(String name) {
    this.cmap = Colormap.get(name);
    return this;
  }

  /** The values mapped to the ends of the colormap (default Z's min and max). */
  public AxesImage clim(double vmin, double vmax) {
    this.vmin = Checks.checkFinite("vmin", vmin);
    this.vmax = Checks.checkFinite("vmax", vmax);
    return this;
  }

  /** Whether to write each cell's value on it (white on dark cells, black on light ones). */
  public AxesImage values(boolean on) {
    this.values = on;
    return this;
  }

  @Override
  public Bounds bounds() {
    double right = Z[0].length - 0.5;
    double bottom = Z.length - 0.5;
    return new Bounds(-0.5, right, -0.5, bottom, new double[] {-0.5, right},
        new double[] {-0.5, bottom});
  }

  @Override
  public int zorder() {
    return 0;
  }

  @Override
  public void draw(Canvas canvas, Transform t) {
    double[] range = range();
    int rows = Z.length;
    int cols = Z[0].length;
    BufferedImage image = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_ARGB);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        image.setRGB(j, i, cmap.at(Z[i][j], range[0], range[1]).getRGB());
      }
    }
    double x0 = t.x(-0.5);
    double x1 = t.x(cols - 0.5);
    double y0 = t.y(-0.5);
    double y1 = t.y(rows - 0.5);
    // the image's row 0 goes where data row 0 is: the top unless the y axis was flipped back
    BufferedImage oriented = y0 <= y1 ? image : flip(image);
    canvas.image(oriented, Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0),
        Math.abs(y1 - y0), false);
    if (values) {
      boolean integers = java.util.Arrays.stream(Z).flatMapToDouble(java.util.Arrays::stream)
          .allMatch(z -> z == Math.rint(z) && Math.abs(z) < 1e15);
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          Color cell = cmap.at(Z[i][j], range[0], range[1]);
          double luma = 0.299 * cell.getRed() + 0.587 * cell.getGreen() + 0.114 * cell.getBlue();
          String text = integers ? String.valueOf((long) Z[i][j])
              : String.format(Locale.ROOT, "%.2f", Z[i][j]);
          canvas.text(text, t.x(j), t.y(i), t.pt(Style.FONT), false,
              luma < 128 ? Color.WHITE : Color.BLACK, Align.CENTER, Align.CENTER, 0);
        }
      }
    }
  }

  private double[] range() {
    double[] finite = ContourSet.finiteRange(Z);
    return new double[] {Double.isNaN(vmin) ? finite[0] : vmin,
        Double.isNaN(vmax) ? finite[1] : vmax};
  }

  private static BufferedImage flip(BufferedImage image) {
    BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), image.getType());
    for (int i = 0; i < image.getHeight(); i++) {
      for (int j = 0; j < image.getWidth(); j++) {
        out.setRGB(j, image.getHeight() - 1 - i, image.getRGB(j, i));
      }
    }
    return out;
  }
}
