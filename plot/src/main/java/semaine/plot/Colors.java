package semaine.plot;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Colour names as matplotlib reads them: the tab10 cycle ({@code "C0"}..{@code "C9"},
 * {@code "tab:blue"}...), the one-letter base colours ({@code "r"}, {@code "k"}...), a few CSS
 * names, {@code "#rrggbb"} / {@code "#rrggbbaa"}, a grey level as a number string ({@code "0.8"}) and
 * {@code "none"} (transparent).
 */
public final class Colors {

  /** matplotlib's default property cycle, the tab10 palette (from {@code colormaps.txt}). */
  public static final List<Color> TAB10 = ColorTables.get("tab10");

  private static final String[] TAB_NAMES = {"blue", "orange", "green", "red", "purple", "brown",
      "pink", "gray", "olive", "cyan"};

  /** The transparent colour {@code "none"} parses to. */
  public static final Color NONE = new Color(0, 0, 0, 0);

  private static final Map<String, String> NAMED = new TreeMap<>(Map.ofEntries(
      // matplotlib's base colours: the one-letter names
      Map.entry("b", "#0000ff"), Map.entry("g", "#008000"), Map.entry("r", "#ff0000"),
      Map.entry("c", "#00bfbf"), Map.entry("m", "#bf00bf"), Map.entry("y", "#bfbf00"),
      Map.entry("k", "#000000"), Map.entry("w", "#ffffff"),
      // CSS4 names the book and the tour use
      Map.entry("black", "#000000"), Map.entry("white", "#ffffff"), Map.entry("red", "#ff0000"),
      Map.entry("green", "#008000"), Map.entry("blue", "#0000ff"), Map.entry("gray", "#808080"),
      Map.entry("grey", "#808080"), Map.entry("lightgray", "#d3d3d3"),
      Map.entry("lightgrey", "#d3d3d3"), Map.entry("darkgray", "#a9a9a9"),
      Map.entry("orange", "#ffa500"), Map.entry("purple", "#800080"), Map.entry("brown", "#a52a2a"),
      Map.entry("pink", "#ffc0cb"), Map.entry("yellow", "#ffff00"), Map.entry("cyan", "#00ffff"),
      Map.entry("magenta", "#ff00ff"), Map.entry("navy", "#000080"),
      Map.entry("darkblue", "#00008b"), Map.entry("darkred", "#8b0000"),
      Map.entry("darkgreen", "#006400"), Map.entry("gold", "#ffd700"),
      Map.entry("steelblue", "#4682b4"), Map.entry("crimson", "#dc143c")));

  private Colors() {}

  /** Colour {@code i} of the default cycle ({@code "C" + i}), wrapping after 10. */
  public static Color cycle(int i) {
    return TAB10.get(Math.floorMod(i, TAB10.size()));
  }

  /**
   * Parses a matplotlib colour string.
   *
   * @throws IllegalArgumentException naming the string and the accepted forms
   */
  public static Color parse(String name) {
    if (name == null) {
      throw new IllegalArgumentException("color must not be null");
    }
    String key = name.strip().toLowerCase(Locale.ROOT);
    if (key.equals("none")) {
      return NONE;
    }
    if (key.startsWith("#") && (key.length() == 7 || key.length() == 9)) {
      try {
        long v = Long.parseLong(key.substring(1), 16);
        return key.length() == 7 ? new Color((int) v)
            : new Color((int) (v >> 24) & 255, (int) (v >> 16) & 255, (int) (v >> 8) & 255,
                (int) v & 255);
      } catch (NumberFormatException e) {
        throw bad(name);
      }
    }
    if (key.matches("c[0-9]")) {
      return cycle(key.charAt(1) - '0');
    }
    if (key.startsWith("tab:")) {
      for (int i = 0; i < TAB_NAMES.length; i++) {
        if (TAB_NAMES[i].equals(key.substring(4)) || (key.equals("tab:grey") && i == 7)) {
          return cycle(i);
        }
      }
      throw bad(name);
    }
    String hex = NAMED.get(key);
    if (hex != null) {
      return parse(hex);
    }
    if (key.matches("[01]?\\.[0-9]+|[01]")) {
      int grey = (int) Math.round(Double.parseDouble(key) * 255);
      return new Color(grey, grey, grey);
    }
    throw bad(name);
  }

  /** {@code color} with its alpha replaced by {@code alpha} in [0, 1]. */
  static Color withAlpha(Color color, double alpha) {
    return new Color(color.getRed(), color.getGreen(), color.getBlue(),
        (int) Math.round(Math.clamp(alpha, 0, 1) * color.getAlpha()));
  }

  /** {@code "#rrggbb"} for SVG. */
  static String hex(Color color) {
    return String.format(Locale.ROOT, "#%02x%02x%02x", color.getRed(), color.getGreen(),
        color.getBlue());
  }

  private static IllegalArgumentException bad(String name) {
    return new IllegalArgumentException("color (\"" + name + "\") is not a colour: use \"C0\".."
        + "\"C9\", \"tab:blue\".. (tab10), \"#rrggbb\", a grey level \"0.0\"..\"1\", \"none\" "
        + "or one of "
        + NAMED.keySet());
  }
}
