package semaine.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import semaine.util.Checks;
import semaine.util.Parallel;

/**
 * Reads a CSV file of samples (RFC 4180, UTF-8, a header row first) straight from its bytes into
 * columns of doubles, as {@code pandas.read_csv} does: no text is kept for numeric columns, so
 * reading costs the final arrays plus a bounded buffer, whatever the file's size.
 *
 * <pre>{@code
 * CsvColumns table = CsvReader.read(Path.of("data.csv"));          // pandas.read_csv("data.csv")
 * double[][] X = table.toMatrix(0, 1);                             // df[["a", "b"]].to_numpy()
 * CsvReader.forEachBlock(Path.of("big.csv"), 8192, Set.of("y"),    // pd.read_csv(..., chunksize=8192)
 *     block -> model.predict(block.X()));
 * }</pre>
 *
 * <p>The values, and every message for malformed input, are those of {@link Csv#read} and
 * {@link CsvTable}: each number is the correctly rounded double of its decimal, as Python's
 * {@code float()} and Java's {@link Double#parseDouble} give it. A file that is not UTF-8 is an error
 * naming the line and the byte offset, whatever else is wrong with it.
 *
 * <h2>Notes</h2>
 * Files of 8 MB or more are read in parallel, in chunks cut after a line break, each chunk into its
 * own columns, put end to end afterwards. That cut is a record boundary only if no field is quoted:
 * a chunk that meets a quote (or an error) stops the parallel read and the file is read again from
 * the start in one pass, so the results and the first error are those of the sequential read. A
 * numeric-looking column that turns out to hold text is read again with its text kept.
 */
public final class CsvReader {

  /** Files at least this long are read in parallel. */
  static final long PARALLEL_BYTES = 8L << 20;

  private CsvReader() {}

  /**
   * Reads {@code file}: the first record is the header, every other record a row of as many fields.
   *
   * @throws CsvFormatException if the file is not UTF-8, is empty, has no rows, repeats a column
   *     name, has a row of the wrong length or a badly quoted field (the message names file and line)
   * @throws UncheckedIOException if the file cannot be read
   */
  public static CsvColumns read(Path file) {
    return read(file, Set.of());
  }

  /** Reads {@code file}, keeping the text of the columns {@code keepText} even if they are numbers. */
  public static CsvColumns read(Path file, Set<String> keepText) {
    return read(file, keepText, true);
  }

  /**
   * Reads {@code file}, keeping the text of the columns {@code keepText}; a name the file lacks
   * is an error when {@code strict}, and ignored otherwise.
   */
  static CsvColumns read(Path file, Set<String> keepText, boolean strict) {
    return read(file, keepText, strict, null);
  }

  /**
   * {@link #read(Path, Set, boolean)}; when {@code float64} is not null, the numeric columns not
   * named in it are kept as float32 (half the memory), as {@code pd.read_csv(...)} then
   * {@code astype(np.float32)} leaves them.
   */
  static CsvColumns read(Path file, Set<String> keepText, boolean strict, Set<String> float64) {
    return read(file, keepText, strict, float64, null);
  }

