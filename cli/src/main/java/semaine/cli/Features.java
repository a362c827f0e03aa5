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
 * <p>With {@code --dtype float32} the samples are float32 ({@code floats}): fitted by the models'
 * float32 fits and predicted a block at a time ({@link Dtype}).
 *
 * @param numbers the samples as numbers, or null
 * @param fields the samples as fields (text for the encoder, numbers spelled out), or null
 * @param floats the samples as float32 numbers, or null
 * @param names the feature columns' names, in order
 */
record Features(double[][] numbers, String[][] fields, float[][] floats, List<String> names) {

  /** Samples of numbers. */
  static Features of(double[][] X, List<String> names) {
    return new Features(X, null, null, names);
  }

  /** Samples as fields. */
  static Features of(String[][] X, List<String> names) {
    return new Features(null, X, null, names);
  }

  /** Samples of float32 numbers. */
  static Features of(float[][] X, List<String> names) {
    return new Features(null, null, X, names);
  }

  int nSamples() {
    return numbers != null ? numbers.length : floats != null ? floats.length : fields.length;
  }

  void fit(Classifier model, int[] y) {
    if (floats != null) {
      Dtype.fit(model, floats, y);
    } else if (numbers != null) {
      model.fit(numbers, y);
    } else {
      ((ClassifierPipeline) model).fit(fields, names, y);
    }
  }

  void fit(Regressor model, double[] y) {
    if (floats != null) {
      Dtype.fit(model, floats, y);
    } else if (numbers != null) {
      model.fit(numbers, y);
    } else {
      ((RegressorPipeline) model).fit(fields, names, y);
    }
  }

  int[] predict(Classifier model) {
    if (floats != null) {
      return Dtype.predict(model, floats);
    }
    return numbers != null ? model.predict(numbers) : ((ClassifierPipeline) model).predict(fields);
  }

  double[][] predictProba(Classifier model) {
    if (floats != null) {
      return Dtype.predictProba(model, floats);
    }
    return numbers != null ? model.predictProba(numbers)
        : ((ClassifierPipeline) model).predictProba(fields);
  }

  double[] predict(Regressor model) {
    if (floats != null) {
      return Dtype.predict(model, floats);
    }
    return numbers != null ? model.predict(numbers) : ((RegressorPipeline) model).predict(fields);
  }
}
