package semaine.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A CSV file read by {@link ReferenceCsv#read}: its header and its rows of text fields, every row as long as
 * the header. Turn it into numbers with {@link #toMatrix()} (every column a feature) or
 * {@link #toDataset(String, Set)} (one column is the target).
 *
 * <p>Feature fields must be decimal numbers ({@code 3}, {@code -0.5}, {@code 1e-05}, surrounding
 * spaces allowed); empty fields, {@code NaN} and infinities are refused, since no estimator of
 * semaine accepts missing values. Errors are {@link CsvFormatException}s naming the file, the line
 * and the column.
 */
final class ReferenceCsvTable {

  private final String source;
  private final List<String> header;
  private final List<List<String>> rows;
  private final int[] lines; // lines[i] = the line on which rows.get(i) starts

  ReferenceCsvTable(String source, List<String> header, List<List<String>> rows, int[] lines) {
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
    List<String> names = names(features);
    if (isNumeric(target)) {
      double[] y = new double[rows.size()];
      for (int i = 0; i < y.length; i++) {
        y[i] = Double.parseDouble(rows.get(i).get(target).strip());
      }
      return new Dataset(X, y, names, List.of());
    }
    return classes(X, names, target, false);
  }

  /**
   * A dataset for a classifier: {@link #toDataset(String, Set)}, except that the target is always
   * read as class names, numbers included. The classes are ordered as scikit-learn's
   * {@code np.unique(y)} orders them: numerically when every field is a number ("3" before "10"),
   * else as strings. Each class keeps its name as first written in the file ("3" and "3.0" are one
   * class, named "3" if that comes first); {@link Dataset#classValues()} gives them as values.
   *
   * @throws CsvFormatException if a column is missing, a feature is not a number or a target empty
   */
  public Dataset toClassDataset(String targetColumn, Set<String> drop) {
    int target = columnIndex(targetColumn, "no column named '" + targetColumn + "'");
    int[] features = featureColumns(targetColumn, drop);
    return classes(numbers(features), names(features), target, isNumeric(target));
  }

  /**
   * The samples to give a model fitted on {@code featureNames}: this table's columns other than
   * the target and {@code drop} (either may be absent from this file), which must be exactly those
   * names, in that order.
   *
   * @throws CsvFormatException when the columns differ, naming both lists, or a field is not a
   *     number
   */
  public double[][] toSamples(List<String> featureNames, String targetColumn, Set<String> drop) {
    Set<String> excluded = new LinkedHashSet<>(drop);
    excluded.retainAll(header);
    if (targetColumn != null && header.contains(targetColumn)) {
      excluded.add(targetColumn);
    }
    int[] features = featureColumns(null, excluded);
    List<String> names = names(features);
    if (!names.equals(featureNames)) {
      throw new CsvFormatException(source + " has feature columns " + names + " but the model was "
          + "fitted on " + featureNames + ": they must be the same, in the same order");
    }
    return numbers(features);
  }

  /**
   * A column's fields as written (surrounding spaces removed), in row order.
   *
   * @throws CsvFormatException when there is no such column, listing the columns
   */
  public List<String> column(String name) {
    int j = columnIndex(name, "no column named '" + name + "'");
    List<String> fields = new ArrayList<>(rows.size());
    for (List<String> row : rows) {
      fields.add(row.get(j).strip());
    }
    return fields;
  }

  /**
   * A column as numbers, shape (n_rows,), with the same rules as the features.
   *
   * @throws CsvFormatException when there is no such column or a field is not a number
   */
  public double[] toVector(String name) {
    int j = columnIndex(name, "no column named '" + name + "'");
    double[] values = new double[rows.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = number(i, j);
    }
    return values;
  }

  /** True when every field of the column is a number; an empty field is an error. */
  private boolean isNumeric(int column) {
    boolean numeric = true;
    for (int i = 0; i < rows.size(); i++) {
      String field = rows.get(i).get(column).strip();
      if (field.isEmpty()) {
        throw at(i, column, "empty target value");
      }
      numeric &= Dataset.isNumber(field);
    }
    return numeric;
  }

  /**
   * The target column as class ids, as {@code np.unique(y, return_inverse=True)}: the distinct
   * fields sorted (as numbers when {@code numeric}, else as strings), each named as first written.
   */
  private Dataset classes(double[][] X, List<String> names, int target, boolean numeric) {
    TreeMap<Object, String> sorted = new TreeMap<>();
    for (List<String> row : rows) {
      String field = row.get(target).strip();
      sorted.putIfAbsent(key(field, numeric), field);
    }
    List<Object> keys = List.copyOf(sorted.keySet());
    Map<Object, Integer> ids = new HashMap<>();
    for (int k = 0; k < keys.size(); k++) {
      ids.put(keys.get(k), k);
    }
    double[] y = new double[rows.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = ids.get(key(rows.get(i).get(target).strip(), numeric));
    }
    return new Dataset(X, y, names, List.copyOf(sorted.values()));
  }

  private static Object key(String field, boolean numeric) {
    return numeric ? (Object) Double.parseDouble(field) : field;
  }

  private List<String> names(int[] columns) {
    List<String> names = new ArrayList<>();
    for (int j : columns) {
      names.add(header.get(j));
    }
    return names;
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
    if (!Dataset.NUMBER.matcher(field).matches()) {
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
