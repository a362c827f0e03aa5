package semaine.plot;

/**
 * Marching squares: the segments where a bilinear-interpolated grid {@code Z[i][j]} (value at
 * (xs[j], ys[i])) crosses a level. Each cell's corners above/below the level give one of 16 cases;
 * crossings on its edges are placed by linear interpolation, and the two saddle cases are resolved
 * by the cell's centre value (the mean of its corners).
 */
final class MarchingSquares {

  private MarchingSquares() {}

  /** The level's segments as flat data coordinates {x0, y0, x1, y1, x0, y0, ...}. */
  static double[] segments(double[] xs, double[] ys, double[][] Z, double level) {
    DoubleList out = new DoubleList();
    for (int i = 0; i + 1 < ys.length; i++) {
      for (int j = 0; j + 1 < xs.length; j++) {
        double z00 = Z[i][j];       // (xs[j], ys[i])
        double z01 = Z[i][j + 1];   // (xs[j+1], ys[i])
        double z11 = Z[i + 1][j + 1];
        double z10 = Z[i + 1][j];
        if (Double.isNaN(z00) || Double.isNaN(z01) || Double.isNaN(z11) || Double.isNaN(z10)) {
          continue; // matplotlib leaves masked cells empty
        }
        int code = (z00 > level ? 1 : 0) | (z01 > level ? 2 : 0) | (z11 > level ? 4 : 0)
            | (z10 > level ? 8 : 0);
        if (code == 0 || code == 15) {
          continue;
        }
        // crossings on the edges: bottom (00-01), right (01-11), top (10-11), left (00-10)
        double x0 = xs[j];
        double x1 = xs[j + 1];
        double y0 = ys[i];
        double y1 = ys[i + 1];
        double[] bottom = {lerp(x0, x1, z00, z01, level), y0};
        double[] right = {x1, lerp(y0, y1, z01, z11, level)};
        double[] top = {lerp(x0, x1, z10, z11, level), y1};
        double[] left = {x0, lerp(y0, y1, z00, z10, level)};
        boolean centreAbove = (z00 + z01 + z11 + z10) / 4 > level;
        switch (code) {
          case 1, 14 -> out.segment(left, bottom);
          case 2, 13 -> out.segment(bottom, right);
          case 3, 12 -> out.segment(left, right);
          case 4, 11 -> out.segment(right, top);
          case 6, 9 -> out.segment(bottom, top);
          case 7, 8 -> out.segment(left, top);
          case 5 -> {
            if (centreAbove) {
              out.segment(left, top);
              out.segment(bottom, right);
            } else {
              out.segment(left, bottom);
              out.segment(right, top);
            }
          }
          case 10 -> {
            if (centreAbove) {
              out.segment(left, bottom);
              out.segment(right, top);
            } else {
              out.segment(left, top);
              out.segment(bottom, right);
            }
          }
          default -> throw new AssertionError(code);
        }
      }
    }
    return out.toArray();
  }

  private static double lerp(double a, double b, double za, double zb, double level) {
    return a + (level - za) / (zb - za) * (b - a);
  }

  /** A growable double array. */
  private static final class DoubleList {
    private double[] data = new double[64];
    private int size;

    void segment(double[] p, double[] q) {
      if (size + 4 > data.length) {
        data = java.util.Arrays.copyOf(data, data.length * 2);
      }
      data[size++] = p[0];
      data[size++] = p[1];
      data[size++] = q[0];
      data[size++] = q[1];
    }

    double[] toArray() {
      return java.util.Arrays.copyOf(data, size);
    }
  }
}
