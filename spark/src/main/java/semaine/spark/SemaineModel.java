package semaine.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.ml.util.DefaultParamsWriter$;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import scala.Option;

/**
 * A fitted semaine model as a Spark ML {@code Model}: {@link #transform} scores a DataFrame with
 * {@link ModelScorer} (the model file broadcast, the local answers bit for bit), so it takes its
 * place in a Spark {@code Pipeline}. Saved by Spark ML's {@code write().save(path)} as the usual
 * parameter metadata plus the semaine model file itself, {@code path/data/model.semaine}, which
 * {@code semaine predict} and {@code Models.load} read as well.
 */
public final class SemaineModel extends Model<SemaineModel>
    implements MLWritable, HasSemaineColumns {

  private static final long serialVersionUID = 1L;

  /** The model file's name under a saved model's {@code data} folder. */
  static final String FILE = "data/model.semaine";

  private final String uid;
  private final byte[] modelFile;
  private final ColumnParams columnParams;

  /** The model in a semaine model file's bytes, its features read from the columns it names. */
  public SemaineModel(String uid, byte[] modelFile) {
    this.uid = uid;
    this.modelFile = modelFile.clone();
    columnParams = ColumnParams.of(this);
    List<String> names = ModelScorer.of(this.modelFile, uid).featureColumns();
    setDefault(featuresCols(), names.toArray(String[]::new));
  }

  /** A model file's bytes, with a new uid. */
  public SemaineModel(byte[] modelFile) {
    this(Identifiable.randomUID("semaine"), modelFile);
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public ColumnParams columnParams() {
    return columnParams;
  }

  /** The semaine model file (a copy). */
  public byte[] modelFile() {
    return modelFile.clone();
  }

  /** Sets the feature columns. */
  public SemaineModel setFeaturesCols(String... names) {
    set(featuresCols(), names);
    return this;
  }

  /** Sets the prediction column. */
  public SemaineModel setPredictionCol(String name) {
    set(predictionCol(), name);
    return this;
  }

  private ModelScorer scorer() {
    return ModelScorer.of(modelFile, uid)
        .featureColumns(List.of(getOrDefault(featuresCols())))
        .outputColumns(outputColumns());
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    return scorer().transform(dataset.toDF());
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return scorer().transformSchema(schema);
  }

  @Override
  public SemaineModel copy(ParamMap extra) {
    SemaineModel copy = new SemaineModel(uid, modelFile);
    return copyValues(copy, extra).setParent(parent());
  }

  @Override
  public MLWriter write() {
    return new Writer(this);
  }

  /** Spark ML's reader of saved models ({@code SemaineModel.read().load(path)}). */
  public static MLReader<SemaineModel> read() {
    return new Reader();
  }

  /** {@code read().load(path)}. */
  public static SemaineModel load(String path) {
    return read().load(path);
  }

  /** Writes the parameters as Spark ML does, then the model file. */
  private static final class Writer extends MLWriter {
    private final SemaineModel model;

    Writer(SemaineModel model) {
      this.model = model;
    }

    @Override
    public void saveImpl(String path) {
      DefaultParamsWriter$.MODULE$.saveMetadata(model, path, sparkSession());
      org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(path, FILE);
      try (OutputStream out = fileSystem(file, sparkSession()).create(file, true)) {
        out.write(model.modelFile);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /** Reads back what {@link Writer} wrote. */
  private static final class Reader extends MLReader<SemaineModel> {
    @Override
    public SemaineModel load(String path) {
      DefaultParamsReader.Metadata metadata = DefaultParamsReader$.MODULE$.loadMetadata(path,
          sparkSession(), SemaineModel.class.getName());
      org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(path, FILE);
      byte[] bytes;
      try (InputStream in = fileSystem(file, sparkSession()).open(file)) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        in.transferTo(buffer);
        bytes = buffer.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
      SemaineModel model = new SemaineModel(metadata.uid(), bytes);
      metadata.getAndSetParams(model, Option.empty());
      return model;
    }
  }

  private static FileSystem fileSystem(org.apache.hadoop.fs.Path file,
      org.apache.spark.sql.SparkSession spark) throws IOException {
    return file.getFileSystem(spark.sparkContext().hadoopConfiguration());
  }
}
