package semaine.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import semaine.util.AtomicFiles;
import semaine.util.Checks;
import semaine.util.Repr;

/**
 * Reads and writes CSV files of samples (RFC 4180, UTF-8, a header row first).
 *
 * <p>Reading gives a {@link CsvTable}; ask it for a matrix or a {@link Dataset}:
 * <pre>{@code
 * Dataset iris = Csv.read(Path.of("iris.csv")).toDataset("species");   // pandas.read_csv + split
 * }</pre>
 * Writing puts numbers in the shortest form that reads back as the same double, spelled as Python's
 * {@code repr} spells it ({@code 0.1}, {@code 3.0}, {@code 1e-05}, {@code 1.7976931348623157e+308}),
 * so files written by semaine and by NumPy or pandas look alike. Lines end with {@code \n}; fields
 * holding a comma, a quote or a line break are quoted.
 */
public final class Csv {

  private Csv() {}

  /**
   * Reads {@code file}: the first record is the header, every other record a row of as many fields
   * (with {@link CsvReader}: numbers straight to doubles, in parallel for large files).
   *
   * @throws CsvFormatException if the file is not UTF-8 (naming line and byte), is empty, has no
   *     rows, repeats a column name, has a row of the wrong length or a badly quoted field (the
   *     message names file and line)
   * @throws UncheckedIOException if the file cannot be read
   */
  public static CsvTable read(Path file) {
    return read(file, Set.of());
  }

  /**
   * Reads {@code file} like {@link #read(Path)}, keeping the text of the columns {@code keepText}
   * that the file has (a target whose class names are numbers, for instance), so that
   * {@link CsvTable#column} and {@link CsvTable#toClassDataset} need not read it again.
   */
  public static CsvTable read(Path file, Set<String> keepText) {
    return new CsvTable(CsvReader.read(file, keepText, false),
        columns -> CsvReader.read(file, columns, false));
  }

  /**
   * Reads {@code file} like {@link #read(Path, Set)} for a model whose features are every column
   * but {@code notFeatures} (the target, dropped columns; names the file lacks are ignored): the
   * features are read straight into the rows that {@link CsvTable#toSamples},
   * {@link CsvTable#toMatrix(Set)} and their siblings then give without a copy, as long as they
   * are numbers (as {@code pd.read_csv(file)} then {@code df.drop(columns=...).to_numpy()} gives
   * them, with no frame of columns in between).
   */
  public static CsvTable readFeatures(Path file, Set<String> keepText, Set<String> notFeatures) {
    return new CsvTable(CsvReader.read(file, keepText, false, null, notFeatures),
        columns -> CsvReader.read(file, columns, false));
  }

  /**
   * Reads {@code file} like {@link #read(Path, Set)}, keeping the numeric columns as float32 (half
   * the memory: {@code pd.read_csv(file)} then {@code astype(np.float32)}), except those named in
   * {@code float64} (a regression target, which scikit-learn keeps in float64).
   */
  public static CsvTable readFloat32(Path file, Set<String> keepText, Set<String> float64) {
    return new CsvTable(CsvReader.read(file, keepText, false, float64),
        columns -> CsvReader.read(file, columns, false, float64));
  }

  /** Parses CSV {@code text} like {@link #read}; {@code source} names it in error messages. */
  public static CsvTable parse(String text, String source) {
    return parse(text.getBytes(StandardCharsets.UTF_8), source);
  }

  /** Parses CSV bytes like {@link #read}: bytes that are not UTF-8 are an error. */
  static CsvTable parse(byte[] bytes, String source) {
    return new CsvTable(CsvReader.parse(bytes, source),
        columns -> CsvReader.read(CsvScanner.bytes(bytes), source, columns, false, 1));
  }

  /** Writes X under {@code header} (one name per column). */
  public static void write(Path file, String[] header, double[][] X) {
    writeTable(file, header, X, null, null);
  }

  /** Writes X and a numeric target column {@code targetName} (values such as regression targets). */
  public static void write(Path file, String[] header, double[][] X, String targetName, double[] y) {
    Checks.checkVector("y", y);
    String[] target = new String[y.length];
    for (int i = 0; i < y.length; i++) {
      target[i] = formatDouble(y[i]);
    }
    writeTable(file, header, X, targetName, target);
  }

  /** Writes X and a target column of class ids, written as integers ({@code 0}, {@code 1}, ...). */
  public static void write(Path file, String[] header, double[][] X, String targetName, int[] y) {
    Checks.checkArgument(y != null, "y must not be null");
    String[] target = new String[y.length];
    for (int i = 0; i < y.length; i++) {
      target[i] = Integer.toString(y[i]);
    }
    writeTable(file, header, X, targetName, target);
  }

