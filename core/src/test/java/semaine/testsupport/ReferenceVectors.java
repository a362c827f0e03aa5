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

  /** The {@code cases} list of {@code reference/NAME}, each case a map. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> cases(String fileName) {
    String resource = "/reference/" + fileName;
    try (InputStream in = ReferenceVectors.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      Map<String, Object> root =
          (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return (List<Map<String, Object>>) root.get("cases");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
      out[i] = Math.toIntExact((Long) values.get(i));
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
