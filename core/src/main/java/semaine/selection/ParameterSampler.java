package semaine.selection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import semaine.random.RandomState;
import semaine.random.SampleWithoutReplacement;

/**
 * {@code n_iter} parameter settings drawn as scikit-learn 1.9's {@code ParameterSampler} draws
 * them from a {@code RandomState}:
 * <ul>
 *   <li>when every value is a list, distinct combinations of the {@link ParameterGrid}, chosen by
 *       {@code sample_without_replacement(grid_size, n_iter)} (all of them, in grid order, once
 *       if the grid is smaller than {@code n_iter});</li>
 *   <li>otherwise, {@code n_iter} times: a dict chosen by {@code rng.choice} (no draw for a single
 *       one), then for each name in sorted order a {@link Distribution}'s {@code rvs(rng)} or a
 *       list's {@code values[rng.randint(len(values))]}.</li>
 * </ul>
 */
public final class ParameterSampler {

  private ParameterSampler() {}

  /**
   * The settings, each a map from parameter name to value, names sorted.
   *
   * @param distributions dicts from names to a {@code List} of values or a {@link Distribution}
   * @throws IllegalArgumentException for no dict, an empty one, an empty list, or a value that is
   *     neither a list nor a distribution
   */
  public static List<Map<String, Object>> sample(
      List<? extends Map<String, ?>> distributions, int nIter, RandomState random) {
    if (nIter < 1) {
      throw new IllegalArgumentException("n_iter (" + nIter + ") must be an int in [1, inf)");
    }
    if (distributions == null || distributions.isEmpty()) {
      throw new IllegalArgumentException("param_distributions is empty: give at least one"
          + " parameter and its values or distribution");
    }
    boolean allLists = true;
    List<TreeMap<String, Object>> dicts = new ArrayList<>();
    for (Map<String, ?> dict : distributions) {
      if (dict == null || dict.isEmpty()) {
        throw new IllegalArgumentException("param_distributions has an empty dict ({})");
      }
      TreeMap<String, Object> sorted = new TreeMap<>();
      dict.forEach((name, value) -> {
        if (value instanceof List<?> list) {
          if (list.isEmpty()) {
            throw new IllegalArgumentException("param_distributions' " + name + " ([]) must be a"
                + " non-empty list of values");
          }
          // a copy that may hold null (scikit-learn's None)
          sorted.put(name,
              java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list)));
        } else if (value instanceof Distribution) {
          sorted.put(name, value);
        } else {
          throw new IllegalArgumentException("param_distributions' " + name + " (" + value
              + ") must be a list of values or a Distribution (uniform, randint)");
        }
      });
      allLists &= sorted.values().stream().allMatch(List.class::isInstance);
      dicts.add(sorted);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    if (allLists) {
      List<Map<String, List<?>>> grids = new ArrayList<>();
      for (TreeMap<String, Object> dict : dicts) {
        Map<String, List<?>> grid = new LinkedHashMap<>();
        dict.forEach((name, values) -> grid.put(name, (List<?>) values));
        grids.add(grid);
      }
      ParameterGrid grid = new ParameterGrid(grids);
      int n = Math.min(nIter, grid.size());
      for (int i : SampleWithoutReplacement.sample(random, grid.size(), n)) {
        out.add(grid.get(i));
      }
      return out;
    }
    for (int it = 0; it < nIter; it++) {
      TreeMap<String, Object> dict = dicts.size() == 1 ? dicts.get(0)
          : dicts.get(random.choice(dicts.size()));
      Map<String, Object> params = new TreeMap<>();
      dict.forEach((name, value) -> params.put(name, value instanceof Distribution d
          ? d.rvs(random) : ((List<?>) value).get((int) random.randint(0, ((List<?>) value).size()))));
      out.add(params);
    }
    return out;
  }
}