  /** Writes X and a target column of class names: row i gets {@code targetNames.get(y[i])}. */
  public static void write(
      Path file, String[] header, double[][] X, String targetName, int[] y, List<String> targetNames) {
    Checks.checkArgument(y != null, "y must not be null");
    String[] target = new String[y.length];
    for (int i = 0; i < y.length; i++) {
      Checks.checkArgument(y[i] >= 0 && y[i] < targetNames.size(), "y[" + i + "] (" + y[i]
          + ") must be a class id in [0, " + (targetNames.size() - 1) + "]");
      target[i] = targetNames.get(y[i]);
    }
    writeTable(file, header, X, targetName, target);
  }

  /**
   * Writes a dataset: its features, then the target column {@code targetName}, holding class names
   * when the dataset has target names and numbers otherwise. Reading the file back with
   * {@code toDataset(targetName)} gives the same dataset (class names sorted, as they are in
   * scikit-learn's datasets).
   */
  public static void write(Path file, Dataset data, String targetName) {
    String[] header = data.featureNames().toArray(String[]::new);
    if (data.targetNames().isEmpty()) {
      write(file, header, data.X(), targetName, data.y());
    } else {
      write(file, header, data.X(), targetName, data.labels(), data.targetNames());
    }
  }

  /**
   * The shortest decimal that reads back as {@code value}, in Python's {@code repr} layout
   * ({@code 3.0}, {@code 1e-05}); see {@link Repr#of(double)}.
   *
   * @throws IllegalArgumentException for NaN and infinities
   */
  public static String formatDouble(double value) {
    Checks.checkFinite("value", value);
    return Repr.of(value);
  }

  /** X and a target column of class ids as CSV text, exactly as {@code write} would write it. */
  public static String format(String[] header, double[][] X, String targetName, int[] y) {
    Checks.checkArgument(y != null, "y must not be null");
    String[] target = new String[y.length];
    for (int i = 0; i < y.length; i++) {
      target[i] = Integer.toString(y[i]);
    }
    return table(header, X, targetName, target);
  }

  /** A dataset as CSV text, exactly as {@link #write(Path, Dataset, String)} would write it. */
  public static String format(Dataset data, String targetName) {
    String[] header = data.featureNames().toArray(String[]::new);
    int[] y = data.targetNames().isEmpty() ? null : data.labels();
    String[] target = new String[data.nSamples()];
    double[] values = data.y();
    for (int i = 0; i < target.length; i++) {
      target[i] = y == null ? formatDouble(values[i]) : data.targetNames().get(y[i]);
    }
    return table(header, data.X(), targetName, target);
  }

  private static void writeTable(
      Path file, String[] header, double[][] X, String targetName, String[] target) {
    check(header, X, targetName, target);
    try {
      AtomicFiles.write(file, stream -> {
        Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8),
            1 << 16);
        rows(out, header, X, targetName, target);
        out.flush();
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static String table(String[] header, double[][] X, String targetName, String[] target) {
    check(header, X, targetName, target);
    StringBuilder out = new StringBuilder();
    try {
      rows(out, header, X, targetName, target);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not throw
    }
    return out.toString();
  }

  /**
   * X and a target column of class ids as CSV text, appended to {@code out} row by row, exactly
   * as {@code write} would write them: a table of any size in the memory of one row.
   */
  public static void print(Appendable out, String[] header, double[][] X, String targetName,
      int[] y) throws IOException {
    Checks.checkArgument(y != null, "y must not be null");
    String[] target = new String[y.length];
    for (int i = 0; i < y.length; i++) {
      target[i] = Integer.toString(y[i]);
    }
    check(header, X, targetName, target);
    rows(out, header, X, targetName, target);
  }

  private static void check(String[] header, double[][] X, String targetName, String[] target) {
    Checks.checkMatrix("X", X);
    Checks.checkArgument(header != null, "header must not be null");
    Checks.checkArgument(header.length == X[0].length,
        "header has " + header.length + " names but X has " + X[0].length + " columns");
    if (target != null) {
      Checks.checkArgument(targetName != null, "targetName must not be null");
      Checks.checkSameLength("X", X.length, "y", target.length);
    }
  }

  private static void rows(Appendable out, String[] header, double[][] X, String targetName,
      String[] target) throws IOException {
    List<String> names = new ArrayList<>(List.of(header));
    if (target != null) {
      names.add(targetName);
    }
    for (int j = 0; j < names.size(); j++) {
      out.append(j == 0 ? "" : ",").append(quoteIfNeeded(names.get(j)));
    }
    out.append('\n');
    StringBuilder row = new StringBuilder();
    for (int i = 0; i < X.length; i++) {
      row.setLength(0);
      for (int j = 0; j < X[i].length; j++) {
        row.append(j == 0 ? "" : ",").append(formatDouble(X[i][j]));
      }
      if (target != null) {
        row.append(',').append(quoteIfNeeded(target[i]));
      }
      out.append(row).append('\n');
    }
  }

  /** RFC 4180: a field with a comma, quote or line break (or edge spaces) goes in double quotes. */
  private static String quoteIfNeeded(String field) {
    boolean quote = field.isEmpty() || !field.strip().equals(field);
    for (int i = 0; i < field.length() && !quote; i++) {
      char c = field.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
  }
}
