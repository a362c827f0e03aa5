package semaine.selection;

import java.util.List;
import java.util.Map;
import semaine.base.Estimator;
import semaine.random.RandomState;

/**
 * Search over {@code n_iter} settings drawn at random, as scikit-learn 1.9's
 * {@code RandomizedSearchCV}: the settings come from {@link ParameterSampler} with the search's
 * {@code random_state} (None, a seed, or a shared {@code RandomState}), so the same seed draws the
 * same settings as scikit-learn; see {@link BaseSearchCV} for the results.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * var search = new RandomizedSearchCV(new KNeighborsClassifier(),
 *     Map.of("n_neighbors", Distribution.randint(1, 30), "weights", List.of("uniform", "distance")))
 *     .nIter(10).randomState(0).fit(X, y);
 * }</pre>
 */
public final class RandomizedSearchCV extends BaseSearchCV<RandomizedSearchCV> {

  private final List<Map<String, ?>> distributions;
  private int nIter = 10;
  private Object randomState = null;

  /**
   * A search over one dict of lists and {@link Distribution}s.
   *
   * @throws IllegalArgumentException for an empty dict
   */
  public RandomizedSearchCV(Estimator estimator, Map<String, ?> paramDistributions) {
    this(estimator, List.of(paramDistributions));
  }

  /** A search over several dicts, one chosen at random for each setting. */
  public RandomizedSearchCV(Estimator estimator, List<? extends Map<String, ?>> distributions) {
    super(estimator);
    if (distributions == null || distributions.isEmpty()
        || distributions.stream().anyMatch(d -> d == null || d.isEmpty())) {
      throw new IllegalArgumentException("param_distributions is empty: give at least one"
          + " parameter and its values or distribution");
    }
    this.distributions = List.copyOf(distributions);
  }

  /** The number of settings drawn ({@code n_iter}, default 10). */
  public RandomizedSearchCV nIter(int nIter) {
    if (nIter < 1) {
      throw new IllegalArgumentException("n_iter (" + nIter + ") must be an int in [1, inf)");
    }
    this.nIter = nIter;
    return this;
  }

  /** A seed (a new {@code RandomState(seed)} per fit) or a shared {@code RandomState}. */
  public RandomizedSearchCV randomState(long seed) {
    this.randomState = seed;
    return this;
  }

  /** A shared stream, advanced by each fit. */
  public RandomizedSearchCV randomState(RandomState random) {
    this.randomState = random;
    return this;
  }

  @Override
  List<Map<String, Object>> candidates() {
    RandomState random = randomState == null ? new RandomState()
        : randomState instanceof RandomState shared ? shared : new RandomState((Long) randomState);
    return ParameterSampler.sample(distributions, nIter, random);
  }
}
