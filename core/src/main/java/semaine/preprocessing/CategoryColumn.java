package semaine.preprocessing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import semaine.base.Nullable;

/**
 * The categories an encoder learned for one column, as scikit-learn 1.9's {@code _BaseEncoder._fit}
 * learns them: the distinct values sorted ({@code np.unique}: strings by code point, numbers by
 * value), the missing value (None or NaN) last when there was one, the count of each, and which
 * are infrequent ({@code _identify_infrequent}).
 *
 * @param categories the names of the categories seen, sorted, without the missing one: the text,
 *     or the number as Python's {@code str} spells it ({@code "1.0"})
 * @param values the categories as numbers for a numeric column, sorted; null for text
 * @param missing whether a missing value was seen: it is then category {@code categories.size()}
 * @param counts how often each category occurs, missing last
 * @param infrequent the indices of the infrequent categories, ascending; null when none
 */
record CategoryColumn(List<String> categories, @Nullable double[] values, boolean missing,
    int[] counts, @Nullable int[] infrequent) {

  /** scikit-learn's name of the category that stands for every infrequent one. */
  static final String INFREQUENT = "infrequent_sklearn";

  /**
   * Learns column {@code j}: its categories and counts, then the infrequent ones.
   *
   * @param minFrequency null, an int count or a double fraction of the samples: categories seen
   *     fewer times are infrequent
   * @param maxCategories null or the most output categories, the infrequent one included
   * @param ignoreMissing whether the missing category is left out of the infrequent ones
   *     (OrdinalEncoder) or counted like any other (OneHotEncoder)
   */
  static CategoryColumn fit(CategoricalInput X, int j, Object minFrequency,
      Integer maxCategories, boolean ignoreMissing) {
    int n = X.nRows();
    int missingCount = 0;
    List<String> names = new ArrayList<>();
    double[] values = null;
    int[] counts;
    if (X.isText()) {
      TreeMap<String, Integer> seen = new TreeMap<>();
      for (String[] row : X.text()) {
        if (row[j] == null) {
          missingCount++;
        } else {
          seen.merge(row[j], 1, Integer::sum);
        }
      }
      names.addAll(seen.keySet());
      counts = seen.values().stream().mapToInt(Integer::intValue).toArray();
    } else {
      TreeMap<Double, Integer> seen = new TreeMap<>();
      for (double[] row : X.numbers()) {
        if (Double.isNaN(row[j])) {
          missingCount++;
        } else {
          seen.merge(row[j] + 0.0, 1, Integer::sum);   // + 0.0: -0.0 and 0.0 are one category
        }
      }
      values = seen.keySet().stream().mapToDouble(Double::doubleValue).toArray();
      for (double v : values) {
        names.add(semaine.data.Csv.formatDouble(v));
      }
      counts = seen.values().stream().mapToInt(Integer::intValue).toArray();
    }
    boolean missing = missingCount > 0;
    if (missing) {
      counts = Arrays.copyOf(counts, counts.length + 1);
      counts[counts.length - 1] = missingCount;
    }
    int[] forInfrequent = missing && ignoreMissing ? Arrays.copyOf(counts, counts.length - 1)
        : counts;
    return new CategoryColumn(List.copyOf(names), values, missing, counts,
        infrequent(forInfrequent, n, minFrequency, maxCategories));
  }

  /**
   * scikit-learn's {@code _identify_infrequent}: counts below {@code min_frequency} (a count, or a
   * fraction of n), then, if more than {@code max_categories - 1} remain frequent, the smallest
   * counts (a stable sort, so the first of equal counts stay frequent) until that many are left.
   */
  private static int[] infrequent(int[] counts, int n, Object minFrequency,
      Integer maxCategories) {
    boolean[] rare = new boolean[counts.length];
    int nRare = 0;
    for (int k = 0; k < counts.length; k++) {
      rare[k] = switch (minFrequency) {
        case Integer m -> counts[k] < m;
        case Double f -> counts[k] < n * f;
        case null, default -> false;
      };
      nRare += rare[k] ? 1 : 0;
    }
    if (maxCategories != null && maxCategories < counts.length - nRare + 1) {
      int keep = maxCategories - 1;
      Integer[] order = new Integer[counts.length];
      for (int k = 0; k < order.length; k++) {
        order[k] = k;
      }
      Arrays.sort(order, (a, b) -> Integer.compare(counts[a], counts[b]));   // stable
      for (int r = 0; r < counts.length - keep; r++) {
        rare[order[r]] = true;
      }
    }
    int[] out = java.util.stream.IntStream.range(0, counts.length).filter(k -> rare[k]).toArray();
    return out.length == 0 ? null : out;
  }

  /** The number of categories learned, the missing one included. */
  int size() {
    return categories.size() + (missing ? 1 : 0);
  }

  /** The index of the missing category, or -1 when none was seen. */
  int missingIndex() {
    return missing ? categories.size() : -1;
  }

  /** The name of category k: its text or number, "None" or "nan" for the missing one. */
  String name(int k) {
    return k < categories.size() ? categories.get(k) : values == null ? "None" : "nan";
  }

  /** The index of cell (i, j) among the categories, or -1 for a value not seen at fit. */
  int indexOf(CategoricalInput X, int i, int j) {
    if (X.isMissing(i, j)) {
      return missingIndex();
    }
    int k = X.isText() ? Collections.binarySearch(categories, X.text()[i][j])
        : Arrays.binarySearch(values, X.numbers()[i][j] + 0.0);
    return k >= 0 ? k : -1;
  }

  /**
   * scikit-learn's {@code _default_to_infrequent_mappings}: each category's index after the
   * infrequent ones are grouped (frequent ones keep their order, the group comes last); null when
   * none is infrequent. With {@code ignoreMissing} the missing category is not mapped.
   */
  int[] grouping(boolean ignoreMissing) {
    if (infrequent == null) {
      return null;
    }
    int n = ignoreMissing && missing ? size() - 1 : size();
    int nFrequent = n - infrequent.length;
    int[] mapping = new int[n];
    int next = 0;
    for (int k = 0; k < n; k++) {
      mapping[k] = Arrays.binarySearch(infrequent, k) >= 0 ? nFrequent : next++;
    }
    return mapping;
  }

  /** The categories after grouping: the frequent ones in order, then "infrequent_sklearn". */
  List<String> groupedNames() {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < size(); k++) {
      if (infrequent == null || Arrays.binarySearch(infrequent, k) < 0) {
        out.add(name(k));
      }
    }
    if (infrequent != null) {
      out.add(INFREQUENT);
    }
    return out;
  }

  /** The infrequent categories' names ({@code infrequent_categories_}), or null. */
  List<String> infrequentNames() {
    return infrequent == null ? null : Arrays.stream(infrequent).mapToObj(this::name).toList();
  }

  /**
   * Every cell of X as its category's index after grouping (scikit-learn's {@code _transform} then
   * {@code _map_infrequent_categories}), -1 for an unknown value left unknown. An unknown value
   * becomes the column's infrequent category when it has one and {@code unknownToInfrequent}.
   *
   * @throws IllegalArgumentException for an unknown value when {@code errorOnUnknown}, naming the
   *     values, the column and the known categories
   */
  static int[][] encode(CategoryColumn[] columns, CategoricalInput X, boolean errorOnUnknown,
      boolean unknownToInfrequent, boolean ignoreMissing, String encoder) {
    if (X.nColumns() != columns.length) {
      throw new IllegalArgumentException("X has " + X.nColumns() + " features but " + encoder
          + " was fitted with " + columns.length);
    }
    boolean text = columns[0].values() == null;
    if (X.isText() != text) {
      throw new IllegalArgumentException("X is " + (X.isText() ? "text" : "numbers") + " but "
          + encoder + " was fitted on " + (text ? "text" : "numbers") + ": give the same kind");
    }
    int n = X.nRows();
    int[][] codes = new int[n][columns.length];
    for (int j = 0; j < columns.length; j++) {
      CategoryColumn column = columns[j];
      java.util.Set<String> unknown = new java.util.LinkedHashSet<>();
      int[] mapping = column.grouping(ignoreMissing);
      for (int i = 0; i < n; i++) {
        int k = column.indexOf(X, i, j);
        if (k < 0) {
          unknown.add(X.name(i, j));
          codes[i][j] = mapping != null && unknownToInfrequent ? mapping[column.infrequent()[0]]
              : -1;
        } else if (mapping != null && !(ignoreMissing && k == column.missingIndex())) {
          codes[i][j] = mapping[k];
        } else {
          codes[i][j] = k;
        }
      }
      if (errorOnUnknown && !unknown.isEmpty()) {
        throw new IllegalArgumentException("Found unknown categories " + unknown + " in column "
            + j + " during transform (handle_unknown='error'); the categories seen at fit are "
            + column.categories() + (column.missing() ? " and a missing value" : ""));
      }
    }
    return codes;
  }

  /** Every column's categories by name ({@code categories_}), the missing one last. */
  static List<List<String>> names(CategoryColumn[] columns) {
    return Arrays.stream(columns)
        .map(c -> java.util.stream.IntStream.range(0, c.size()).mapToObj(c::name).toList())
        .toList();
  }

  /** Every column's infrequent categories, null for a column without. */
  static List<List<String>> infrequentNames(CategoryColumn[] columns) {
    return Arrays.stream(columns).map(CategoryColumn::infrequentNames).toList();
  }
}
