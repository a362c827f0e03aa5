package semaine.spark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.api.java.JavaSparkContext;
import semaine.base.Estimator;
import semaine.base.Models;

/**
 * A saved semaine model applied to a DataFrame: the model file's bytes are broadcast once, each
 * partition loads the model from them and answers its rows in blocks of {@link #BLOCK_ROWS} with
 * the model's own {@code predict} (the same kernels as on one machine), and the answers are
 * appended as columns by the model's role (see {@link ScoringRole}). Row i's answer depends only
 * on row i, so the result is the local {@code predict}'s, bit for bit, whatever the partitioning.
 *
 * <pre>{@code
 * ModelScorer scorer = ModelScorer.of(Path.of("forest.semaine"));
 * Dataset<Row> scored = scorer.transform(spark.read().parquet("rows.parquet"));
 * }</pre>
 *
 * <p>The feature columns are found by the names the model file recorded (any order in the
 * DataFrame, any numeric type, read as double); a model saved without names needs
 * {@link #featureColumns(List)}. A missing or non-numeric column, a null value, or an output
 * column that already exists is an error naming it.
 */
public final class ModelScorer implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Rows per block: large enough for the models' batched kernels, small beside any heap. */
  public static final int BLOCK_ROWS = 4096;

  private final byte[] file;
  private final String source;
  private final List<String> featureNames;
  private final List<String> classNames;
  private final ScoringRole.Columns columns;
  private final ScoringRole role;

  private ModelScorer(byte[] file, String source, List<String> featureNames,
      List<String> classNames, ScoringRole.Columns columns, ScoringRole role) {
    this.file = file;
    this.source = source;
    this.featureNames = featureNames;
    this.classNames = classNames;
    this.columns = columns;
    this.role = role;
  }

  /** The model saved at {@code path}. */
  public static ModelScorer of(Path path) {
    try {
      return of(Files.readAllBytes(path), path.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the model file " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * A model file's bytes ({@link Models#save(Estimator, java.io.OutputStream, List, List)});
   * {@code source} names it in messages.
   */
  public static ModelScorer of(byte[] modelFile, String source) {
    Path tmp = null;
    Models.ModelInfo info;
    Estimator model;
    try {
      tmp = Files.createTempFile("semaine-model", ".semaine");
      Files.write(tmp, modelFile);
      info = Models.inspect(tmp);
      model = load(modelFile, source);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the model " + source + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(tmp);
    }
    return new ModelScorer(modelFile.clone(), source, info.featureNames(), info.classNames(),
        ScoringRole.Columns.DEFAULT, ScoringRole.of(model, info.classNames()));
  }

  /** The same model reading its features from these columns, in the model's feature order. */
  public ModelScorer featureColumns(List<String> names) {
    if (names == null || names.isEmpty()) {
      throw new IllegalArgumentException("featureColumns must name at least one column, got "
          + names);
    }
    if (!featureNames.isEmpty() && names.size() != featureNames.size()) {
      throw new IllegalArgumentException("featureColumns names " + names.size() + " columns but"
          + " the model " + source + " has " + featureNames.size() + " features " + featureNames);
    }
    return new ModelScorer(file, source, List.copyOf(names), classNames, columns, role);
  }

  /** The same model writing its answers to these output columns (null: leave that one out). */
  public ModelScorer outputColumns(ScoringRole.Columns names) {
    return new ModelScorer(file, source, featureNames, classNames, names, role);
  }

  /** The feature columns read, in the model's order. */
  public List<String> featureColumns() {
    return featureNames;
  }

  /** What the model answers: its role, as a {@link ScoringRole}. */
  public ScoringRole role() {
    return role;
  }

  /**
   * The schema of {@link #transform}'s result: {@code input}'s columns, then the answers'.
   *
   * @throws IllegalArgumentException when a feature column is missing or not numeric, or an
   *     output column already exists
   */
  public StructType transformSchema(StructType input) {
    if (featureNames.isEmpty()) {
      throw new IllegalArgumentException("the model " + source + " was saved without feature"
          + " names: give its columns with featureColumns(...)");
    }
    FeatureColumns.check(input, featureNames, ", a feature of the model " + source);
    StructType out = input;
    for (StructField field : role.fields(columns)) {
      FeatureColumns.checkAbsent(input, field.name(), "with outputColumns(...)");
      out = out.add(field);
    }
    return out;
  }

  /**
   * {@code rows} with the model's answers appended as columns (lazy, as every Spark transform);
   * the model file's bytes are broadcast through {@code rows}' session.
   */
  public Dataset<Row> transform(Dataset<Row> rows) {
    StructType schema = transformSchema(rows.schema());
    Broadcast<byte[]> bytes = JavaSparkContext.fromSparkContext(rows.sparkSession().sparkContext())
        .broadcast(file);
    int[] positions = FeatureColumns.check(rows.schema(), featureNames, "");
    String name = source;
    ScoringRole answering = role;
    ScoringRole.Columns outputs = columns;
    List<String> features = featureNames;
    MapPartitionsFunction<Row, Row> score = partition -> new AnsweredRows(partition,
        answering.bind(load(bytes.value(), name), outputs)::answer, positions, features,
        BLOCK_ROWS);
    return rows.mapPartitions(score, Encoders.row(schema));
  }

  /** The model in a model file's bytes. */
  static Estimator load(byte[] modelFile, String source) {
    try {
      return Models.load(new ByteArrayInputStream(modelFile), source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path tmp) {
    if (tmp != null) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // a temporary file left behind is harmless
      }
    }
  }
}
