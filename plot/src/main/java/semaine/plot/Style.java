package semaine.plot;

/**
 * matplotlib's default style (its {@code rcParams}), in points: font sizes, line widths, tick
 * lengths, paddings. One place so every artist and the axes agree.
 */
final class Style {

  static final double FONT = 10;            // font.size
  static final double TITLE_FONT = 12;      // axes.titlesize "large"
  static final double AXES_LINEWIDTH = 0.8; // axes.linewidth
  static final double TICK_LENGTH = 3.5;    // xtick.major.size
  static final double TICK_WIDTH = 0.8;     // xtick.major.width
  static final double TICK_PAD = 3.5;       // xtick.major.pad
  static final double LABEL_PAD = 4;        // axes.labelpad
  static final double TITLE_PAD = 6;        // axes.titlepad
  static final double LINEWIDTH = 1.5;      // lines.linewidth
  static final double MARKERSIZE = 6;       // lines.markersize
  static final double MARGIN = 0.05;        // axes.xmargin, axes.ymargin
  static final double GRID_WIDTH = 0.8;     // grid.linewidth, colour #b0b0b0

  private Style() {}

  /** Checks a fraction such as alpha: in [0, 1]. */
  static double checkUnit(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " (" + value + ") must be in [0, 1]");
    }
    return value;
  }

  /**
   * The dash pattern of a matplotlib line style, in pixels for a line {@code widthPx} wide:
   * {@code "-"} solid (null), {@code "--"} dashed, {@code ":"} dotted, {@code "-."} dash-dot, as
   * matplotlib's {@code lines.*_pattern} scaled by the line width.
   */
  static float[] dashes(String style, double widthPx) {
    double[] pattern = switch (style) {
      case "-", "solid" -> null;
      case "--", "dashed" -> new double[] {3.7, 1.6};
      case ":", "dotted" -> new double[] {1, 1.65};
      case "-.", "dashdot" -> new double[] {6.4, 1.6, 1, 1.6};
      default -> throw new IllegalArgumentException("linestyle (\"" + style
          + "\") is not a line style: use \"-\", \"--\", \":\" or \"-.\"");
    };
    if (pattern == null) {
      return null;
    }
    float[] dash = new float[pattern.length];
    for (int i = 0; i < pattern.length; i++) {
      dash[i] = (float) (pattern[i] * widthPx);
    }
    return dash;
  }
}
