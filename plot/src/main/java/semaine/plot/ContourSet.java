package semaine.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import semaine.util.Checks;

/**
 * Contours of a function sampled on a grid, {@code Z[i][j] = f(xs[j], ys[i])} as
 * {@code np.meshgrid} lays it out: lines at levels ({@code ax.contour}), found by
 * {@link MarchingSquares}, or filled bands between levels ({@code ax.contourf}), drawn by
 * interpolating Z bilinearly at each pixel so band edges agree with the lines.
 *
 * <p>Levels and colours as matplotlib: an integer {@code n} asks {@code MaxNLocator(n + 1)} for
 * round levels over Z's range; a line takes the colormap at its level and a band at its midpoint,
 * both normalised over the first and last level.
 */
public final class ContourSet implements Artist {

  private final double[] xs;
  private final double[] ys;
  private final double[][] Z;
  private final double[] levels;
  private final boolean filled;
  private Colormap cmap = Colormap.get("viridis");
  private Color color;
  private double linewidth = Style.LINEWIDTH;
  private double alpha = 1;

  private ContourSet(double[] xs, double[] ys, double[][] Z, double[] levels, boolean filled) {
    checkGrid(xs, ys, Z);
    this.xs = xs.clone();
    this.ys = ys.clone();
    this.Z = Arrays.stream(Z).map(double[]::clone).toArray(double[][]::new);
    for (int k = 1; k < levels.length; k++) {
      if (!(levels[k] > levels[k - 1])) {
        throw new IllegalArgumentException("levels (" + Arrays.toString(levels)
            + ") must be increasing");
      }
    }
    if (filled && levels.length < 2) {
      throw new IllegalArgumentException("levels (" + Arrays.toString(levels)
          + ") must have at least 2 values for filled contours");
    }
    this.levels = levels.clone();
    this.filled = filled;
  }

  static ContourSet lines(double[] xs, double[] ys, double[][] Z, double[] levels) {
    return new ContourSet(xs, ys, Z, levels, false);
  }

  static ContourSet filled(double[] xs, double[] ys, double[][] Z, double[] levels) {
    return new ContourSet(xs, ys, Z, levels, true);
  }

