/**
 * Beyond one machine: semaine on Apache Spark 4.2.0 (Scala 2.13, Java 25).
 *
 * <ul>
 *   <li>{@link semaine.spark.ModelScorer}: any saved model scores a DataFrame on the executors,
 *       the local answers bit for bit ({@link semaine.spark.ScoringRole} says which columns);
 *   <li>{@link semaine.spark.DistributedKMeans}: k-means trained over partitions, reaching the
 *       local {@code KMeans} answer from the same initial centres;
 *   <li>{@link semaine.spark.NeighborQueries}: exact k-nearest neighbours of a query DataFrame;
 *   <li>{@link semaine.spark.PartitionedNeighbors}: exact k-nearest neighbours against a training
 *       set partitioned across the executors, merged per query;
 *   <li>{@link semaine.spark.DistributedSearch}: a grid search's (candidate, split) fits as Spark
 *       tasks, the local {@code cv_results_};
 *   <li>{@link semaine.spark.SemaineEstimator} and {@link semaine.spark.SemaineModel}: semaine
 *       estimators as Spark ML stages (Pipeline, CrossValidator, save and load).
 * </ul>
 *
 * <p>Spark is a provided dependency: the cluster brings it. On Java 25 a JVM running Spark needs
 * the options {@code spark/pom.xml} lists as {@code spark.jvm.options} (README, "Beyond one
 * machine").
 */
package semaine.spark;
