package semaine.base;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * The checks every estimator passes, as scikit-learn's {@code check_estimator}: parameters listed
 * and settable by name, {@code clone} giving an unfitted equal copy, {@code fit} rejecting each
 * invalid parameter by name, and the fitted state surviving a round trip. Failures throw
 * {@link AssertionError} with what differed, so any test framework can run them; semaine's own
 * tests run them over every estimator, and an estimator written outside semaine can be checked the
 * same way.
 */
public final class EstimatorChecks {

  /** Values tried as invalid settings: one of them breaks each rule semaine uses. */
  private static final List<Object> INVALID = List.of(-1, 0, -0.5, 1.5, "no-such-option");

  private EstimatorChecks() {}

  /**
   * Runs every check on a fresh estimator with default parameters (except those the caller set),
   * fitting it on X and, for classifiers and regressors, y ({@code int[]} or {@code double[]}).
   *
   * @throws AssertionError naming the check and the parameter or attribute that failed
   */
  public static void checkEstimator(Estimator estimator, double[][] X, Object y) {
    checkEstimator(estimator, e -> fit(e, X, y), (a, b) -> sameAnswers(a, b, X));
  }

  /**
   * The same checks for an estimator with none of the roles, such as a reinforcement-learning
   * agent, which learns from an environment rather than from X: {@code fit} fits the estimator
   * given (a clone of {@code estimator}), and {@code sameAnswers} says whether two fitted ones
   * answer alike (pick the same actions).
   *
   * @throws AssertionError naming the check and the parameter or attribute that failed
   */
  public static void checkEstimator(Estimator estimator, Consumer<Estimator> fit,
      BiPredicate<Estimator, Estimator> sameAnswers) {
    checkParams(estimator);
    checkClone(estimator);
    checkFitValidates(estimator, fit);
    checkFittedStateRoundTrip(estimator, fit, sameAnswers);
    checkSaveLoad(estimator, fit, sameAnswers);
  }

