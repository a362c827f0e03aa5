package semaine.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the records of one stretch of a CSV file (the whole file, or one chunk of a parallel
 * read) column by column: doubles for numeric columns, text for the columns marked as text, the
 * line of each row, and for every column its first field that is not a finite number and its first
 * blank field. Rows are counted from 0 within the stretch; {@link #merge} puts stretches end to end.
 *
 * <p>The numeric float64 columns marked as features go instead into one {@code double[]} per row,
 * in file order: the rows a model is given ({@link CsvColumns#toMatrix}), made as the file is
 * read, with no columns to copy them from afterwards (for a million rows of 20 features, 160 MB
 * of memory the process no longer touches).
 */
final class CsvColumnsBuilder {

  private static final int DISTINCT_TEXTS = 1 << 12; // texts shared per column, as class names are

  private final int width;
  private final boolean[] text;
  private final boolean[] float32; // numeric columns kept as floats
  private final DoubleBlocks[] numbers; // null for a text column or a column kept in the rows
  private final int[] slot; // slot[j]: column j's place in each row array, or -1
  private final int rowWidth; // columns kept in the rows (0: none)
  private double[][] rowArrays = new double[0][];
  private final List<List<String>> texts = new ArrayList<>();
  private final List<Map<String, String>> distinct = new ArrayList<>();
  private final int[] firstBad;
  private final String[] problems;
  private final int[] firstBlank;
  private int[] lines = new int[1024];
  private int rows;
  int records; // records read, those of the wrong length included
  int wrongLine = -1; // the first record whose length is not the header's: its line and length
  int wrongFields;
  int newText = -1; // a numeric column found to hold text: read again with it marked as text

  /**
   * A builder whose numeric columns j with {@code float32[j]} keep their values as floats, and
   * whose other numeric columns with {@code features[j]} are kept as rows.
   */
  CsvColumnsBuilder(boolean[] text, boolean[] float32, boolean[] features) {
    this.width = text.length;
    this.text = text.clone();
    this.float32 = float32.clone();
    slot = new int[width];
    int kept = 0;
    for (int j = 0; j < width; j++) {
      slot[j] = features[j] && !text[j] && !float32[j] ? kept++ : -1;
    }
    rowWidth = kept;
    numbers = new DoubleBlocks[width];
    firstBad = new int[width];
    problems = new String[width];
    firstBlank = new int[width];
    Arrays.fill(firstBad, -1);
    Arrays.fill(firstBlank, -1);
    for (int j = 0; j < width; j++) {
      numbers[j] = text[j] || slot[j] >= 0 ? null : new DoubleBlocks(float32[j]);
      texts.add(text[j] ? new ArrayList<>() : null);
      distinct.add(text[j] ? new HashMap<>() : null);
    }
  }

  /**
   * Adds the scanner's current record (whose line is {@code line}). False when a numeric column
   * holds a field that is not a number (then {@link #newText} names it and the stretch must be
   * read again); a record of the wrong length is noted in {@link #wrongLine} and ends collecting.
   */
  boolean add(CsvScanner scanner, int line) {
    records++;
    if (wrongLine >= 0) {
      return true;
    }
    if (scanner.fields != width) {
      wrongLine = line;
      wrongFields = scanner.fields;
      return true;
    }
    double[] row = rowWidth > 0 ? new double[rowWidth] : null;
    for (int j = 0; j < width; j++) {
      if (text[j]) {
        addText(j, scanner.text(j));
        continue;
      }
      double value = scanner.number(j);
      if (scanner.problem != null) {
        if (scanner.problem != CsvNumbers.EMPTY) {
          newText = j;
          return false;
        }
        noteBad(j, CsvNumbers.EMPTY);
        firstBlank[j] = firstBlank[j] < 0 ? rows : firstBlank[j];
      }
      if (slot[j] >= 0) {
        row[slot[j]] = value;
      } else {
        numbers[j].add(value);
      }
    }
    if (rows == lines.length) {
      lines = Arrays.copyOf(lines, 2 * rows);
    }
    if (row != null) {
      if (rows == rowArrays.length) {
        rowArrays = Arrays.copyOf(rowArrays, Math.max(1024, 2 * rows));
      }
      rowArrays[rows] = row;
    }
    lines[rows++] = line;
    return true;
  }

  private void addText(int j, String field) {
    Map<String, String> seen = distinct.get(j);
    String shared = seen.get(field);
    if (shared == null) {
      shared = field;
      if (seen.size() < DISTINCT_TEXTS) {
        seen.put(field, field);
      }
    }
    texts.get(j).add(shared);
    if (firstBad[j] < 0) {
      String problem = CsvNumbers.problem(shared);
      if (problem != null) {
        noteBad(j, problem);
      }
    }
    if (firstBlank[j] < 0 && shared.isBlank()) {
      firstBlank[j] = rows;
    }
  }

  private void noteBad(int j, String problem) {
    if (firstBad[j] < 0) {
      firstBad[j] = rows;
      problems[j] = problem;
    }
  }

  /**
   * The stretches end to end as one table; stretch k's lines are shifted by {@code lineShift[k]}.
   */
  static CsvColumns merge(
      String source, List<String> header, CsvColumnsBuilder[] parts, int[] lineShift) {
    int width = header.size();
    int total = 0;
    for (CsvColumnsBuilder part : parts) {
      total += part.rows;
    }
    int[] lines = new int[total];
    double[][] rows = parts[0].rowWidth > 0 ? new double[total][] : null;
    DoubleBlocks[] numbers = new DoubleBlocks[width];
    List<List<String>> texts = new ArrayList<>();
    int[] firstBad = new int[width];
    String[] problems = new String[width];
    int[] firstBlank = new int[width];
    Arrays.fill(firstBad, -1);
    Arrays.fill(firstBlank, -1);
    for (int j = 0; j < width; j++) {
      numbers[j] = parts[0].text[j] || parts[0].slot[j] >= 0 ? null
          : new DoubleBlocks(parts[0].float32[j]);
      texts.add(parts[0].text[j] ? new ArrayList<>(total) : null);
    }
    int row = 0;
    for (int k = 0; k < parts.length; k++) {
      CsvColumnsBuilder part = parts[k];
      for (int i = 0; i < part.rows; i++) {
        lines[row + i] = part.lines[i] + lineShift[k];
      }
      if (rows != null) {
        System.arraycopy(part.rowArrays, 0, rows, row, part.rows);
      }
      for (int j = 0; j < width; j++) {
        if (numbers[j] != null) {
          numbers[j].addAll(part.numbers[j]);
        } else if (texts.get(j) != null) {
          texts.get(j).addAll(part.texts.get(j));
        }
        if (firstBad[j] < 0 && part.firstBad[j] >= 0) {
          firstBad[j] = row + part.firstBad[j];
          problems[j] = part.problems[j];
        }
        if (firstBlank[j] < 0 && part.firstBlank[j] >= 0) {
          firstBlank[j] = row + part.firstBlank[j];
        }
      }
      row += part.rows;
    }
    return new CsvColumns(source, header, lines, numbers, texts, firstBad, problems, firstBlank,
        new CsvColumns.Rows(rows, parts[0].slot, parts[0].rowWidth));
  }
}
