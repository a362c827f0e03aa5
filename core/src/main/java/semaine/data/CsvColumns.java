package semaine.data;

import java.util.Collections;
import java.util.List;
import semaine.util.Checks;

/**
 * A CSV file read column by column by {@link CsvReader}: its header, and for each column either
 * its values as doubles (a numeric column: no text kept) or its text (a column holding a field that
 * is not a number, or one the reader was asked to keep as text), with the line on which each row
 * starts, for error messages.
 *
 * <p>A column is numeric when every field is a finite plain decimal by {@link CsvTable}'s rule. For
 * every column the first field that is not (its row and what is wrong, in {@link CsvTable}'s words)
 * and the first blank field are kept, so that asking for a column as a feature gives exactly
 * {@link CsvTable}'s error: {@code data.csv line 3, column 'a': 'abc' is not a number}.
 *
 * <p>The columns the reader was told are the features may be kept as rows instead, one array a
 * row ({@link Rows}): the first {@link #toMatrix} of exactly those columns gives these rows to its
 * caller without copying them, and the table reads them afterwards (so a caller that writes into
 * them must not use the table again).
 */
public final class CsvColumns {

  private final String source;
  private final List<String> header;
  private final int[] lines;
  private final DoubleBlocks[] numbers; // numbers[j]: column j's values, null for a text column
  private final List<List<String>> texts; // texts.get(j): column j's fields, null when not kept
  private final int[] firstBad; // row of column j's first field that is not a finite number, or -1
  private final String[] problems; // what is wrong with that field
  private final int[] firstBlank; // row of column j's first blank field, or -1
  private final Rows rows;
  private boolean rowsGiven; // the rows went to a caller: later matrices are copies

  /**
   * Numeric columns kept as rows: {@code rows[i][slot[j]]} is column j's value in row i, for the
   * columns whose {@code slot[j] >= 0}, in file order, {@code width} of them; {@code rows} is
   * null when none is.
   */
  record Rows(double[][] rows, int[] slot, int width) {}

  CsvColumns(String source, List<String> header, int[] lines, DoubleBlocks[] numbers,
      List<List<String>> texts, int[] firstBad, String[] problems, int[] firstBlank, Rows rows) {
    this.source = source;
    this.header = List.copyOf(header);
    this.lines = lines;
    this.numbers = numbers;
    this.texts = texts;
    this.firstBad = firstBad;
    this.problems = problems;
    this.firstBlank = firstBlank;
    this.rows = rows;
  }

  /** The file name used in error messages. */
  public String source() {
    return source;
  }

  /** Column names, in file order. */
  public List<String> header() {
    return header;
  }

  /** Number of data rows (the header excluded). */
  public int nRows() {
    return lines.length;
  }

  /** The line (1-based) on which data row {@code row} starts. */
  public int line(int row) {
    return lines[row];
  }

  /** Whether every field of column {@code column} is a finite number. */
  public boolean isNumeric(int column) {
    return firstBad[column] < 0;
  }

  /** Whether the text of column {@code column} was kept (see {@link #text}). */
  public boolean hasText(int column) {
    return texts.get(column) != null;
  }

  /**
   * The fields of column {@code column} as they are in the file (quotes removed, spaces kept):
   * kept for every column that is not numeric and for those the reader was asked to keep.
   *
   * @throws IllegalStateException for a numeric column whose text was not kept
   */
  public List<String> text(int column) {
    List<String> text = texts.get(column);
    if (text == null) {
      throw new IllegalStateException("column '" + header.get(column) + "' of " + source
          + " is numeric and its text was not kept: read it with keepText");
    }
    return Collections.unmodifiableList(text);
  }

  /**
   * The values of column {@code column}, shape (n_rows,).
   *
   * @throws CsvFormatException naming the line of the first field that is not a finite number
   */
  public double[] values(int column) {
    if (firstBad[column] >= 0) {
      throw error(firstBad[column], column, problems[column]);
    }
    if (numbers[column] != null) {
      return numbers[column].toArray();
    }
    if (inRows(column)) {
      double[] values = new double[lines.length];
      int slot = rows.slot()[column];
      for (int i = 0; i < values.length; i++) {
        values[i] = rows.rows()[i][slot];
      }
      return values;
    }
    List<String> text = texts.get(column);
    double[] values = new double[text.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = CsvNumbers.value(text.get(i));
    }
    return values;
  }

  /**
   * The row of the first blank field of {@code column} (empty or white space only), or -1: a blank
   * target is an error even in a column of class names.
   */
  public int firstBlankRow(int column) {
    return firstBlank[column];
  }

  /**
   * Columns {@code columns} as a matrix, shape (n_rows, columns.length), row i holding row i of
   * the file: {@link CsvTable#toMatrix()}'s result and, when a field is not a finite number, its
   * error for the first such field in row order (then in the order of {@code columns}, which should
   * be file order, as CsvTable's are).
   */
  public double[][] toMatrix(int... columns) {
    if (!rowsGiven && areTheRows(columns)) {
      checkColumns(columns);
      rowsGiven = true;
      return rows.rows().clone(); // the table keeps its own outer array
    }
    double[][] X = new double[lines.length][columns.length];
    fill(columns, new Fill() {
      @Override
      public void values(int c, double[] values) {
        for (int i = 0; i < values.length; i++) {
          X[i][c] = values[i];
        }
      }

      @Override
      public void block(DoubleBlocks blocks, int b, int row, int c) {
        blocks.copyTo(b, X, row, c);
      }
    });
    return X;
  }

