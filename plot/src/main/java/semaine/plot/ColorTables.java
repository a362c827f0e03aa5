package semaine.plot;

import java.awt.Color;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The colour tables matplotlib wrote ({@code reference/colormaps.py} into {@code colormaps.txt}):
 * one line per table, its name then its colours as {@code #rrggbb}. {@link Colormap} reads the
 * 256-entry maps from here and {@link Colors} the tab10 palette, so neither needs the other's
 * loader.
 */
final class ColorTables {

  private static final Map<String, List<Color>> TABLES = load();

  private ColorTables() {}

  /** Every table by name, in file order. */
  static Map<String, List<Color>> all() {
    return TABLES;
  }

  /** The table {@code name}, or null when there is none. */
  static List<Color> get(String name) {
    return TABLES.get(name);
  }

  private static Map<String, List<Color>> load() {
    Map<String, List<Color>> tables = new LinkedHashMap<>();
    try (InputStream in = ColorTables.class.getResourceAsStream("colormaps.txt")) {
      if (in == null) {
        throw new IllegalStateException("resource semaine/plot/colormaps.txt is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.strip().split(" ");
        List<Color> colors = new ArrayList<>(fields.length - 1);
        for (int i = 1; i < fields.length; i++) {
          colors.add(new Color(Integer.parseInt(fields[i].substring(1), 16)));
        }
        tables.put(fields[0], List.copyOf(colors));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(tables);
  }
}
