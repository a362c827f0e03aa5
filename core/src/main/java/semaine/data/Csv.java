package semaine.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
   * Reads {@code file}: the first record is the header, every other record a row of as many fields.
   *
   * @throws CsvFormatException if the file is not UTF-8 (naming line and byte), is empty, has no rows, repeats a column name, has a row
   *     of the wrong length or a badly quoted field (the message names file and line)
   * @throws UncheckedIOException if the file cannot be read
   */
  public static CsvTable read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    Path name = file.getFileName();
    String source = name == null ? file.toString() : name.toString();
    return parse(utf8(bytes, source), source);
  }

  /**
   * {@code bytes} decoded as UTF-8; a byte sequence that is not UTF-8 (a Latin-1 {@code é}, for
   * instance) is an error naming the line and the byte offset, never a replacement character.
   */
  static String utf8(byte[] bytes, String source) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = in.position();
      int line = 1;
      for (int i = 0; i < at; i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      throw new CsvFormatException(String.format("%s line %d, byte offset %d: 0x%02X is not valid UTF-8:"
          + " the file is not UTF-8 (Latin-1 or Windows-1252?); save it as UTF-8", source, line,
          at, bytes[at] & 0xFF));
    }
    return out.flip().toString();
  }

  /** Parses CSV {@code text} like {@link #read}; {@code source} names it in error messages. */
  public static CsvTable parse(String text, String source) {
    List<CsvParser.Record> records = CsvParser.parse(text, source);
    if (records.isEmpty()) {
      throw new CsvFormatException(source + ": empty file: a header row is required");
    }
    List<String> header = records.get(0).fields();
    Map<String, Integer> seen = new HashMap<>();
    for (int j = 0; j < header.size(); j++) {
      Integer before = seen.put(header.get(j), j);
      if (before != null) {
        throw new CsvFormatException(source + " line " + records.get(0).line() + ": column name '"
            + header.get(j) + "' appears twice (columns " + (before + 1) + " and " + (j + 1) + ")");
      }
    }
    if (records.size() == 1) {
      throw new CsvFormatException(source + ": no data rows after the header");
    }
    List<List<String>> rows = new ArrayList<>();
    int[] lines = new int[records.size() - 1];
    for (int i = 1; i < records.size(); i++) {
      CsvParser.Record record = records.get(i);
      if (record.fields().size() != header.size()) {
        throw new CsvFormatException(source + " line " + record.line() + ": expected "
            + header.size() + " fields but found " + record.fields().size());
      }
      rows.add(record.fields());
      lines[i - 1] = record.line();
    }
    return new CsvTable(source, header, rows, lines);
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
    String text = table(header, X, targetName, target);
    try {
      AtomicFiles.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static String table(String[] header, double[][] X, String targetName, String[] target) {
    Checks.checkMatrix("X", X);
    Checks.checkArgument(header != null, "header must not be null");
    Checks.checkArgument(header.length == X[0].length,
        "header has " + header.length + " names but X has " + X[0].length + " columns");
    if (target != null) {
      Checks.checkArgument(targetName != null, "targetName must not be null");
      Checks.checkSameLength("X", X.length, "y", target.length);
    }
    StringBuilder out = new StringBuilder();
    List<String> names = new ArrayList<>(List.of(header));
    if (target != null) {
      names.add(targetName);
    }
    for (int j = 0; j < names.size(); j++) {
      out.append(j == 0 ? "" : ",").append(quoteIfNeeded(names.get(j)));
    }
    out.append('\n');
    for (int i = 0; i < X.length; i++) {
      for (int j = 0; j < X[i].length; j++) {
        out.append(j == 0 ? "" : ",").append(formatDouble(X[i][j]));
      }
      if (target != null) {
        out.append(',').append(quoteIfNeeded(target[i]));
      }
      out.append('\n');
    }
    return out.toString();
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
