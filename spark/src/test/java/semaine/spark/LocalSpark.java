package semaine.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The one Spark session the module's tests share: {@code local[2]}, no UI, loopback only (one
 * JVM-wide session; Spark stops it at exit). Also builds small DataFrames of numeric columns.
 */
final class LocalSpark {

  private static SparkSession session;

  private LocalSpark() {}

  static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder()
          .master("local[2]")
          .appName("semaine-spark-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.ui.showConsoleProgress", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.default.parallelism", "2")
          .getOrCreate();
    }
    return session;
  }

  /**
   * The rows of X as a DataFrame with an {@code id} column (the row's index, long) then one double
   * column per name, in {@code partitions} partitions.
   */
  static Dataset<Row> frame(double[][] X, List<String> names, int partitions) {
    StructType schema = new StructType().add("id", DataTypes.LongType, false);
    for (String name : names) {
      schema = schema.add(name, DataTypes.DoubleType, false);
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < X.length; i++) {
      Object[] values = new Object[names.size() + 1];
      values[0] = (long) i;
      for (int f = 0; f < names.size(); f++) {
        values[f + 1] = X[i][f];
      }
      rows.add(RowFactory.create(values));
    }
    return session().createDataFrame(rows, schema).repartition(partitions);
  }

  /** Column names x0, x1, ... */
  static List<String> names(int d) {
    List<String> out = new ArrayList<>();
    for (int f = 0; f < d; f++) {
      out.add("x" + f);
    }
    return out;
  }
}
