package semaine.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import semaine.util.Json;

/** Reads the reference JSON files written by the scripts in {@code reference/}. */
public final class Reference {

  private Reference() {}

  /** Parses {@code /reference/<name>} from the test resources. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> load(String name) {
    try (InputStream in = Reference.class.getResourceAsStream("/reference/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource /reference/" + name);
      }
      return (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON array of numbers as doubles. */
  public static double[] doubles(Object list) {
    List<?> values = (List<?>) list;
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) values.get(i)).doubleValue();
    }
    return out;
  }

  /** A JSON array of integers as ints. */
  public static int[] ints(Object list) {
    List<?> values = (List<?>) list;
    int[] out = new int[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) values.get(i)).intValue();
    }
    return out;
  }

  /** A JSON array of arrays of numbers as a matrix. */
  public static double[][] matrix(Object list) {
    List<?> rows = (List<?>) list;
    double[][] out = new double[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = doubles(rows.get(i));
    }
    return out;
  }

  /** A JSON array of strings. */
  @SuppressWarnings("unchecked")
  public static List<String> strings(Object list) {
    return (List<String>) list;
  }
}
