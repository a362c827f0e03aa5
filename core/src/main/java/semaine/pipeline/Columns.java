package semaine.pipeline;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import semaine.base.Transformer;
import semaine.preprocessing.OneHotEncoder;
import semaine.preprocessing.OrdinalEncoder;

/** What {@link ColumnTransformer} does to columns: select them, feed them, name the outputs. */
final class Columns {

  /** Transformers whose output column j is a function of input column j only. */
  private static final Set<String> ONE_TO_ONE = Set.of("StandardScaler", "MinMaxScaler",
      "MaxAbsScaler", "RobustScaler", "Normalizer", "OrdinalEncoder", "FunctionTransformer",
      "SimpleImputer", "KBinsDiscretizer");

  private Columns() {}

  /**
   * The index of a column named by name or index.
   *
   * @throws IllegalArgumentException for a name the data lacks (listing its columns), a name
   *     without column names, or an index out of range
   */
  static int index(Object column, List<String> names, int d, String entry) {
    if (column instanceof Integer j) {
      if (j < -d || j >= d) {
        throw new IllegalArgumentException("column " + j + " of transformer \"" + entry
            + "\" is out of range: X has " + d + " columns");
      }
      return j < 0 ? j + d : j;
    }
    if (names == null) {
      throw new IllegalArgumentException("transformer \"" + entry + "\" names column \"" + column
          + "\" but X comes without column names: give them (fit(X, columns)) or use indices");
    }
    int j = names.indexOf(column);
    if (j < 0) {
      throw new IllegalArgumentException("column \"" + column + "\" of transformer \"" + entry
          + "\" is not in the data: its columns are " + names);
    }
    return j;
  }

  /**
   * Fits (when {@code fit}) and applies one transformer to the columns of X: text to an encoder
   * as text, otherwise the columns as numbers.
   */
  static double[][] apply(Transformer t, Object X, int[] columns, List<String> names,
      boolean fit) {
    if (X instanceof String[][] text && (t instanceof OneHotEncoder || t instanceof OrdinalEncoder)) {
      String[][] sub = new String[text.length][columns.length];
      for (int i = 0; i < text.length; i++) {
        for (int c = 0; c < columns.length; c++) {
          sub[i][c] = text[i][columns[c]];
        }
      }
      try {
        if (t instanceof OneHotEncoder o) {
          return fit ? o.fitTransform(sub) : o.transform(sub);
        }
        OrdinalEncoder o = (OrdinalEncoder) t;
        return fit ? o.fitTransform(sub) : o.transform(sub);
      } catch (IllegalArgumentException e) {
        throw named(e, columns, names);
      }
    }
    double[][] sub = numbers(X, columns, names);
    return fit ? t.fitTransform(sub) : t.transform(sub);
  }

  /**
   * The encoder's error with its column indices ("in column 1") followed by the data's column
   * names ("in column 1 ('city')"), when the data has names.
   */
  private static IllegalArgumentException named(IllegalArgumentException e, int[] columns,
      List<String> names) {
    if (names == null || e.getMessage() == null) {
      return e;
    }
    var matcher = java.util.regex.Pattern.compile("in column (\\d+)").matcher(e.getMessage());
    StringBuilder message = new StringBuilder();
    while (matcher.find()) {
      int c = Integer.parseInt(matcher.group(1));
      String name = c < columns.length ? " ('" + names.get(columns[c]) + "')" : "";
      matcher.appendReplacement(message,
          java.util.regex.Matcher.quoteReplacement(matcher.group() + name));
    }
    matcher.appendTail(message);
    return new IllegalArgumentException(message.toString(), e);
  }

  /**
   * The columns of X as numbers: copied from numeric samples, read from text ones.
   *
   * @throws IllegalArgumentException for text that is not a number, naming the column and row
   */
  static double[][] numbers(Object X, int[] columns, List<String> names) {
    if (X instanceof double[][] numeric) {
      double[][] sub = new double[numeric.length][columns.length];
      for (int i = 0; i < numeric.length; i++) {
        for (int c = 0; c < columns.length; c++) {
          sub[i][c] = numeric[i][columns[c]];
        }
      }
      return sub;
    }
    String[][] text = (String[][]) X;
    double[][] sub = new double[text.length][columns.length];
    for (int i = 0; i < text.length; i++) {
      for (int c = 0; c < columns.length; c++) {
        String field = text[i][columns[c]];
        try {
          sub[i][c] = Double.parseDouble(field.strip());
        } catch (NumberFormatException | NullPointerException e) {
          String column = names == null ? String.valueOf(columns[c]) : names.get(columns[c]);
          throw new IllegalArgumentException("column \"" + column + "\" holds text (\"" + field
              + "\" at row " + i + "): give it to an encoder (OneHotEncoder, OrdinalEncoder)");
        }
      }
    }
    return sub;
  }

  /** The parts side by side ({@code np.hstack}). */
  static double[][] hstack(List<double[][]> parts, int n) {
    int width = parts.stream().mapToInt(p -> p[0].length).sum();
    double[][] out = new double[n][width];
    for (int i = 0; i < n; i++) {
      int at = 0;
      for (double[][] part : parts) {
        System.arraycopy(part[i], 0, out[i], at, part[i].length);
        at += part[i].length;
      }
    }
    return out;
  }

  /**
   * A transformer's output names for these input names: the encoder's own, the inputs for a
   * one-to-one transformer, else scikit-learn's class-name prefix ({@code pca0, pca1...}).
   */
  static String[] namesOut(Transformer t, String[] in, int width) {
    if (t instanceof OneHotEncoder o) {
      return o.getFeatureNamesOut(in);
    }
    if (ONE_TO_ONE.contains(t.getClass().getSimpleName()) && width == in.length) {
      return in;
    }
    String prefix = t.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    return java.util.stream.IntStream.range(0, width).mapToObj(k -> prefix + k)
        .toArray(String[]::new);
  }
}
