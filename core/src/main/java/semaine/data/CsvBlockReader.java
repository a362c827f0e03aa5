package semaine.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a CSV file in blocks of rows for {@link CsvReader#forEachBlock}: one pass, one buffer, one
 * block in memory at a time. Errors are thrown as the pass meets them, in file order.
 */
final class CsvBlockReader {

  private final CsvScanner.Input input;
  private final String source;
  private final int blockRows;
  private final Set<String> skip;
  private final boolean lend;
  private final Consumer<CsvBlock> action;

  /**
   * With {@code lend}, every block is written into the same arrays (rows included), valid only
   * during the call to {@code action}: a pass then allocates one block in all, instead of one per
   * block that a small young generation would promote while the next block is read.
   */
  CsvBlockReader(CsvScanner.Input input, String source, int blockRows, Set<String> skip,
      boolean lend, Consumer<CsvBlock> action) {
    this.input = input;
    this.source = source;
    this.blockRows = blockRows;
    this.skip = skip;
    this.lend = lend;
    this.action = action;
  }

  void run() {
    CsvScanner scanner = new CsvScanner(input, source, 0, input.size(), 1, false);
    List<String> header = CsvScanner.header(scanner, source);
    CsvFormatException duplicate = CsvScanner.duplicate(source, header, scanner.recordLine);
    if (duplicate != null) {
      throw duplicate;
    }
    int[] columns = columns(header);
    List<String> names = new ArrayList<>();
    for (int j : columns) {
      names.add(header.get(j));
    }
    double[][] X = lend ? new double[blockRows][columns.length] : new double[blockRows][];
    int[] lines = new int[blockRows];
    int n = 0;
    long firstRow = 0;
    while (scanner.next()) {
      if (scanner.fields != header.size()) {
        throw new CsvFormatException(source + " line " + scanner.recordLine + ": expected "
            + header.size() + " fields but found " + scanner.fields);
      }
      double[] row = lend ? X[n] : new double[columns.length];
      for (int c = 0; c < columns.length; c++) {
        row[c] = scanner.number(columns[c]);
        if (scanner.problem != null) {
          throw new CsvFormatException(source + " line " + scanner.recordLine + ", column '"
              + header.get(columns[c]) + "': " + scanner.problem);
        }
      }
      X[n] = row;
      lines[n++] = scanner.recordLine;
      if (n == blockRows) {
        action.accept(new CsvBlock(names, X, lines, firstRow));
        firstRow += n;
        if (!lend) {
          X = new double[blockRows][];
          lines = new int[blockRows];
        }
        n = 0;
      }
    }
    if (n > 0) {
      action.accept(new CsvBlock(names, Arrays.copyOf(X, n), Arrays.copyOf(lines, n), firstRow));
    } else if (firstRow == 0) {
      throw new CsvFormatException(source + ": no data rows after the header");
    }
  }

  /** The columns not skipped, in file order; skipping a column that is not there is an error. */
  private int[] columns(List<String> header) {
    for (String name : skip) {
      if (!header.contains(name)) {
        throw new CsvFormatException(source + ": cannot drop '" + name
            + "': no column of that name; columns are " + String.join(", ", header));
      }
    }
    int[] columns = header.stream().filter(name -> !skip.contains(name))
        .mapToInt(header::indexOf).toArray();
    if (columns.length == 0) {
      throw new CsvFormatException(source + ": no feature column left; columns are "
          + String.join(", ", header));
    }
    return columns;
  }
}
