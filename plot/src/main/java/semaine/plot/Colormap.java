package semaine.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A matplotlib colormap: a 256-entry lookup table from [0, 1] to a colour, as matplotlib builds
 * it ({@code Colormap(N=256)}). The tables ({@code viridis}, {@code bwr}, {@code coolwarm},
 * {@code gray}, {@code Greys}, {@code RdBu}, {@code plasma}, and {@code tab10} for labels) were
 * written by matplotlib itself ({@code reference/colormaps.py}). A name ending in {@code _r} is the
 * reversed map.
 */
public final class Colormap {

  private final String name;
  private final Color[] lut;

  private Colormap(String name, Color[] lut) {
    this.name = name;
    this.lut = lut;
  }

  /**
   * The map called {@code name}.
   *
   * @throws IllegalArgumentException naming the value and listing the valid names
   */
  public static Colormap get(String name) {
    boolean reversed = name != null && name.endsWith("_r");
    String base = reversed ? name.substring(0, name.length() - 2) : name;
    List<Color> table = base == null ? null : ColorTables.get(base);
    if (table == null) {
      throw new IllegalArgumentException(
          "cmap (\"" + name + "\") is not a known colormap: use one of " + names()
              + " (or a name + \"_r\" for the reversed map)");
    }
    List<Color> colors = new ArrayList<>(table);
    if (reversed) {
      Collections.reverse(colors);
    }
    return new Colormap(name, colors.toArray(Color[]::new));
  }

  /** The names {@link #get} accepts (without the {@code _r} variants). */
  public static Set<String> names() {
    return ColorTables.all().keySet();
  }

  /** This map's name. */
  public String name() {
    return name;
  }

  /**
   * The colour at {@code t}: {@code t} in [0, 1] picks entry {@code floor(t * N)} clipped to
   * [0, N-1], as matplotlib does for a float; NaN gives transparent ("bad" colour).
   */
  public Color at(double t) {
    if (Double.isNaN(t)) {
      return Colors.NONE;
    }
    int i = (int) Math.floor(t * lut.length);
    return lut[Math.clamp(i, 0, lut.length - 1)];
  }

  /** The colour for {@code value} normalised linearly from [vmin, vmax] to [0, 1]. */
  public Color at(double value, double vmin, double vmax) {
    return at(vmax > vmin ? (value - vmin) / (vmax - vmin) : 0.0);
  }
}
