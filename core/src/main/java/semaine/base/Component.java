package semaine.base;

/**
 * A named part of a composite estimator: a pipeline's step, a column transformer's transformer.
 * A parameter whose value is a {@code List} of components (a pipeline's {@code steps}) makes each
 * part's estimator a parameter of the composite under the part's name, and each of the part's
 * parameters one under {@code name__param}, as scikit-learn's {@code _BaseComposition} does:
 * {@code pipe.setParam("knn__n_neighbors", 7)}, {@code pipe.setParam("knn", new KNeighborsClassifier())}.
 */
public interface Component {

  /** The part's name, unique in its composite and free of {@code "__"}. */
  String name();

  /** The part's estimator. */
  Estimator estimator();

  /** The same part with another estimator (what setting the part's name by name does). */
  Component with(Estimator replacement);

  /**
   * Checks a part's name as scikit-learn's {@code _validate_names} does.
   *
   * @throws IllegalArgumentException for a null or empty name, or one containing {@code "__"}
   */
  static String checkName(String role, String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException(role + " name (" + Rule.show(name)
          + ") must be a non-empty string");
    }
    if (name.contains("__")) {
      throw new IllegalArgumentException(role + " name (" + Rule.show(name) + ") must not contain"
          + " \"__\": it separates a part's name from its parameters (" + role + "__param)");
    }
    return name;
  }
}