  /**
   * {@link #toMatrix(int...)} as float32 ({@code X.astype(np.float32)}: each double rounded to
   * the nearest float; the values of a column read as float32 are already so), with the same
   * errors; no double matrix is built.
   */
  public float[][] toFloatMatrix(int... columns) {
    float[][] X = new float[lines.length][columns.length];
    fill(columns, new Fill() {
      @Override
      public void values(int c, double[] values) {
        for (int i = 0; i < values.length; i++) {
          X[i][c] = (float) values[i];
        }
      }

      @Override
      public void block(DoubleBlocks blocks, int b, int row, int c) {
        blocks.copyTo(b, X, row, c);
      }
    });
    return X;
  }

  /**
   * {@link #toFloatMatrix(int...)}, the same rows and errors, for a caller that is done with these
   * columns: the rows are made a block of 4096 at a time and each block of the columns is let go
   * once copied, so the columns and the rows are never held whole at once (the larger of the two
   * plus a block, instead of both). The columns must not be read afterwards. A numeric column
   * kept as text is not in blocks: then this is {@code toFloatMatrix}.
   */
  public float[][] takeFloatMatrix(int... columns) {
    checkColumns(columns);
    for (int column : columns) {
      if (numbers[column] == null) {
        return toFloatMatrix(columns);
      }
    }
    float[][] X = new float[lines.length][];
    DoubleBlocks rows = numbers[columns[0]];
    for (int b = 0, row = 0; b < rows.blocks(); row += rows.count(b), b++) {
      for (int i = row; i < row + rows.count(b); i++) {
        X[i] = new float[columns.length];
      }
      for (int c = 0; c < columns.length; c++) {
        numbers[columns[c]].copyTo(b, X, row, c);
      }
      for (int column : columns) {
        numbers[column].release(b);
      }
    }
    return X;
  }

  /** Whether column {@code column} is kept in the rows. */
  private boolean inRows(int column) {
    return rows.rows() != null && rows.slot()[column] >= 0;
  }

  /** Whether {@code columns} are the columns of the rows, in their order. */
  private boolean areTheRows(int[] columns) {
    if (rows.rows() == null || columns.length != rows.width()) {
      return false;
    }
    for (int c = 0; c < columns.length; c++) {
      if (columns[c] < 0 || columns[c] >= header.size() || rows.slot()[columns[c]] != c) {
        return false;
      }
    }
    return true;
  }

  /** Where {@link #fill} puts column c of the matrix being built. */
  private interface Fill {
    /** All of column c's values (a numeric column kept as text or in the rows). */
    void values(int c, double[] values);

    /** Block b of column c's values, from row {@code row}. */
    void block(DoubleBlocks blocks, int b, int row, int c);
  }

  /**
   * Checks {@code columns} and gives their values to {@code fill}: block by block, so that the rows
   * being filled stay in cache (columns read together have the same blocks).
   */
  private void fill(int[] columns, Fill fill) {
    checkColumns(columns);
    for (int c = 0; c < columns.length; c++) {
      if (numbers[columns[c]] == null) { // kept as text or in the rows: from its values
        fill.values(c, values(columns[c]));
      }
    }
    DoubleBlocks rows = numbers[columns[0]] != null ? numbers[columns[0]] : firstNumeric(columns);
    for (int b = 0, row = 0; rows != null && b < rows.blocks(); row += rows.count(b), b++) {
      for (int c = 0; c < columns.length; c++) {
        if (numbers[columns[c]] != null) {
          fill.block(numbers[columns[c]], b, row, c);
        }
      }
    }
  }

  /** Checks the column indices, and throws the first bad field's error in row order. */
  private void checkColumns(int[] columns) {
    Checks.checkArgument(columns.length > 0, "columns must name at least one column");
    for (int column : columns) {
      Checks.checkArgument(column >= 0 && column < header.size(), "column (" + column
          + ") must be in [0, " + (header.size() - 1) + "]: " + source + " has " + header.size()
          + " columns");
    }
    int badRow = Integer.MAX_VALUE;
    int badColumn = -1;
    for (int column : columns) {
      if (firstBad[column] >= 0 && firstBad[column] < badRow) {
        badRow = firstBad[column];
        badColumn = column;
      }
    }
    if (badColumn >= 0) {
      throw error(badRow, badColumn, problems[badColumn]);
    }
  }

  private DoubleBlocks firstNumeric(int[] columns) {
    for (int column : columns) {
      if (numbers[column] != null) {
        return numbers[column];
      }
    }
    return null;
  }

  /** The error {@code data.csv line L, column 'name': problem} for a field of data row {@code row}. */
  public CsvFormatException error(int row, int column, String problem) {
    return new CsvFormatException(
        source + " line " + lines[row] + ", column '" + header.get(column) + "': " + problem);
  }
}