  /** A model saved to a model file and loaded back answers with the same bits. */
  static void checkSaveLoad(Estimator estimator, Consumer<Estimator> fit,
      BiPredicate<Estimator, Estimator> sameAnswers) {
    Estimator fitted = estimator.clone();
    fit.accept(fitted);
    var bytes = new java.io.ByteArrayOutputStream();
    Estimator loaded;
    try {
      Models.save(fitted, bytes, List.of(), List.of());
      loaded = Models.load(new java.io.ByteArrayInputStream(bytes.toByteArray()), "model");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    check(loaded.getClass() == fitted.getClass(), estimator, "loaded a "
        + loaded.getClass().getSimpleName());
    check(sameParams(fitted, loaded), estimator, "the loaded parameters differ: "
        + loaded.getParams() + " vs " + fitted.getParams());
    FittedState state = fitted.fittedState();
    FittedState again = loaded.fittedState();
    check(state.names().equals(again.names()), estimator, "the loaded state has "
        + again.names() + ", not " + state.names());
    for (String name : state.names()) {
      check(Objects.deepEquals(state.values().get(name), again.values().get(name)), estimator,
          "attribute " + name + " changed through the model file");
    }
    check(sameAnswers.test(fitted, loaded), estimator, "the loaded model answers differently");
  }

  /** Names listed once, readable and settable by name; unknown names refused with the list. */
  static void checkParams(Estimator estimator) {
    List<String> names = estimator.paramNames();
    check(!names.isEmpty(), estimator, "lists no parameter");
    check(names.stream().distinct().count() == names.size(), estimator, "lists a name twice");
    Map<String, Object> params = estimator.getParams();
    for (String name : names) {
      check(params.containsKey(name), estimator, "getParams() lacks " + name);
      Object value = estimator.getParam(name);
      estimator.setParam(name, value);
      check(Objects.deepEquals(value, estimator.getParam(name)), estimator,
          "setParam(" + name + ", getParam(" + name + ")) changed the value");
    }
    try {
      estimator.getParam("no_such_parameter");
      fail(estimator, "getParam accepted an unknown name");
    } catch (IllegalArgumentException e) {
      check(e.getMessage().contains(names.get(0)), estimator,
          "the unknown-name error does not list the parameters: " + e.getMessage());
    }
  }

  /** {@code clone()} is another, unfitted estimator of the same class with equal parameters. */
  static void checkClone(Estimator estimator) {
    Estimator copy = estimator.clone();
    check(copy != estimator && copy.getClass() == estimator.getClass(), estimator,
        "clone() is not a new estimator of the same class");
    check(!copy.isFitted(), estimator, "clone() is fitted");
    check(sameParams(estimator, copy), estimator, "clone() changed the parameters: "
        + copy.getParams() + " vs " + estimator.getParams());
  }

  /**
   * For each parameter, an invalid value is either refused when set (a value of no kind the
   * parameter takes) or stored and refused by {@code fit}; both messages start with its name.
   */
  static void checkFitValidates(Estimator estimator, Consumer<Estimator> fit) {
    for (String name : estimator.paramNames()) {
      boolean rejected = false;
      for (Object bad : INVALID) {
        Estimator candidate = estimator.clone();
        try {
          candidate.setParam(name, bad);
        } catch (IllegalArgumentException e) {
          check(e.getMessage().startsWith(name + " ("), estimator,
              "setParam(" + name + ", " + bad + ") failed without naming it: " + e.getMessage());
          rejected = true;
          continue;
        }
        try {
          candidate.validateParams();
          continue;   // a valid value for this parameter
        } catch (IllegalArgumentException e) {
          check(e.getMessage().startsWith(name + " ("), estimator,
              "validateParams() for " + name + "=" + bad + " says: " + e.getMessage());
        }
        try {
          fit.accept(candidate);
          fail(estimator, "fit accepted " + name + "=" + bad);
        } catch (IllegalArgumentException e) {
          check(e.getMessage().startsWith(name + " ("), estimator,
              "fit with " + name + "=" + bad + " failed without naming it: " + e.getMessage());
        }
        rejected = true;
      }
      check(rejected, estimator, "no invalid value of " + name + " was found to test its rule");
    }
  }

  /** A fitted estimator rebuilt from its state has the same state and the same answers. */
  static void checkFittedStateRoundTrip(Estimator estimator, Consumer<Estimator> fit,
      BiPredicate<Estimator, Estimator> sameAnswers) {
    Estimator fitted = estimator.clone();
    try {
      fitted.fittedState();
      fail(estimator, "fittedState() before fit did not throw IllegalStateException");
    } catch (IllegalStateException expected) {
      // as it should
    }
    fit.accept(fitted);
    check(fitted.isFitted(), estimator, "isFitted() is false after fit");
    FittedState state = fitted.fittedState();
    check(!estimator.clone().isFitted(), estimator, "clone() of a fitted estimator is fitted");
    Estimator restored = fitted.clone().restore(state);
    FittedState again = restored.fittedState();
    check(state.names().equals(again.names()), estimator,
        "restored state has " + again.names() + ", not " + state.names());
    for (String name : state.names()) {
      check(Objects.deepEquals(state.values().get(name), again.values().get(name)), estimator,
          "attribute " + name + " changed through the round trip");
    }
    for (String name : fitted.attributes().keySet()) {
      check(!FittedState.isPrivate(name), estimator, "attributes() shows private " + name);
    }
    check(sameAnswers.test(fitted, restored), estimator,
        "the restored estimator answers differently on X");
  }

  private static boolean sameAnswers(Estimator a, Estimator b, double[][] X) {
    return switch (a) {
      case Classifier c -> Arrays.equals(c.predict(X), ((Classifier) b).predict(X))
          && Arrays.equals(c.classes(), ((Classifier) b).classes());
      case Regressor r -> Arrays.equals(r.predict(X), ((Regressor) b).predict(X));
      case Transformer t -> Arrays.deepEquals(t.transform(X), ((Transformer) b).transform(X));
      case Clusterer c -> Arrays.equals(c.labels(), ((Clusterer) b).labels());
      case OutlierDetector o -> o.offset() == ((OutlierDetector) b).offset();
      default -> true;
    };
  }

  private static void fit(Estimator estimator, double[][] X, Object y) {
    switch (estimator) {
      case Classifier c -> c.fit(X, (int[]) y);
      case Regressor r -> r.fit(X, (double[]) y);
      case Clusterer c -> c.fit(X);
      case Transformer t -> t.fit(X);
      case OutlierDetector o -> o.fit(X);
      default -> throw new AssertionError(estimator.getClass().getSimpleName() + " has no role");
    }
  }

  private static boolean sameParams(Estimator a, Estimator b) {
    Map<String, Object> pa = a.getParams();
    Map<String, Object> pb = b.getParams();
    if (!pa.keySet().equals(pb.keySet())) {
      return false;
    }
    for (String name : pa.keySet()) {
      Object va = pa.get(name);
      Object vb = pb.get(name);
      // a RandomState's stream is not a value: a clone has a copy, a loaded model None
      boolean equal = va instanceof semaine.random.RandomState
          ? vb == null || vb instanceof semaine.random.RandomState
          : va instanceof Estimator ? vb != null && va.getClass() == vb.getClass()
          : va instanceof List<?> parts && parts.stream().anyMatch(Component.class::isInstance)
              ? sameParts(parts, vb)
          : Objects.deepEquals(va, vb);
      if (!equal) {
        return false;
      }
    }
    return true;
  }

  /** A composite's parts compare by name and class (their parameters are compared by name). */
  private static boolean sameParts(List<?> a, Object b) {
    if (!(b instanceof List<?> other) || other.size() != a.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!(a.get(i) instanceof Component pa) || !(other.get(i) instanceof Component pb)
          || !pa.name().equals(pb.name())
          || pa.estimator().getClass() != pb.estimator().getClass()) {
        return false;
      }
    }
    return true;
  }

  private static void check(boolean condition, Estimator estimator, String what) {
    if (!condition) {
      fail(estimator, what);
    }
  }

  private static void fail(Estimator estimator, String what) {
    throw new AssertionError(estimator.getClass().getSimpleName() + ": " + what);
  }
}
