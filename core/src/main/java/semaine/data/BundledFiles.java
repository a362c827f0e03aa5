package semaine.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads the data files bundled under {@code semaine/data/} the way scikit-learn's
 * {@code load_csv_data}, {@code load_gzip_compressed_csv_data} and {@code load_descr} read them.
 */
final class BundledFiles {

  private static final String ROOT = "/semaine/data/";
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern COMMA = Pattern.compile(",");

  private BundledFiles() {}

  /** The contents of a headed CSV file: X, integer targets and the class names of the header. */
  record HeadedCsv(double[][] X, double[] y, List<String> targetNames) {}

  /**
   * Reads a CSV whose first line is {@code n_samples,n_features,class_0,class_1,...} and whose rows
   * are {@code n_features} numbers followed by an integer class id ({@code load_csv_data}).
   */
  static HeadedCsv headedCsv(String file) {
    List<String> lines = lines(file, false);
    String[] head = lines.get(0).split(",");
    int n = Integer.parseInt(head[0].trim());
    int d = Integer.parseInt(head[1].trim());
    List<String> targetNames = List.of(Arrays.copyOfRange(head, 2, head.length));
    if (lines.size() - 1 != n) {
      throw corrupt(file, "header announces " + n + " rows but there are " + (lines.size() - 1));
    }
    double[][] X = new double[n][d];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double[] row = numbers(file, i + 2, lines.get(i + 1), COMMA);
      if (row.length != d + 1) {
        throw corrupt(file, "line " + (i + 2) + " has " + row.length + " fields, expected " + (d + 1));
      }
      System.arraycopy(row, 0, X[i], 0, d);
      y[i] = row[d];
    }
    return new HeadedCsv(X, y, targetNames);
  }

  /**
   * Reads a gzip-compressed table of numbers, one row a line, fields separated by commas or, when
   * {@code comma} is false, by whitespace ({@code np.loadtxt} after {@code gzip.open}). A file with
   * one number a line gives rows of length 1.
   */
  static double[][] gzipTable(String file, boolean comma) {
    List<String> lines = lines(file, true);
    double[][] rows = new double[lines.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = numbers(file, i + 1, lines.get(i), comma ? COMMA : WHITESPACE);
      if (rows[i].length != rows[0].length) {
        throw corrupt(file, "line " + (i + 1) + " has " + rows[i].length + " fields, expected "
            + rows[0].length);
      }
    }
    return rows;
  }

  /** The text of {@code descr/<name>}, as {@code load_descr} returns it. */
  static String description(String name) {
    String file = "descr/" + name;
    try (BufferedReader reader = open(file, false)) {
      StringBuilder text = new StringBuilder();
      char[] buffer = new char[8192];
      for (int n = reader.read(buffer); n != -1; n = reader.read(buffer)) {
        text.append(buffer, 0, n);
      }
      // Python's read_text uses universal newlines: \r\n and \r become \n
      return text.toString().replace("\r\n", "\n").replace('\r', '\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled data file " + file, e);
    }
  }

  private static double[] numbers(String file, int line, String text, Pattern separator) {
    String[] fields = separator.split(text.strip());
    double[] values = new double[fields.length];
    for (int j = 0; j < fields.length; j++) {
      try {
        values[j] = Double.parseDouble(fields[j].strip());
      } catch (NumberFormatException e) {
        throw corrupt(file, "line " + line + " field " + (j + 1) + " is not a number: " + fields[j]);
      }
    }
    return values;
  }

  /** Non-blank lines of a resource (gzip-decompressed when {@code gzip}). */
  private static List<String> lines(String file, boolean gzip) {
    try (BufferedReader reader = open(file, gzip)) {
      List<String> lines = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled data file " + file, e);
    }
  }

  private static BufferedReader open(String file, boolean gzip) throws IOException {
    InputStream in = BundledFiles.class.getResourceAsStream(ROOT + file);
    if (in == null) {
      throw new IllegalStateException("bundled data file " + ROOT + file + " is missing from the jar");
    }
    InputStream raw = gzip ? new GZIPInputStream(in) : in;
    return new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8));
  }

  private static IllegalStateException corrupt(String file, String what) {
    return new IllegalStateException("bundled data file " + file + " is corrupt: " + what);
  }
}
