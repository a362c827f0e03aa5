package semaine.rl;

import java.util.Arrays;
import semaine.random.RandomState;
import semaine.util.Checks;

/**
 * A box {@code low[i] <= x[i] <= high[i]} in R^n, as Gymnasium's {@code spaces.Box} with dtype
 * float32 (the bounds are rounded to float, like Gymnasium's).
 *
 * <p>{@link #sample} follows Gymnasium's law per coordinate: uniform on [low, high] when both bounds
 * are finite, low + exponential(1) when only low is, high − exponential(1) when only high is, and a
 * standard normal when neither is.
 */
public record Box(double[] low, double[] high) implements Space<double[]> {

  public Box {
    Checks.checkPaired("low", low, "high", high);
    low = toFloat(low);
    high = toFloat(high);
    for (int i = 0; i < low.length; i++) {
      if (!(low[i] <= high[i])) {
        throw new IllegalArgumentException("low[" + i + "] (" + low[i] + ") must be <= high[" + i
            + "] (" + high[i] + ")");
      }
    }
  }

  /** The box [low, high]^n. */
  public static Box of(double low, double high, int n) {
    double[] lo = new double[Checks.checkPositive("n", n)];
    double[] hi = new double[n];
    Arrays.fill(lo, low);
    Arrays.fill(hi, high);
    return new Box(lo, hi);
  }

  /** The number of coordinates. */
  public int dimension() {
    return low.length;
  }

  @Override
  public double[] low() {
    return low.clone();
  }

  @Override
  public double[] high() {
    return high.clone();
  }

  @Override
  public boolean contains(double[] x) {
    if (x == null || x.length != low.length) {
      return false;
    }
    for (int i = 0; i < x.length; i++) {
      if (!(x[i] >= low[i] && x[i] <= high[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public double[] sample(RandomState random) {
    double[] x = new double[low.length];
    for (int i = 0; i < x.length; i++) {
      boolean lowFinite = Double.isFinite(low[i]);
      boolean highFinite = Double.isFinite(high[i]);
      if (lowFinite && highFinite) {
        x[i] = random.uniform(low[i], high[i]);
      } else if (lowFinite) {
        x[i] = low[i] - Math.log1p(-random.randomSample());
      } else if (highFinite) {
        x[i] = high[i] + Math.log1p(-random.randomSample());
      } else {
        x[i] = random.standardNormal();
      }
      x[i] = (float) x[i];
    }
    return x;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Box b && Arrays.equals(low, b.low) && Arrays.equals(high, b.high);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
  }

  @Override
  public String toString() {
    return "Box(" + Arrays.toString(low) + ", " + Arrays.toString(high) + ")";
  }

  private static double[] toFloat(double[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }
}
