package semaine.base;

import java.util.List;
import java.util.Map;

/**
 * What every semaine model has, as scikit-learn's {@code BaseEstimator}: parameters as data and a
 * fitted state as data.
 *
 * <p>Parameters are listed, read and set by their scikit-learn names ({@code n_neighbors},
 * {@code max_depth}, {@code C}); setting one only stores it, and {@code fit} checks them all at
 * once. {@link #clone()} gives an unfitted copy with the same parameters. A nested estimator's
 * parameters are reached as {@code step__param}, as in scikit-learn. The typed, chained setters
 * of each class ({@code new KMeans().nClusters(3).randomState(0)}) are the front door; the
 * by-name access is what pipelines, search, model files and the command line use.
 *
 * <p>A fitted estimator hands its learned attributes as a {@link FittedState} (named arrays and
 * scalars: {@code cluster_centers_}, {@code coef_}, the trees' node arrays...) and can be rebuilt
 * from one, which is all a model file needs.
 */
public interface Estimator {

  /** scikit-learn's class this estimator mirrors, as {@code sklearn.cluster.KMeans}. */
  String sklearnName();

  /** The parameter names, in declaration order ({@code get_params(deep=False).keys()}). */
  List<String> paramNames();

  /**
   * A parameter's value by name; {@code a__b} reads parameter b of the estimator in parameter a.
   *
   * @throws IllegalArgumentException for an unknown name, listing the valid ones
   */
  Object getParam(String name);

  /** Every parameter by name, nested ones as {@code a__b} ({@code get_params()}). */
  Map<String, Object> getParams();

  /**
   * Stores a parameter by name ({@code set_params(name=value)}); text is read in the parameter's
   * type ("5", "0.1", "auto", "true", "None"). Checked at {@code fit}, or by
   * {@link #validateParams()}.
   *
   * @return this estimator
   * @throws IllegalArgumentException for an unknown name, or a value of no kind the parameter
   *     takes ("abc" for an int)
   */
  Estimator setParam(String name, Object value);

  /** {@link #setParam} for each entry, in order. */
  default Estimator setParams(Map<String, ?> params) {
    params.forEach(this::setParam);
    return this;
  }

  /**
   * Checks every parameter against its rules, as {@code fit} does first.
   *
   * @throws IllegalArgumentException naming the first invalid parameter, its value and the rule
   */
  void validateParams();

  /**
   * A new, unfitted estimator with the same parameters (scikit-learn's {@code clone}): nested
   * estimators are cloned, arrays and {@code RandomState}s copied.
   */
  Estimator clone();

  /** True once {@code fit} (or {@link #restore}) has run. */
  boolean isFitted();

  /**
   * The learned attributes as named arrays and scalars.
   *
   * @throws IllegalStateException before {@code fit}
   */
  FittedState fittedState();

  /**
   * Makes this estimator fitted with the given state, as if {@code fit} had produced it; the
   * parameters must be those it was fitted with.
   *
   * @return this estimator
   * @throws IllegalArgumentException when an attribute is missing or of the wrong type or shape
   */
  Estimator restore(FittedState state);

  /**
   * The fitted attributes a scikit-learn user reads, by their names ({@code coef_},
   * {@code labels_}...): the public part of {@link #fittedState()}.
   */
  default Map<String, Object> attributes() {
    return fittedState().attributes();
  }
}
