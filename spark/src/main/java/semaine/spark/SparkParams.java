package semaine.spark;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.param.StringArrayParam;

/**
 * The Spark ML parameters {@link SemaineEstimator} and {@link SemaineModel} share, built for
 * their owner (Spark wants each {@code Param} created with its owner's uid).
 */
final class SparkParams {

  private SparkParams() {}

  static StringArrayParam featuresCols(Params owner) {
    return new StringArrayParam(owner, "featuresCols",
        "the feature columns, in the model's order (numeric columns)");
  }

  static Param<String> predictionCol(Params owner) {
    return new Param<>(owner, "predictionCol", "the column of labels, values or clusters");
  }

  static Param<String> probabilityCol(Params owner) {
    return new Param<>(owner, "probabilityCol",
        "the column of class probabilities (classifiers with predict_proba)");
  }

  static Param<String> scoreCol(Params owner) {
    return new Param<>(owner, "scoreCol", "the column of outlier scores (outlier detectors)");
  }

  /** The output column names these parameters give. */
  static ScoringRole.Columns columns(Params owner, Param<String> prediction,
      Param<String> probability, Param<String> score) {
    return new ScoringRole.Columns(owner.getOrDefault(prediction),
        owner.getOrDefault(probability), owner.getOrDefault(score),
        ScoringRole.Columns.DEFAULT.transformed());
  }
}
