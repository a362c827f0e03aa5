package semaine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import semaine.data.CsvReader;

/**
 * How much memory a fitting command needs to hold a CSV file's rows, estimated before reading
 * them: the number of rows from the file's size and the length of its first rows, times what a
 * row costs once read (its columns of doubles, then the feature matrix and the copies a fit
 * makes, about four doubles and two object headers per value of a row). A command refuses a file
 * whose estimate exceeds what the JVM may use, with the sizes, instead of running out of memory
 * after minutes of reading; a model that can learn block by block reads it block by block.
 *
 * @param fileBytes the file's size
 * @param rows estimated number of data rows
 * @param bytes estimated memory to hold them, in bytes
 * @param available the most the JVM may use ({@link Runtime#maxMemory()})
 */
record MemoryEstimate(long fileBytes, long rows, long bytes, long available) {

  /** Bytes read from the start of the file to measure the length of a row. */
  private static final int SAMPLE_BYTES = 1 << 20;

  /** The estimate for {@code file}. */
  static MemoryEstimate of(Path file) {
    int columns = CsvReader.header(file).size();
    try (InputStream in = Files.newInputStream(file)) {
      long size = Files.size(file);
      byte[] sample = in.readNBytes(SAMPLE_BYTES);
      int lines = 0;
      int headerEnd = -1;
      for (int i = 0; i < sample.length; i++) {
        if (sample[i] == '\n') {
          lines++;
          headerEnd = headerEnd < 0 ? i + 1 : headerEnd;
        }
      }
      long rows;
      if (headerEnd < 0 || sample.length == size) {
        rows = Math.max(0, lines - 1);
      } else {
        double perRow = (double) (sample.length - headerEnd) / Math.max(1, lines - 1);
        rows = (long) Math.ceil((size - headerEnd) / perRow);
      }
      long perRow = 4L * 8 * columns + 2L * 16;
      return new MemoryEstimate(size, rows, rows * perRow, Runtime.getRuntime().maxMemory());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Whether the rows fit in what the JVM may use, with room to spare for the fit itself. */
  boolean fits() {
    return bytes <= 0.8 * available;
  }

  /**
   * The message refusing the file: "data.csv is 30.1 GB (about 1,600,000,000 rows): holding them
   * takes about 51.2 GB of memory, more than the 6.0 GB this JVM may use; WHY: HOW".
   */
  String refusal(Path file, String why, String how) {
    return String.format(Locale.ROOT, "%s is %s (about %,d rows): holding them takes about %s of"
        + " memory, more than the %s this JVM may use; %s: %s", file, size(fileBytes), rows,
        size(bytes), size(available), why, how);
  }

  private static String size(long bytes) {
    return bytes >= 1e9 ? String.format(Locale.ROOT, "%.1f GB", bytes / 1e9)
        : String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
  }
}
