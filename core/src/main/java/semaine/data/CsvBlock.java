package semaine.data;

import java.util.List;

/**
 * A block of consecutive rows of a CSV file, given by {@link CsvReader#forEachBlock}: the values of
 * its selected columns and the line on which each row starts.
 *
 * @param columns names of the columns of X, in file order
 * @param X the rows, shape (n_rows, columns.size()); owned by the receiver
 * @param lines lines[i] is the line (1-based) on which row i starts, shape (n_rows,)
 * @param firstRow index of row 0 among the file's data rows (0 for the first block)
 */
public record CsvBlock(List<String> columns, double[][] X, int[] lines, long firstRow) {

  /** The line on which the block's first row starts. */
  public int firstLine() {
    return lines[0];
  }

  /** Number of rows. */
  public int nRows() {
    return X.length;
  }
}
