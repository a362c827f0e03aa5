package semaine.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import semaine.util.Json;

/**
 * Reads the reference vectors stored under {@code src/test/resources/reference/} (written by the
 * Python scripts in {@code reference/}) and converts JSON lists to Java arrays.
 */
public final class ReferenceVectors {

  private ReferenceVectors() {}

  /** The whole JSON object of {@code reference/NAME}. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> load(String fileName) {
    String resource = "/reference/" + fileName;
    try (InputStream in = ReferenceVectors.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code cases} list of {@code reference/NAME}, each case a map. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> cases(String fileName) {
    return (List<Map<String, Object>>) load(fileName).get("cases");
  }

  /** A JSON list of strings. */
  @SuppressWarnings("unchecked")
  public static List<String> strings(Object list) {
    return (List<String>) list;
  }

  /** A JSON list of numbers as doubles. */
  public static double[] doubles(Object list) {
    List<?> values = (List<?>) list;
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) values.get(i)).doubleValue();
    }
    return out;
  }

  /** A JSON list of integers as longs. */
  public static long[] longs(Object list) {
    List<?> values = (List<?>) list;
    long[] out = new long[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (Long) values.get(i);
    }
    return out;
  }

  /** A JSON list of integers as ints. */
  public static int[] ints(Object list) {
    List<?> values = (List<?>) list;
    int[] out = new int[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.toIntExact(((Number) values.get(i)).longValue());
    }
    return out;
  }

  /** A JSON list of lists of numbers as a matrix. */
  public static double[][] matrix(Object list) {
    List<?> rows = (List<?>) list;
    double[][] out = new double[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = doubles(rows.get(i));
    }
    return out;
  }
}
