package semaine.selection;

import java.util.List;
import java.util.Map;
import semaine.base.Estimator;

/**
 * Exhaustive search over a grid of parameter values, as scikit-learn 1.9's {@code GridSearchCV}:
 * every combination of the {@link ParameterGrid}, in its order, is cross-validated on the same
 * folds; see {@link BaseSearchCV} for the results.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * var search = new GridSearchCV(new KNeighborsClassifier(),
 *     Map.of("n_neighbors", List.of(1, 3, 5, 7), "weights", List.of("uniform", "distance")))
 *     .cv(5).nJobs(-1).fit(X, y);                 // GridSearchCV(knn, grid, cv=5, n_jobs=-1)
 * search.bestParams();                            // search.best_params_
 * }</pre>
 */
public final class GridSearchCV extends BaseSearchCV<GridSearchCV> {

  private final ParameterGrid grid;

  /**
   * A search over one grid; names may reach nested estimators ({@code knn__n_neighbors}).
   *
   * @throws IllegalArgumentException for an empty grid or an empty list of values
   */
  public GridSearchCV(Estimator estimator, Map<String, ? extends List<?>> paramGrid) {
    super(estimator);
    this.grid = new ParameterGrid(paramGrid);
  }

  /** A search over several grids, one after the other. */
  public GridSearchCV(Estimator estimator, List<? extends Map<String, ? extends List<?>>> grids) {
    super(estimator);
    this.grid = new ParameterGrid(grids);
  }

  @Override
  List<Map<String, Object>> candidates() {
    return grid.all();
  }
}
