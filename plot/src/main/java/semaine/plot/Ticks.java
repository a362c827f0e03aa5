package semaine.plot;

/**
 * Tick positions and labels as matplotlib's defaults choose them: {@code AutoLocator}
 * ({@code MaxNLocator(nbins="auto", steps=[1, 2, 2.5, 5, 10])}) and the labels of
 * {@code ScalarFormatter} (the same number of decimals on every tick, a true minus sign).
 * Offsets and scientific notation ("1e6" above the axis) are not reproduced: labels are written in
 * full.
 */
final class Ticks {

  private static final double[] STEPS = {0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20};
  private static final int MIN_N_TICKS = 2;

  private Ticks() {}

  /** The bin count "auto" gives an x axis {@code lengthPt} long: one per 3 label sizes. */
  static int nbinsX(double lengthPt, double labelPt) {
    return Math.clamp((int) Math.floor(lengthPt / (labelPt * 3)), 1, 9);
  }

  /** The bin count for a y axis: one per 2 label em. */
  static int nbinsY(double lengthPt, double labelPt) {
    return Math.clamp((int) Math.floor(lengthPt / (labelPt * 2)), 1, 9);
  }

  /**
   * The ticks {@code MaxNLocator(nbins)} puts in [vmin, vmax], as {@code _raw_ticks}: the smallest
   * "nice" step at least (vmax - vmin) / nbins, or a smaller one when it gives fewer than 2 ticks.
   */
  static double[] locate(double vmin, double vmax, int nbins) {
    if (!(vmax > vmin)) {
      return new double[] {vmin};
    }
    double slop = 1e-10 * (vmax - vmin);
    double[] raw = raw(vmin, vmax, nbins);
    int n = 0;
    for (double t : raw) {
      if (t >= vmin - slop && t <= vmax + slop) {
        raw[n++] = t;
      }
    }
    return java.util.Arrays.copyOf(raw, n);
  }

  /**
   * MaxNLocator's ticks before trimming to the view: they may extend one step past either end, as
   * contour levels use them.
   */
  static double[] raw(double vmin, double vmax, int nbins) {
    double dv = vmax - vmin;
    double meanv = (vmax + vmin) / 2;
    double offset = Math.abs(meanv) / dv < 100 ? 0
        : Math.copySign(Math.pow(10, Math.floor(Math.log10(Math.abs(meanv)))), meanv);
    double scale = Math.pow(10, Math.floor(Math.log10(dv / nbins)));
    double lo = vmin - offset;
    double hi = vmax - offset;
    double rawStep = (hi - lo) / nbins;
    int istep = STEPS.length - 1;
    for (int i = 0; i < STEPS.length; i++) {
      if (STEPS[i] * scale >= rawStep) {
        istep = i;
        break;
      }
    }
    double[] ticks = new double[0];
    for (int i = istep; i >= 0; i--) {
      double step = STEPS[i] * scale;
      double bestVmin = floorDiv(lo, step) * step;
      double tol = tolerance(step, offset);
      double low = le(lo - bestVmin, step, tol);
      double high = ge(hi - bestVmin, step, tol);
      int n = (int) (high - low) + 1;
      ticks = new double[n];
      int inView = 0;
      for (int k = 0; k < n; k++) {
        ticks[k] = (low + k) * step + bestVmin;
        if (ticks[k] <= hi && ticks[k] >= lo) {
          inView++;
        }
      }
      if (inView >= MIN_N_TICKS) {
        break;
      }
    }
    for (int k = 0; k < ticks.length; k++) {
      ticks[k] += offset;
    }
    return ticks;
  }

  /**
   * The labels of {@code ticks}: as many decimals as the most precise tick needs (so 0.0, 0.5,
   * 1.0), U+2212 for minus.
   */
  static String[] format(double[] ticks) {
    int decimals = 0;
    for (double t : ticks) {
      if (t != 0) {
        // the decimals of t rounded to 12 significant digits (exact binary value, half up)
        decimals = Math.max(decimals, Math.min(ExactDecimal.roundedScale(t, 12), 12));
      }
    }
    String[] labels = new String[ticks.length];
    for (int i = 0; i < ticks.length; i++) {
      String s = ExactDecimal.plain(ticks[i], decimals); // exact value, rounded half even
      if (negativeZero(s)) {
        s = s.substring(1);
      }
      labels[i] = s.replace('-', '\u2212');
    }
    return labels;
  }

  /** Whether s is "-0", "-0." or "-0.0...": a zero that must not show a minus. */
  private static boolean negativeZero(String s) {
    if (!s.startsWith("-0") || s.length() > 2 && s.charAt(2) != '.') {
      return false;
    }
    for (int i = 3; i < s.length(); i++) {
      if (s.charAt(i) != '0') {
        return false;
      }
    }
    return true;
  }

  private static double tolerance(double step, double offset) {
    if (offset == 0) {
      return 1e-10;
    }
    double digits = Math.log10(Math.abs(offset) / step);
    return Math.min(0.4999, Math.max(1e-10, Math.pow(10, digits - 12)));
  }

  /** Largest n with n * step <= x, allowing for rounding (matplotlib's _Edge_integer.le). */
  private static double le(double x, double step, double tol) {
    double d = floorDiv(x, step);
    double m = x - d * step;
    return Math.abs(m / step - 1) < tol ? d + 1 : d;
  }

  /** Smallest n with n * step >= x, allowing for rounding (matplotlib's _Edge_integer.ge). */
  private static double ge(double x, double step, double tol) {
    double d = floorDiv(x, step);
    double m = x - d * step;
    return Math.abs(m / step) < tol ? d : d + 1;
  }

  /** Python's float {@code x // step} (via fmod, as CPython computes it). */
  private static double floorDiv(double x, double step) {
    double mod = x % step;
    double div = (x - mod) / step;
    if (mod != 0 && (step < 0) != (mod < 0)) {
      div -= 1;
    }
    double floor = Math.floor(div);
    return div - floor > 0.5 ? floor + 1 : floor;
  }
}
