package semaine.cli;

import java.util.List;
import semaine.base.Classifier;
import semaine.base.Regressor;
import semaine.pipeline.ClassifierPipeline;
import semaine.pipeline.RegressorPipeline;

/**
 * The samples {@code classify} and {@code regress} fit on and predict: numbers, or with
 * {@code --encode} the fields of a table with text columns, which only a pipeline whose first
 * step is a {@code ColumnTransformer} reads ({@link Preprocessing} builds it).
 *
 * @param numbers the samples as numbers, or null
 * @param fields the samples as fields (text for the encoder, numbers spelled out), or null
 * @param names the feature columns' names, in order
 */
record Features(double[][] numbers, String[][] fields, List<String> names) {

  /** Samples of numbers. */
  static Features of(double[][] X, List<String> names) {
    return new Features(X, null, names);
  }

  /** Samples as fields. */
  static Features of(String[][] X, List<String> names) {
    return new Features(null, X, names);
  }

  int nSamples() {
    return numbers != null ? numbers.length : fields.length;
  }

  void fit(Classifier model, int[] y) {
    if (numbers != null) {
      model.fit(numbers, y);
    } else {
      ((ClassifierPipeline) model).fit(fields, names, y);
    }
  }

  void fit(Regressor model, double[] y) {
    if (numbers != null) {
      model.fit(numbers, y);
    } else {
      ((RegressorPipeline) model).fit(fields, names, y);
    }
  }

  int[] predict(Classifier model) {
    return numbers != null ? model.predict(numbers) : ((ClassifierPipeline) model).predict(fields);
  }

  double[][] predictProba(Classifier model) {
    return numbers != null ? model.predictProba(numbers)
        : ((ClassifierPipeline) model).predictProba(fields);
  }

  double[] predict(Regressor model) {
    return numbers != null ? model.predict(numbers) : ((RegressorPipeline) model).predict(fields);
  }
}
