package semaine.selection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every combination of parameter values, in scikit-learn 1.9's {@code ParameterGrid} order: the
 * grids in list order; inside a grid the names sorted and the values crossed as
 * {@code itertools.product}, the last name varying fastest. {@code get(i)} is the i-th
 * combination without building the others, as {@code ParameterGrid.__getitem__}.
 *
 * <pre>{@code
 * var grid = new ParameterGrid(Map.of("n_neighbors", List.of(1, 3, 5),
 *     "weights", List.of("uniform", "distance")));
 * grid.get(1);   // {n_neighbors=1, weights=distance}
 * }</pre>
 */
public final class ParameterGrid {

  private final List<TreeMap<String, List<?>>> grids;

  /** The combinations of one grid. */
  public ParameterGrid(Map<String, ? extends List<?>> grid) {
    this(List.of(grid));
  }

  /**
   * The combinations of several grids, one after the other.
   *
   * @throws IllegalArgumentException for no grid, a grid naming no parameter, or a parameter
   *     with no value
   */
  public ParameterGrid(List<? extends Map<String, ? extends List<?>>> grids) {
    if (grids == null || grids.isEmpty()) {
      throw new IllegalArgumentException("param_grid is empty: give at least one parameter and"
          + " its values, as {\"n_neighbors\": [1, 3, 5]}");
    }
    List<TreeMap<String, List<?>>> checked = new ArrayList<>();
    for (Map<String, ? extends List<?>> grid : grids) {
      if (grid == null || grid.isEmpty()) {
        throw new IllegalArgumentException("param_grid has an empty grid ({}): give at least one"
            + " parameter and its values, as {\"n_neighbors\": [1, 3, 5]}");
      }
      TreeMap<String, List<?>> sorted = new TreeMap<>();
      grid.forEach((name, values) -> {
        if (values == null || values.isEmpty()) {
          throw new IllegalArgumentException("param_grid's " + name + " (" + values + ") must be"
              + " a non-empty list of values");
        }
        // a copy that may hold null (scikit-learn's None: max_depth=[None, 8])
        sorted.put(name, java.util.Collections.unmodifiableList(new ArrayList<>(values)));
      });
      checked.add(sorted);
    }
    this.grids = List.copyOf(checked);
  }

  /** The number of combinations. */
  public int size() {
    long total = 0;
    for (TreeMap<String, List<?>> grid : grids) {
      long product = 1;
      for (List<?> values : grid.values()) {
        product *= values.size();
      }
      total += product;
    }
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("param_grid has " + total + " combinations: too many");
    }
    return (int) total;
  }

  /**
   * The i-th combination, names in sorted order.
   *
   * @throws IndexOutOfBoundsException outside [0, size())
   */
  public Map<String, Object> get(int index) {
    int i = index;
    for (TreeMap<String, List<?>> grid : grids) {
      int product = 1;
      for (List<?> values : grid.values()) {
        product *= values.size();
      }
      if (i >= product) {
        i -= product;
        continue;
      }
      List<String> names = new ArrayList<>(grid.keySet());
      Collections.reverse(names);
      Map<String, Object> reversed = new LinkedHashMap<>();
      for (String name : names) {
        List<?> values = grid.get(name);
        reversed.put(name, values.get(i % values.size()));
        i /= values.size();
      }
      return new TreeMap<>(reversed);
    }
    throw new IndexOutOfBoundsException("combination " + index + " of a grid of " + size());
  }

  /** Every combination, in order. */
  public List<Map<String, Object>> all() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      out.add(get(i));
    }
    return out;
  }

  /** The parameter names the grids use, sorted, each once. */
  List<String> names() {
    return grids.stream().flatMap(g -> g.keySet().stream()).distinct().sorted().toList();
  }
}