  /** The smallest and largest finite values of Z, {+∞, −∞} when it has none. */
  static double[] finiteRange(double[][] Z) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] row : Z) {
      for (double z : row) {
        if (Double.isFinite(z)) {
          lo = Math.min(lo, z);
          hi = Math.max(hi, z);
        }
      }
    }
    return new double[] {lo, hi};
  }

  /** matplotlib's automatic levels: MaxNLocator(n + 1) over [min Z, max Z], trimmed. */
  static double[] autoLevels(double[][] Z, int n, boolean filled) {
    Checks.checkPositive("levels", n);
    double[] range = finiteRange(Z);
    double lo = range[0];
    double hi = range[1];
    if (!(hi > lo)) {
      throw new IllegalArgumentException("Z has no range (" + lo + " to " + hi
          + "): contours need at least two different finite values");
    }
    double[] lev = Ticks.raw(lo, hi, n + 1);
    int i0 = 0;
    int i1 = lev.length;
    for (int k = 0; k < lev.length; k++) {
      if (lev[k] < lo) {
        i0 = k;
      }
    }
    for (int k = lev.length - 1; k >= 0; k--) {
      if (lev[k] > hi) {
        i1 = k + 1;
      }
    }
    return i1 - i0 < 3 ? lev : Arrays.copyOfRange(lev, i0, i1);
  }

  /** The levels, increasing. */
  public double[] levels() {
    return levels.clone();
  }

  /** The colormap (default {@code viridis}). */
  public ContourSet cmap(String name) {
    this.cmap = Colormap.get(name);
    this.color = null;
    return this;
  }

  /** One colour for every line or band instead of the colormap. */
  public ContourSet color(String color) {
    this.color = Colors.parse(color);
    return this;
  }

  /** Line width in points for contour lines (default 1.5). */
  public ContourSet linewidth(double points) {
    this.linewidth = Checks.checkNonNegative("linewidth", points);
    return this;
  }

  /** Opacity in [0, 1]. */
  public ContourSet alpha(double alpha) {
    this.alpha = Style.checkUnit("alpha", alpha);
    return this;
  }

  @Override
  public Bounds bounds() {
    double[] sx = {xs[0], xs[xs.length - 1]};
    double[] sy = {ys[0], ys[ys.length - 1]};
    return new Bounds(Math.min(sx[0], sx[1]), Math.max(sx[0], sx[1]), Math.min(sy[0], sy[1]),
        Math.max(sy[0], sy[1]), sx, sy);
  }

  @Override
  public int zorder() {
    return filled ? 0 : 2;
  }

  @Override
  public void draw(Canvas canvas, Transform t) {
    if (filled) {
      drawFilled(canvas, t);
      return;
    }
    for (int k = 0; k < levels.length; k++) {
      double[] seg = MarchingSquares.segments(xs, ys, Z, levels[k]);
      int n = seg.length / 2;
      double[] px = new double[n];
      double[] py = new double[n];
      for (int p = 0; p < n; p++) {
        px[p] = t.x(seg[2 * p]);
        py[p] = t.y(seg[2 * p + 1]);
      }
      double u = levels.length == 1 ? 0 : (levels[k] - levels[0])
          / (levels[levels.length - 1] - levels[0]);
      canvas.segments(px, py, n, Colors.withAlpha(color != null ? color : cmap.at(u), alpha),
          t.pt(linewidth));
    }
  }

  private void drawFilled(Canvas canvas, Transform t) {
    double left = Math.min(t.x(xs[0]), t.x(xs[xs.length - 1]));
    double right = Math.max(t.x(xs[0]), t.x(xs[xs.length - 1]));
    double top = Math.min(t.y(ys[0]), t.y(ys[ys.length - 1]));
    double bottom = Math.max(t.y(ys[0]), t.y(ys[ys.length - 1]));
    int w = Math.max(1, (int) Math.ceil(right - left));
    int h = Math.max(1, (int) Math.ceil(bottom - top));
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    int bands = levels.length - 1;
    int[] argb = new int[bands];
    for (int b = 0; b < bands; b++) {
      double mid = (levels[b] + levels[b + 1]) / 2;
      double u = (mid - levels[0]) / (levels[bands] - levels[0]);
      argb[b] = Colors.withAlpha(color != null ? color : cmap.at(u), alpha).getRGB();
    }
    for (int r = 0; r < h; r++) {
      double y = t.dataY(top + r + 0.5);
      for (int c = 0; c < w; c++) {
        double z = interpolate(t.dataX(left + c + 0.5), y);
        // matplotlib fills (l0, l1] for the first band too, including its lower bound
        if (Double.isNaN(z) || z < levels[0] || z > levels[bands]) {
          continue;
        }
        int b = Arrays.binarySearch(levels, z);
        b = b >= 0 ? Math.max(0, b - 1) : -b - 2;
        image.setRGB(c, r, argb[Math.clamp(b, 0, bands - 1)]);
      }
    }
    canvas.image(image, left, top, w, h, false);
  }

  /** Z bilinearly interpolated at (x, y), NaN outside the grid. */
  private double interpolate(double x, double y) {
    int j = cell(xs, x);
    int i = cell(ys, y);
    if (j < 0 || i < 0) {
      return Double.NaN;
    }
    double fx = (x - xs[j]) / (xs[j + 1] - xs[j]);
    double fy = (y - ys[i]) / (ys[i + 1] - ys[i]);
    return (1 - fy) * ((1 - fx) * Z[i][j] + fx * Z[i][j + 1])
        + fy * ((1 - fx) * Z[i + 1][j] + fx * Z[i + 1][j + 1]);
  }

  /** The index k with grid[k] <= v <= grid[k + 1] (grid increasing), or -1 outside. */
  private static int cell(double[] grid, double v) {
    if (v < grid[0] || v > grid[grid.length - 1]) {
      return -1;
    }
    int k = Arrays.binarySearch(grid, v);
    k = k >= 0 ? k : -k - 2;
    return Math.min(k, grid.length - 2);
  }

  /** Checks a grid: increasing coordinates, Z of ys.length rows of xs.length values. */
  static void checkGrid(double[] xs, double[] ys, double[][] Z) {
    Checks.checkVector("xs", xs);
    Checks.checkVector("ys", ys);
    if (xs.length < 2 || ys.length < 2) {
      throw new IllegalArgumentException("xs (" + xs.length + " values) and ys (" + ys.length
          + " values) must each have at least 2 values");
    }
    for (double[] g : new double[][] {xs, ys}) {
      for (int k = 1; k < g.length; k++) {
        if (!(g[k] > g[k - 1])) {
          throw new IllegalArgumentException((g == xs ? "xs" : "ys") + " must be increasing, but "
              + "value " + k + " (" + g[k] + ") <= value " + (k - 1) + " (" + g[k - 1] + ")");
        }
      }
    }
    if (Z == null || Z.length != ys.length) {
      throw new IllegalArgumentException("Z has " + (Z == null ? 0 : Z.length) + " rows but ys has "
          + ys.length + " values (Z[i][j] is f(xs[j], ys[i]))");
    }
    for (int i = 0; i < Z.length; i++) {
      if (Z[i] == null || Z[i].length != xs.length) {
        throw new IllegalArgumentException("Z row " + i + " has "
            + (Z[i] == null ? 0 : Z[i].length) + " values but xs has " + xs.length);
      }
    }
  }
}
