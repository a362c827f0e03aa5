// Beyond one machine: score a dataset with a saved semaine model on Apache Spark.
//
// The book has no listing here; this program is semaine's. It reads a CSV file (with a header
// line) or a Parquet dataset, finds the model's feature columns by the names its file recorded,
// scores every row on the executors (the model file is broadcast; each partition answers its rows
// in blocks with the model's own predict, so the answers are the local ones, bit for bit), and
// writes the rows with their `prediction` (and `probability`, `score` by the model's role) as
// Parquet.
//
// Save a model first, e.g.  ./semaine classify iris.csv --target species --save forest.semaine
// Run it in place on one machine, with Spark's jars and semaine's (./mvnw -pl spark -am package
// -DskipTests builds them under core/, rl/, nn/ and spark/target/) on the class path and Spark's
// JVM options (README, "Beyond one machine"):
//   java $SPARK_JAVA_OPTIONS -cp "$SPARK_HOME/jars/*:$SEMAINE_JARS" \
//     examples/spark/ScoreCsv.java forest.semaine rows.csv scored.parquet
// On a cluster, compile it into a jar and give it to spark-submit with semaine's jars:
//   spark-submit --master spark://HOST:7077 --class ScoreCsv \
//     --jars semaine-core.jar,semaine-rl.jar,semaine-nn.jar,semaine-spark.jar \
//     score-csv.jar forest.semaine rows.csv scored.parquet

import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import semaine.spark.ModelScorer;

void main(String[] args) {
  if (args.length != 3) {
    System.err.println("usage: ScoreCsv MODEL.semaine DATA.csv|DATA.parquet OUT.parquet");
    System.exit(2);
  }
  SparkSession spark = SparkSession.builder()
      .appName("semaine ScoreCsv")
      .master(System.getProperty("spark.master", "local[*]"))  // spark-submit sets spark.master
      .getOrCreate();
  String data = args[1];
  Dataset<Row> rows = data.endsWith(".csv")
      ? spark.read().option("header", "true").option("inferSchema", "true").csv(data)
      : spark.read().parquet(data);
  ModelScorer scorer = ModelScorer.of(Path.of(args[0]));
  scorer.transform(rows).write().mode("overwrite").parquet(args[2]);
  System.out.println("scored " + data + " with " + args[0] + " into " + args[2]
      + " (features " + scorer.featureColumns() + ", answers as a " + scorer.role().kind() + ")");
}
