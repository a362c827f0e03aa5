package semaine.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import semaine.base.Classifier;
import semaine.base.Clusterer;
import semaine.base.Estimator;
import semaine.base.OutlierDetector;
import semaine.base.Regressor;
import semaine.base.Transformer;
import semaine.data.Dataset;
import semaine.util.Repr;

/**
 * What a saved model answers for a block of rows, by its role: class labels (as the training file
 * wrote them) and, when asked, probabilities for a classifier; values for a regressor; clusters
 * for a clusterer; labels and scores for an outlier detector; rows for a transformer. Blocks are
 * answered one at a time and {@link #concat} puts them end to end, so {@code predict} can stream a
 * file of any size and still print one JSON object for a small one.
 *
 * @param predictions one answer per row: a label, a value, a cluster, an outlier label, or a
 *     transformed row (double[])
 * @param probabilities each row's class probabilities, in the classes' order, or null
 * @param scores each row's outlier score ({@code score_samples}), or null
 */
record Answers(List<Object> predictions, double[][] probabilities, double[] scores) {

  /**
   * How one model answers: its role's call, the class labels (names as the training file wrote
   * them, and as values: numbers as numbers, null without names) and whether to add probabilities.
   */
  record Model(Estimator estimator, List<String> classNames, List<Object> classValues,
      boolean proba) {

    /** The model of a file whose classes are {@code classNames} (empty: class ids). */
    static Model of(Estimator estimator, List<String> classNames, boolean proba) {
      return new Model(estimator, classNames,
          classNames.isEmpty() ? null : Dataset.classValues(classNames), proba);
    }

    /** The answers for rows X. */
    Answers answer(double[][] X) {
      return switch (estimator) {
        case Classifier c -> new Answers(labels(c.predict(X)),
            proba ? unsupported(() -> c.predictProba(X)) : null, null);
        case Regressor r -> new Answers(boxed(r.predict(X)), null, null);
        case Clusterer c -> new Answers(boxed(unsupported(() -> c.predict(X))), null, null);
        case OutlierDetector o -> new Answers(boxed(o.predict(X)), null, o.scoreSamples(X));
        case Transformer t -> new Answers(List.of((Object[]) t.transform(X)), null, null);
        default -> throw new UsageException("a " + estimator.getClass().getSimpleName()
            + " predicts nothing");
      };
    }

    /** The answers for rows given as fields, for a pipeline that reads text. */
    Answers answer(Features Q) {
      return switch (estimator) {
        case Classifier c -> new Answers(labels(Q.predict(c)),
            proba ? unsupported(() -> Q.predictProba(c)) : null, null);
        case Regressor r -> new Answers(boxed(Q.predict(r)), null, null);
        default -> throw new UsageException("a " + estimator.getClass().getSimpleName()
            + " reading text predicts nothing");
      };
    }

    /** The CSV header of the answers: prediction, one column per class's probability, score. */
    List<String> header(int width) {
      List<String> header = new ArrayList<>();
      if (estimator instanceof Transformer) {
        for (int j = 0; j < width; j++) {
          header.add("x" + j);
        }
        return header;
      }
      header.add("prediction");
      if (proba) {
        header.addAll(classNames.isEmpty() ? ids(width) : classNames);
      }
      if (estimator instanceof OutlierDetector) {
        header.add("score");
      }
      return header;
    }

    private List<Object> labels(int[] ids) {
      List<Object> out = new ArrayList<>(ids.length);
      for (int id : ids) {
        out.add(classValues == null ? (Object) id : classValues.get(id));
      }
      return out;
    }

    private static List<String> ids(int n) {
      List<String> ids = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        ids.add(String.valueOf(k));
      }
      return ids;
    }
  }

  /** Number of rows answered. */
  int size() {
    return predictions.size();
  }

  /** Row i as a line for a person: the answer, then probabilities (4 decimals) or the score. */
  String line(int i) {
    StringBuilder s = new StringBuilder(text(predictions.get(i), true));
    if (probabilities != null) {
      s.append("  ").append(fixed(probabilities[i]));
    }
    if (scores != null) {
      s.append("  ").append(Repr.of(scores[i]));
    }
    return s.toString();
  }

  /** Row i as CSV fields, every number in full (it reads back as the same double). */
  void csv(int i, StringBuilder out) {
    out.append(text(predictions.get(i), false));
    if (probabilities != null) {
      for (double p : probabilities[i]) {
        out.append(',').append(Repr.of(p));
      }
    }
    if (scores != null) {
      out.append(',').append(Repr.of(scores[i]));
    }
    out.append('\n');
  }

  /** Width of the first row's probabilities or transformed row, for the CSV header. */
  int width() {
    if (probabilities != null) {
      return probabilities[0].length;
    }
    return predictions.getFirst() instanceof double[] row ? row.length : 1;
  }

  /** Adds {@code predictions}, {@code probabilities} and {@code scores} to a JSON object. */
  void putJson(Map<String, Object> json) {
    json.put("predictions", predictions);
    if (probabilities != null) {
      json.put("probabilities", probabilities);
    }
    if (scores != null) {
      json.put("scores", scores);
    }
  }

  /** The answers of consecutive blocks as one. */
  static Answers concat(List<Answers> blocks) {
    List<Object> predictions = new ArrayList<>();
    List<double[]> probabilities = new ArrayList<>();
    double[] scores = new double[blocks.stream().mapToInt(Answers::size).sum()];
    int at = 0;
    for (Answers block : blocks) {
      predictions.addAll(block.predictions);
      if (block.probabilities != null) {
        probabilities.addAll(Arrays.asList(block.probabilities));
      }
      if (block.scores != null) {
        System.arraycopy(block.scores, 0, scores, at, block.size());
      }
      at += block.size();
    }
    Answers first = blocks.getFirst();
    return new Answers(predictions,
        first.probabilities == null ? null : probabilities.toArray(double[][]::new),
        first.scores == null ? null : scores);
  }

  private static String text(Object answer, boolean person) {
    return switch (answer) {
      case Double d -> Repr.of(d);
      case double[] row when person -> fixed(row);
      case double[] row -> {
        StringBuilder s = new StringBuilder();
        for (double v : row) {
          s.append(s.isEmpty() ? "" : ",").append(Repr.of(v));
        }
        yield s.toString();
      }
      case String label when !person -> quoted(label);
      default -> String.valueOf(answer);
    };
  }

  /** RFC 4180: a label holding a comma, a quote or a line break is quoted. */
  private static String quoted(String label) {
    boolean quote = label.isEmpty() || label.chars().anyMatch(c -> c == ',' || c == '"'
        || c == '\n' || c == '\r') || !label.strip().equals(label);
    return quote ? '"' + label.replace("\"", "\"\"") + '"' : label;
  }

  private static String fixed(double[] values) {
    StringBuilder s = new StringBuilder();
    for (double v : values) {
      s.append(s.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.4f", v));
    }
    return s.toString();
  }

  private static List<Object> boxed(int[] values) {
    List<Object> out = new ArrayList<>(values.length);
    for (int v : values) {
      out.add(v);
    }
    return out;
  }

  private static List<Object> boxed(double[] values) {
    List<Object> out = new ArrayList<>(values.length);
    for (double v : values) {
      out.add(v);
    }
    return out;
  }

  private static <T> T unsupported(Supplier<T> call) {
    try {
      return call.get();
    } catch (UnsupportedOperationException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