  /**
   * {@link #read(Path, Set, boolean, Set)}; when {@code notFeatures} is not null, the float64
   * numeric columns not named in it are kept as rows, the features' rows that
   * {@link CsvColumns#toMatrix} then gives without a copy.
   */
  static CsvColumns read(Path file, Set<String> keepText, boolean strict, Set<String> float64,
      Set<String> notFeatures) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      int cores = Runtime.getRuntime().availableProcessors();
      int chunks = size >= PARALLEL_BYTES && cores > 1 ? 4 * cores : 1;
      return read(CsvScanner.file(channel, size), name(file), keepText, strict, chunks, float64,
          notFeatures);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * The header of {@code file}: its first record, read without the rest of the file.
   *
   * @throws CsvFormatException for an empty file, bytes that are not UTF-8 in the header, or a
   *     column name that appears twice
   */
  public static List<String> header(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      String source = name(file);
      CsvScanner scanner =
          new CsvScanner(CsvScanner.file(channel, channel.size()), source, 0, channel.size(), 1,
              false);
      List<String> header = CsvScanner.header(scanner, source);
      CsvFormatException duplicate = CsvScanner.duplicate(source, header, scanner.recordLine);
      if (duplicate != null) {
        throw duplicate;
      }
      return List.copyOf(header);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Reads CSV bytes like {@link #read(Path)}; {@code source} names them in error messages. */
  public static CsvColumns parse(byte[] utf8, String source) {
    return read(CsvScanner.bytes(utf8), source, Set.of(), true, 1);
  }

  /**
   * Reads {@code file} in blocks of {@code blockRows} rows, in file order, and gives each to
   * {@code action} as a matrix of the columns not in {@code skip}: a file larger than memory is
   * read in the memory of one block. Errors are those of {@link CsvTable#toMatrix(Set)}, thrown
   * when the reading meets them (after the blocks before them were given).
   *
   * @throws CsvFormatException as {@link #read(Path)}, or for a field that is not a finite number
   */
  public static void forEachBlock(
      Path file, int blockRows, Set<String> skip, Consumer<CsvBlock> action) {
    forEachBlock(file, blockRows, skip, false, action);
  }

  /**
   * {@link #forEachBlock(Path, int, Set, Consumer)}; with {@code lend}, the blocks share their
   * arrays (rows included), which hold a block's values only during the call to {@code action}.
   */
  public static void forEachBlock(
      Path file, int blockRows, Set<String> skip, boolean lend, Consumer<CsvBlock> action) {
    Checks.checkPositive("blockRows", blockRows);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      CsvScanner.Input input = CsvScanner.file(channel, channel.size());
      new CsvBlockReader(input, name(file), blockRows, skip, lend, action).run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * {@link #forEachBlock(Path, int, Set, boolean, Consumer)} on a stream (standard input, a named
   * pipe), read once, in order, whatever its length; {@code source} names it in error messages.
   */
  public static void forEachBlock(InputStream in, String source, int blockRows, Set<String> skip,
      boolean lend, Consumer<CsvBlock> action) {
    Checks.checkPositive("blockRows", blockRows);
    new CsvBlockReader(CsvScanner.stream(in), source, blockRows, skip, lend, action).run();
  }

  /**
   * The columns of {@code file} not in {@code skip}, in file order, as {@link RowBlocks}: each pass
   * is a {@link #forEachBlock} read into one block's arrays, lent to the action.
   */
  public static RowBlocks blocks(Path file, Set<String> skip) {
    return (blockRows, action) -> forEachBlock(file, blockRows, skip, true,
        block -> action.accept(block.X()));
  }

  /** Reads {@code input} in {@code chunks} parallel pieces (1: in one pass). */
  static CsvColumns read(CsvScanner.Input input, String source, Set<String> keepText,
      boolean strict, int chunks) {
    return read(input, source, keepText, strict, chunks, null, null);
  }

  private static CsvColumns read(CsvScanner.Input input, String source, Set<String> keepText,
      boolean strict, int chunks, Set<String> float64, Set<String> notFeatures) {
    CsvScanner scanner = new CsvScanner(input, source, 0, input.size(), 1, false);
    List<String> header = CsvScanner.header(scanner, source);
    boolean[] text = new boolean[header.size()];
    boolean[] float32 = new boolean[header.size()];
    boolean[] features = new boolean[header.size()];
    for (int j = 0; j < header.size(); j++) {
      float32[j] = float64 != null && !float64.contains(header.get(j));
      features[j] = notFeatures != null && !notFeatures.contains(header.get(j));
    }
    for (String name : keepText) {
      int j = header.indexOf(name);
      if (j < 0 && !strict) {
        continue;
      }
      if (j < 0) {
        throw new CsvFormatException(source + ": no column named '" + name + "'; columns are "
            + String.join(", ", header));
      }
      text[j] = true;
    }
    if (chunks > 1 && CsvScanner.duplicate(source, header, scanner.recordLine) == null) {
      CsvColumns columns =
          parallel(input, source, header, scanner, text, float32, features, chunks);
      if (columns != null) {
        return columns;
      }
    }
    return sequential(input, source, text, float32, features);
  }

  private static CsvColumns sequential(CsvScanner.Input input, String source, boolean[] text,
      boolean[] float32, boolean[] features) {
    while (true) {
      CsvScanner scanner = new CsvScanner(input, source, 0, input.size(), 1, false);
      List<String> header = CsvScanner.header(scanner, source);
      int headerLine = scanner.recordLine;
      CsvColumnsBuilder builder = new CsvColumnsBuilder(text, float32, features);
      while (scanner.next()) {
        if (!builder.add(scanner, scanner.recordLine)) {
          break;
        }
      }
      if (builder.newText >= 0) {
        text[builder.newText] = true;
        continue;
      }
      CsvFormatException duplicate = CsvScanner.duplicate(source, header, headerLine);
      if (duplicate != null) {
        throw duplicate;
      }
      checkRows(source, header, builder.records, builder);
      return CsvColumnsBuilder.merge(source, header, new CsvColumnsBuilder[] {builder}, new int[1]);
    }
  }

  /** The columns read in parallel, or null when only a sequential read can decide. */
  private static CsvColumns parallel(CsvScanner.Input input, String source, List<String> header,
      CsvScanner scanner, boolean[] text, boolean[] float32, boolean[] features, int chunks) {
    long dataStart = scanner.position();
    int dataLine = scanner.line();
    if (scanner.next() && scanner.fields == header.size()) { // guess the text columns from row 1
      for (int j = 0; j < header.size(); j++) {
        scanner.number(j);
        text[j] |= scanner.problem != null && scanner.problem != CsvNumbers.EMPTY;
      }
    }
    long[] bounds = bounds(input, dataStart, chunks);
    while (true) {
      CsvColumnsBuilder[] parts = new CsvColumnsBuilder[chunks];
      int[] lineCounts = new int[chunks];
      boolean[] sequential = new boolean[chunks];
      Parallel.forRange(chunks, 1, (from, to) -> {
        for (int k = from; k < to; k++) {
          CsvScanner piece = new CsvScanner(input, source, bounds[k], bounds[k + 1], 0, true);
          parts[k] = new CsvColumnsBuilder(text, float32, features);
          sequential[k] = !readChunk(piece, parts[k]);
          lineCounts[k] = piece.line();
        }
      });
      int[] lineShift = new int[chunks];
      int records = 0;
      boolean again = false;
      for (int k = 0; k < chunks; k++) {
        if (sequential[k]) {
          return null;
        }
        if (parts[k].newText >= 0) {
          text[parts[k].newText] = true;
          again = true;
        }
        lineShift[k] = k == 0 ? dataLine : lineShift[k - 1] + lineCounts[k - 1];
        records += parts[k].records;
      }
      if (!again) {
        checkRows(source, header, records, parts[0]);
        return CsvColumnsBuilder.merge(source, header, parts, lineShift);
      }
    }
  }

  /**
   * Reads one chunk into {@code part}: false if it met a quote, bytes that are not UTF-8 or a
   * record of the wrong length, which only a read from the start can report rightly.
   */
  private static boolean readChunk(CsvScanner piece, CsvColumnsBuilder part) {
    try {
      while (part.wrongLine < 0 && piece.next()) {
        if (!part.add(piece, piece.recordLine)) {
          return true; // a column of text: part.newText says which
        }
      }
      return part.wrongLine < 0;
    } catch (CsvScanner.NeedSequential e) {
      return false;
    }
  }

  /** No data rows, or a record of the wrong length, is an error. */
  private static void checkRows(
      String source, List<String> header, int records, CsvColumnsBuilder builder) {
    if (records == 0) {
      throw new CsvFormatException(source + ": no data rows after the header");
    }
    if (builder.wrongLine >= 0) {
      throw new CsvFormatException(source + " line " + builder.wrongLine + ": expected "
          + header.size() + " fields but found " + builder.wrongFields);
    }
  }

  /** Chunk k is [bounds[k], bounds[k + 1]): cut just after the first {@code \n} past k / chunks. */
  private static long[] bounds(CsvScanner.Input input, long dataStart, int chunks) {
    long size = input.size();
    long[] bounds = new long[chunks + 1];
    bounds[0] = dataStart;
    bounds[chunks] = size;
    byte[] window = new byte[1 << 12];
    for (int k = 1; k < chunks; k++) {
      long at = Math.max(bounds[k - 1], dataStart + (size - dataStart) * k / chunks);
      bounds[k] = size;
      search:
      while (at < size) {
        int n = input.read(window, 0, (int) Math.min(window.length, size - at), at);
        for (int i = 0; i < n; i++) {
          if (window[i] == '\n') {
            bounds[k] = at + i + 1;
            break search;
          }
        }
        at += n;
      }
    }
    return bounds;
  }

  static String name(Path file) {
    Path name = file.getFileName();
    return name == null ? file.toString() : name.toString();
  }
}
