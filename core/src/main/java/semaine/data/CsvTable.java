package semaine.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A CSV file read by {@link Csv#read}: its header and its columns, numbers kept as doubles (as
 * {@link CsvReader} reads them, with no text) and text columns as their fields. Turn it into numbers
 * with {@link #toMatrix()} (every column a feature) or {@link #toDataset(String, Set)} (one column
 * is the target).
 *
 * <p>Feature fields must be decimal numbers ({@code 3}, {@code -0.5}, {@code 1e-05}, surrounding
 * spaces allowed); empty fields, {@code NaN} and infinities are refused, since no estimator of
 * semaine accepts missing values. Errors are {@link CsvFormatException}s naming the file, the line
 * and the column.
 *
 * <p>The text of a numeric column is kept only when asked ({@link Csv#read(java.nio.file.Path,
 * Set)}); a method that needs it otherwise ({@link #column}, {@link #toClassDataset} on a numeric
 * target) reads the source again for that column.
 */
public final class CsvTable {

  private final CsvColumns columns;
  private final Function<Set<String>, CsvColumns> reread; // the source read again, keeping text

  CsvTable(CsvColumns columns, Function<Set<String>, CsvColumns> reread) {
    this.columns = columns;
    this.reread = reread;
  }

  /** The file name used in error messages. */
  public String source() {
    return columns.source();
  }

  /** Column names, in file order. */
  public List<String> header() {
    return columns.header();
  }

  /** Number of data rows (the header excluded). */
  public int nRows() {
    return columns.nRows();
  }

  /** Every column as a numeric feature: shape (n_rows, n_columns). */
  public double[][] toMatrix() {
    return toMatrix(Set.of());
  }

  /** Every column except {@code drop} as a numeric feature, in file order. */
  public double[][] toMatrix(Set<String> drop) {
    return columns.toMatrix(featureColumns(null, drop));
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
    return toSamples(targetColumn, drop).toDataset();
  }

  /**
   * {@link #toDataset(String, Set)}'s arrays as {@link Samples}, with the same errors: made for
   * the caller alone and not copied (a {@link Dataset} copies X when it is made and again when
   * asked for it, twice 160 MB for a million rows of 20 features).
   */
  public Samples toSamples(String targetColumn, Set<String> drop) {
    int target = columnIndex(targetColumn, "no column named '" + targetColumn + "'");
    int[] features = featureColumns(targetColumn, drop);
    double[][] X = columns.toMatrix(features);
    if (isNumericTarget(target)) {
      return new Samples(X, columns.values(target), names(features), List.of());
    }
    Classes classes = classes(columns.text(target), false);
    return new Samples(X, labels(classes), names(features), classes.names());
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
    return toClassSamples(targetColumn, drop).toDataset();
  }

  /** {@link #toClassDataset}'s arrays as {@link Samples}, not copied (see {@link #toSamples}). */
  public Samples toClassSamples(String targetColumn, Set<String> drop) {
    int target = columnIndex(targetColumn, "no column named '" + targetColumn + "'");
    int[] features = featureColumns(targetColumn, drop);
    double[][] X = columns.toMatrix(features);
    boolean numeric = isNumericTarget(target);
    Classes classes = classes(text(target), numeric);
    return new Samples(X, labels(classes), names(features), classes.names());
  }

  /**
   * A {@link Dataset}'s content as arrays that belong to whoever holds this record: features X,
   * shape (n_samples, n_features), and the target y, numbers or (when {@code targetNames} is not
   * empty) class ids, as {@link #toDataset(String, Set)} reads them.
   */
  public record Samples(double[][] X, double[] y, List<String> featureNames,
      List<String> targetNames) {

    /** The target as class ids, as {@link Dataset#labels()}. */
    public int[] labels() {
      return Dataset.classIds(y);
    }

    /** Number of features (columns of X). */
    public int nFeatures() {
      return X[0].length;
    }

    /** The same content as a {@link Dataset} (which copies the arrays). */
    public Dataset toDataset() {
      return new Dataset(X, y, featureNames, targetNames);
    }
  }

  /**
   * {@link #toDataset(String, Set)} (or, when {@code classes}, {@link #toClassDataset}) with the
   * features as float32, {@code X.astype(np.float32)}: no float64 matrix is built, and none is
   * kept when the table was read with {@link Csv#readFloat32}. The target stays float64.
   */
  public Float32Dataset toFloat32Dataset(String targetColumn, Set<String> drop, boolean classes) {
    int target = columnIndex(targetColumn, "no column named '" + targetColumn + "'");
    int[] features = featureColumns(targetColumn, drop);
    float[][] X = columns.toFloatMatrix(features);
    boolean numeric = isNumericTarget(target);
    if (numeric && !classes) {
      return new Float32Dataset(X, columns.values(target), names(features), List.of());
    }
    Classes found = classes(classes ? text(target) : columns.text(target), numeric);
    return new Float32Dataset(X, labels(found), names(features), found.names());
  }

  /** {@link #toMatrix(Set)} as float32 ({@code X.astype(np.float32)}), with the same errors. */
  public float[][] toFloat32Matrix(Set<String> drop) {
    return columns.toFloatMatrix(featureColumns(null, drop));
  }

  /**
   * {@link #toFloat32Matrix(Set)} for a caller done with this table: its feature columns are let
   * go block by block as the rows are made ({@link CsvColumns#takeFloatMatrix}), so the two are
   * never held whole at once; the table must not be used afterwards.
   */
  public float[][] takeFloat32Matrix(Set<String> drop) {
    return columns.takeFloatMatrix(featureColumns(null, drop));
  }

  /** {@link #toSamples} as float32 ({@code X.astype(np.float32)}), with the same errors. */
  public float[][] toFloat32Samples(List<String> featureNames, String targetColumn,
      Set<String> drop) {
    return columns.toFloatMatrix(queryColumns(featureNames, targetColumn, drop));
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
    return columns.toMatrix(queryColumns(featureNames, targetColumn, drop));
  }

  private void requireSame(List<String> names, List<String> featureNames) {
    if (!names.equals(featureNames)) {
      throw new CsvFormatException(source() + " has feature columns " + names + " but the model"
          + " was fitted on " + featureNames + ": they must be the same, in the same order");
    }
  }

  /** Columns {@code features} as fields, rows are samples (see {@link #toFields(String, Set)}). */
  private String[][] fields(int[] features) {
    String[][] X = new String[nRows()][features.length];
    for (int c = 0; c < features.length; c++) {
      int j = features[c];
      if (columns.hasText(j)) {
        List<String> text = columns.text(j);
        for (int i = 0; i < X.length; i++) {
          String field = text.get(i).strip();
          X[i][c] = field.isEmpty() ? null : field; // a missing value, as pandas' NaN
        }
      } else {
        double[] values = columns.values(j);
        for (int i = 0; i < X.length; i++) {
          X[i][c] = semaine.util.Repr.of(values[i]); // finite: values() refuses the rest
        }
      }
    }
    return X;
  }

  /**
   * The feature columns (all but the target and {@code drop}, in file order) that hold text, a
   * field that is neither a number nor blank: category names for an encoder. Only columns that are
   * not numeric are looked at, so a table of numbers answers at once.
   */
  public List<String> textColumns(String targetColumn, Set<String> drop) {
    List<String> text = new ArrayList<>();
    for (int j : featureColumns(targetColumn, drop)) {
      if (!columns.isNumeric(j) && columns.hasText(j)
          && columns.text(j).stream().anyMatch(CsvNumbers::isText)) {
        text.add(header().get(j));
      }
    }
    return text;
  }

  /**
   * The feature columns (all but the target and {@code drop}, in file order) as their fields, rows
   * are samples, for a {@code ColumnTransformer} that gives its text columns to an encoder: text
   * as written (surrounding spaces removed; a blank field is null, a missing value), numbers as
   * Python's {@code repr} spells them (read back as the same double).
   *
   * @throws CsvFormatException if a column is missing
   */
  public Fields toFields(String targetColumn, Set<String> drop) {
    int[] features = featureColumns(targetColumn, drop);
    return new Fields(fields(features), names(features));
  }

  /**
   * {@link #toFields(String, Set)} for the queries of a model fitted on {@code featureNames}: the
   * target and {@code drop} may be absent, the other columns must be those names, in that order.
   *
   * @throws CsvFormatException when the columns differ, naming both lists
   */
  public String[][] toFields(List<String> featureNames, String targetColumn, Set<String> drop) {
    return fields(queryColumns(featureNames, targetColumn, drop));
  }

  /**
   * The columns of a model's queries: all but the target and {@code drop} (either may be absent),
   * which must be {@code featureNames}, in that order.
   */
  private int[] queryColumns(List<String> featureNames, String targetColumn, Set<String> drop) {
    Set<String> excluded = new LinkedHashSet<>(drop);
    excluded.retainAll(header());
    if (targetColumn != null && header().contains(targetColumn)) {
      excluded.add(targetColumn);
    }
    int[] features = featureColumns(null, excluded);
    requireSame(names(features), featureNames);
    return features;
  }

  /** Feature fields with their column names: {@link #toFields(String, Set)}. */
  public record Fields(String[][] X, List<String> names) {}

  /**
   * The target of {@link #toClassDataset} alone: each row's class id and the class names, for
   * features read as {@link #toFields}.
   *
   * @throws CsvFormatException if the column is missing or has an empty field
   */
  public Classes toClasses(String targetColumn) {
    int target = columnIndex(targetColumn, "no column named '" + targetColumn + "'");
    boolean numeric = isNumericTarget(target);
    return classes(text(target), numeric);
  }

  /**
   * Class ids ({@code labels}) and the sorted class names, as
   * {@code np.unique(y, return_inverse=True)} gives them.
   */
  public record Classes(int[] labels, List<String> names) {}

  /**
   * A column's fields as written (surrounding spaces removed), in row order.
   *
   * @throws CsvFormatException when there is no such column, listing the columns
   */
  public List<String> column(String name) {
    int j = columnIndex(name, "no column named '" + name + "'");
    List<String> fields = new ArrayList<>(nRows());
    for (String field : text(j)) {
      fields.add(field.strip());
    }
    return fields;
  }

  /**
   * A column as numbers, shape (n_rows,), with the same rules as the features.
   *
   * @throws CsvFormatException when there is no such column or a field is not a number
   */
  public double[] toVector(String name) {
    return columns.values(columnIndex(name, "no column named '" + name + "'"));
  }

  /** True when every field of the column is a number; an empty field is an error. */
  private boolean isNumericTarget(int column) {
    int blank = columns.firstBlankRow(column);
    if (blank >= 0) {
      throw columns.error(blank, column, "empty target value");
    }
    return columns.isNumeric(column);
  }

  /** The fields of column {@code j} as written, read again if their text was not kept. */
  private List<String> text(int j) {
    if (columns.hasText(j)) {
      return columns.text(j);
    }
    return reread.apply(Set.of(header().get(j))).text(j);
  }

  /**
   * The target as class ids, as {@code np.unique(y, return_inverse=True)}: the distinct fields
   * sorted (as numbers when {@code numeric}, else as strings), each named as first written.
   */
  private static Classes classes(List<String> fields, boolean numeric) {
    TreeMap<Object, String> sorted = new TreeMap<>();
    Object[] keys = new Object[fields.size()];
    Map<String, Object> keyOf = new HashMap<>(); // fields repeat: parse each distinct one once
    for (int i = 0; i < keys.length; i++) {
      String field = fields.get(i);
      Object key = keyOf.get(field);
      if (key == null) {
        String stripped = field.strip();
        key = numeric ? (Object) Double.parseDouble(stripped) : stripped;
        keyOf.put(field, key);
        sorted.putIfAbsent(key, stripped);
      }
      keys[i] = key;
    }
    Map<Object, Integer> ids = new HashMap<>();
    for (Object key : sorted.keySet()) {
      ids.put(key, ids.size());
    }
    int[] labels = new int[keys.length];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = ids.get(keys[i]);
    }
    return new Classes(labels, List.copyOf(sorted.values()));
  }

  private static double[] labels(Classes classes) {
    double[] y = new double[classes.labels().length];
    for (int i = 0; i < y.length; i++) {
      y[i] = classes.labels()[i];
    }
    return y;
  }

  private List<String> names(int[] indices) {
    List<String> names = new ArrayList<>();
    for (int j : indices) {
      names.add(header().get(j));
    }
    return names;
  }

  /** Indices of the feature columns: all but the target and {@code drop}, in file order. */
  private int[] featureColumns(String targetColumn, Set<String> drop) {
    Set<Integer> excluded = new LinkedHashSet<>();
    for (String name : drop) {
      if (name.equals(targetColumn)) {
        throw new CsvFormatException(source() + ": cannot drop '" + name
            + "': it is the target column");
      }
      excluded.add(columnIndex(name, "cannot drop '" + name + "': no column of that name"));
    }
    if (targetColumn != null) {
      excluded.add(header().indexOf(targetColumn));
    }
    int[] features = new int[header().size() - excluded.size()];
    int next = 0;
    for (int j = 0; j < header().size(); j++) {
      if (!excluded.contains(j)) {
        features[next++] = j;
      }
    }
    if (features.length == 0) {
      throw new CsvFormatException(source() + ": no feature column left; columns are "
          + String.join(", ", header()));
    }
    return features;
  }

  private int columnIndex(String name, String problem) {
    int j = header().indexOf(name);
    if (j < 0) {
      throw new CsvFormatException(source() + ": " + problem + "; columns are "
          + String.join(", ", header()));
    }
    return j;
  }
}
