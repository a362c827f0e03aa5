package semaine.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A CSV file read by {@link Csv#read}: its header and its rows of text fields, every row as long as
 * the header. Turn it into numbers with {@link #toMatrix()} (every column a feature) or
 * {@link #toDataset(String, Set)} (one column is the target).
 *
 * <p>Feature fields must be decimal numbers ({@code 3}, {@code -0.5}, {@code 1e-05}, surrounding
 * spaces allowed); empty fields, {@code NaN} and infinities are refused, since no estimator of
 * semaine accepts missing values. Errors are {@link CsvFormatException}s naming the file, the line
 * and the column.
 */
public final class CsvTable {

  /** A plain decimal number, as Python's float() reads it minus nan/inf (and Java's suffixes). */
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private final String source;
  private final List<String> header;
  private final List<List<String>> rows;
  private final int[] lines; // lines[i] = the line on which rows.get(i) starts

  CsvTable(String source, List<String> header, List<List<String>> rows, int[] lines) {
    this.source = source;
    this.header = List.copyOf(header);
    this.rows = List.copyOf(rows);
    this.lines = lines.clone();
  }

  /** The file name used in error messages. */
  public String source() {
    return source;
  }

  /** Column names, in file order. */
  public List<String> header() {
    return header;
  }

  /** The rows as text fields (unmodifiable), without the header. */
  public List<List<String>> rows() {
    return rows;
  }

  /** Number of data rows (the header excluded). */
  public int nRows() {
    return rows.size();
  }

  /** Every column as a numeric feature: shape (n_rows, n_columns). */
  public double[][] toMatrix() {
    return toMatrix(Set.of());
  }

  /** Every column except {@code drop} as a numeric feature, in file order. */
  public double[][] toMatrix(Set<String> drop) {
    return numbers(featureColumns(null, drop));
  }

  /** A dataset whose target is {@code targetColumn} and whose features are all other columns. */
  public Dataset toDataset(String targetColumn) {
    return toDataset(targetColumn, Set.of());
  }

  /**
   * A dataset whose target is {@code targetColumn} and whose features are the other columns except
   * {@code drop}, in file order.
   *
   * <p>A target whose fields are all numbers is kept as numbers (class ids or regression values)
   * and the dataset has no target names. Otherwise the fields are class names: like scikit-learn's
   * {@code np.unique(y, return_inverse=True)}, the distinct names sorted (by {@link String#compareTo})
   * become the target names and each row gets the index of its name.
   *
   * @throws CsvFormatException if a column is missing, a feature is not a number or a target empty
   */
  public Dataset toDataset(String targetColumn, Set<String> drop) {
    int target = columnIndex(targetColumn, "no column named '" + targetColumn + "'");
    int[] features = featureColumns(targetColumn, drop);
    double[][] X = numbers(features);
    List<String> names = new ArrayList<>();
    for (int j : features) {
      names.add(header.get(j));
    }
    double[] y = new double[rows.size()];
    boolean numeric = true;
    for (int i = 0; i < rows.size(); i++) {
      String field = rows.get(i).get(target).strip();
      if (field.isEmpty()) {
        throw at(i, target, "empty target value");
      }
      numeric &= NUMBER.matcher(field).matches() && Double.isFinite(Double.parseDouble(field));
    }
    if (numeric) {
      for (int i = 0; i < y.length; i++) {
        y[i] = Double.parseDouble(rows.get(i).get(target).strip());
      }
      return new Dataset(X, y, names, List.of());
    }
    TreeSet<String> classes = new TreeSet<>();
    for (List<String> row : rows) {
      classes.add(row.get(target).strip());
    }
    List<String> targetNames = List.copyOf(classes);
    Map<String, Integer> ids = new HashMap<>();
    for (int k = 0; k < targetNames.size(); k++) {
      ids.put(targetNames.get(k), k);
    }
    for (int i = 0; i < y.length; i++) {
      y[i] = ids.get(rows.get(i).get(target).strip());
    }
    return new Dataset(X, y, names, targetNames);
  }

  /** Indices of the feature columns: all but the target and {@code drop}, in file order. */
  private int[] featureColumns(String targetColumn, Set<String> drop) {
    Set<Integer> excluded = new LinkedHashSet<>();
    for (String name : drop) {
      if (name.equals(targetColumn)) {
        throw new CsvFormatException(source + ": cannot drop '" + name + "': it is the target column");
      }
      excluded.add(columnIndex(name, "cannot drop '" + name + "': no column of that name"));
    }
    if (targetColumn != null) {
      excluded.add(header.indexOf(targetColumn));
    }
    int[] features = new int[header.size() - excluded.size()];
    int next = 0;
    for (int j = 0; j < header.size(); j++) {
      if (!excluded.contains(j)) {
        features[next++] = j;
      }
    }
    if (features.length == 0) {
      throw new CsvFormatException(source + ": no feature column left; columns are " + columns());
    }
    return features;
  }

  private double[][] numbers(int[] columns) {
    double[][] X = new double[rows.size()][columns.length];
    for (int i = 0; i < X.length; i++) {
      for (int c = 0; c < columns.length; c++) {
        X[i][c] = number(i, columns[c]);
      }
    }
    return X;
  }

  private double number(int row, int column) {
    String field = rows.get(row).get(column).strip();
    if (field.isEmpty()) {
      throw at(row, column, "empty field (missing values are not allowed)");
    }
    if (!NUMBER.matcher(field).matches()) {
      String lower = field.toLowerCase(java.util.Locale.ROOT);
      boolean special = lower.matches("[+-]?(nan|inf|infinity)");
      throw at(row, column, "'" + field + "' is not a number"
          + (special ? " (NaN and infinities are not allowed)" : ""));
    }
    double value = Double.parseDouble(field);
    if (Double.isInfinite(value)) {
      throw at(row, column, "'" + field + "' overflows a double");
    }
    return value;
  }

  private int columnIndex(String name, String problem) {
    int j = header.indexOf(name);
    if (j < 0) {
      throw new CsvFormatException(source + ": " + problem + "; columns are " + columns());
    }
    return j;
  }

  private String columns() {
    return String.join(", ", header);
  }

  private CsvFormatException at(int row, int column, String problem) {
    return new CsvFormatException(
        source + " line " + lines[row] + ", column '" + header.get(column) + "': " + problem);
  }
}
