package semaine.spark;

import java.io.Serializable;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.param.StringArrayParam;

/**
 * The Spark ML parameters {@link SemaineEstimator} and {@link SemaineModel} share: the feature
 * columns and the answer columns (Spark's {@code params()} finds these getters by reflection, and
 * {@code copyValues} passes them from the estimator to its model by name).
 */
public interface HasSemaineColumns extends Params {

  /**
   * The shared parameters of one owner (Spark wants each created with its owner's uid).
   *
   * @param featuresCols the feature columns, in the model's order
   * @param predictionCol the column of labels, values or clusters ("prediction")
   * @param probabilityCol the column of class probabilities ("probability")
   * @param scoreCol the column of outlier scores ("score")
   */
  record ColumnParams(StringArrayParam featuresCols, Param<String> predictionCol,
      Param<String> probabilityCol, Param<String> scoreCol) implements Serializable {

    /** The parameters of {@code owner}, with their defaults set. */
    static ColumnParams of(Params owner) {
      ColumnParams params = new ColumnParams(
          new StringArrayParam(owner, "featuresCols",
              "the feature columns, in the model's order (numeric columns)"),
          new Param<>(owner, "predictionCol", "the column of labels, values or clusters"),
          new Param<>(owner, "probabilityCol",
              "the column of class probabilities (classifiers with predict_proba)"),
          new Param<>(owner, "scoreCol", "the column of outlier scores (outlier detectors)"));
      owner.setDefault(params.predictionCol, "prediction");
      owner.setDefault(params.probabilityCol, "probability");
      owner.setDefault(params.scoreCol, "score");
      return params;
    }
  }

  /** This owner's shared parameters. */
  ColumnParams columnParams();

  /** The feature columns, in the model's order. */
  default StringArrayParam featuresCols() {
    return columnParams().featuresCols();
  }

  /** The column of labels, values or clusters ("prediction"). */
  default Param<String> predictionCol() {
    return columnParams().predictionCol();
  }

  /** The column of class probabilities ("probability"). */
  default Param<String> probabilityCol() {
    return columnParams().probabilityCol();
  }

  /** The column of outlier scores ("score"). */
  default Param<String> scoreCol() {
    return columnParams().scoreCol();
  }

  /** The answer columns these parameters name. */
  default ScoringRole.Columns outputColumns() {
    return new ScoringRole.Columns(getOrDefault(predictionCol()), getOrDefault(probabilityCol()),
        getOrDefault(scoreCol()), ScoringRole.Columns.DEFAULT.transformed());
  }
}
