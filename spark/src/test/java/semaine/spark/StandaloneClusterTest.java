package semaine.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.base.Models;
import semaine.clustering.KMeans;
import semaine.ensemble.RandomForestClassifier;

/**
 * A real standalone cluster on 127.0.0.1: a Spark master and two workers (one core each), each in
 * its own JVM started from the classes in Spark's own jars, and a driver JVM ({@link ClusterJob})
 * that scores 1,000,000 rows with a saved forest and runs {@link DistributedKMeans} on them. The
 * answers are compared with the local ones: every prediction equal, k-means labels identical,
 * inertia within 1e-9 relative, the same n_iter_. Every process the test started is stopped,
 * whatever happens.
 */
class StandaloneClusterTest {

  private static final int ROWS = 1_000_000;
  private static final int K = 4;
  private static final long STARTUP_SECONDS = 180;

  @Test
  void aStandaloneClusterScoresAndClustersAsOneMachine(@TempDir Path dir) throws Exception {
    double[][] train = ClusterRows.rows(2_000);
    int[] y = new int[train.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = ClusterRows.label(i);
    }
    RandomForestClassifier forest = new RandomForestClassifier().nEstimators(10).randomState(0)
        .setParam("max_depth", 6);
    forest.fit(train, y);
    Path model = dir.resolve("forest.semaine");
    Models.save(forest, model, LocalSpark.names(ClusterRows.FEATURES), List.of());
    Path sparkHome = Files.createDirectories(dir.resolve("spark-home"));
    Files.createDirectories(sparkHome.resolve("jars")); // the executors' classpath is given whole
    Path out = Files.createDirectories(dir.resolve("out"));
    // the master's and workers' INFO lines say when they are up; the rest at WARN
    Files.writeString(dir.resolve("log4j2.properties"), String.join("\n",
        "rootLogger.level = warn", "rootLogger.appenderRef.stdout.ref = console",
        "appender.console.type = Console", "appender.console.name = console",
        "appender.console.target = SYSTEM_ERR", "appender.console.layout.type = PatternLayout",
        "appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n",
        "logger.deploy.name = org.apache.spark.deploy", "logger.deploy.level = info", ""));

    List<Process> started = new ArrayList<>();
    try {
      int port = freePort();
      String master = "spark://127.0.0.1:" + port;
      Process masterJvm = start(started, dir, "master", sparkHome,
          "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
          Integer.toString(port), "--webui-port", Integer.toString(freePort()));
      awaitLog(dir.resolve("master.log"), "I have been elected leader", masterJvm);
      for (int w = 1; w <= 2; w++) {
        Path work = Files.createDirectories(dir.resolve("work" + w));
        Process worker = start(started, dir, "worker" + w, sparkHome,
            "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
            "--memory", "768m", "--webui-port", Integer.toString(freePort()), "--work-dir",
            work.toString(), master);
        awaitLog(dir.resolve("worker" + w + ".log"), "Successfully registered with master",
            worker);
      }
      Process job = start(started, dir, "job", sparkHome, ClusterJob.class.getName(), master,
          model.toString(), out.toString(), Integer.toString(ROWS), Integer.toString(K));
      if (!job.waitFor(600, TimeUnit.SECONDS)) {
        throw new AssertionError("the job did not finish in 600 s\n" + tail(dir, "job"));
      }
      assertEquals(0, job.exitValue(), () -> "the job failed\n" + tail(dir, "job"));

      double[][] X = ClusterRows.rows(ROWS);
      int[] predicted = forest.predict(X);
      double[] clustered = readDoubles(out.resolve("predictions.bin"), ROWS);
      for (int i = 0; i < ROWS; i++) {
        if (clustered[i] != predicted[i]) {
          throw new AssertionError("row " + i + ": the cluster predicts " + clustered[i]
              + ", the local forest " + predicted[i]);
        }
      }
      double[][] init = new double[K][];
      System.arraycopy(X, 0, init, 0, K);
      KMeans local = new KMeans(K).init(init).fit(X);
      assertArrayEquals(local.labels(), readInts(out.resolve("labels.bin"), ROWS));
      List<String> kmeans = Files.readAllLines(out.resolve("kmeans.txt"));
      assertEquals(local.inertia(), Double.parseDouble(kmeans.get(0)), 1e-9 * local.inertia());
      assertEquals(local.nIter(), Integer.parseInt(kmeans.get(1)));
      assertEquals(2, Integer.parseInt(kmeans.get(2)), "executors, one per worker");
    } finally {
      stopAll(started);
    }
    for (Process p : started) {
      assertTrue(!p.isAlive(), "a started process is still alive: " + p.pid());
    }
  }

  /** Starts {@code mainClass} in a JVM with the tests' classpath and Spark's options. */
  private static Process start(List<Process> started, Path dir, String name, Path sparkHome,
      String mainClass, String... args) throws IOException {
    String classpath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse(
        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.add("-Xmx" + (name.equals("job") ? "768m" : "256m"));
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (option.startsWith("--add-opens") || option.startsWith("--add-modules")
          || option.startsWith("-Dio.netty") || option.startsWith("--enable-native-access")
          || option.startsWith("--sun-misc") || option.startsWith("-XX:+IgnoreUnrecognized")
          || option.equals("jdk.incubator.vector")) {
        command.add(option);
      }
    }
    command.add("-Dsemaine.classpath=" + classpath);
    command.add("-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"));
    command.add("-Dspark.master.rest.enabled=false"); // no REST server on a fixed port (6066)
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile());
    builder.environment().put("SPARK_HOME", sparkHome.toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("SPARK_WORKER_DIR", dir.toString());
    Process process = builder.start();
    started.add(process);
    return process;
  }

  /** Waits until {@code log} holds {@code line}; fails with the log when the JVM dies first. */
  private static void awaitLog(Path log, String line, Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STARTUP_SECONDS);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(line)) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError(log.getFileName() + ": the JVM exited ("
            + process.exitValue() + ") before '" + line + "'\n" + tail(log));
      }
      Thread.sleep(200);
    }
    throw new AssertionError(log.getFileName() + ": no '" + line + "' in " + STARTUP_SECONDS
        + " s\n" + tail(log));
  }

  /**
   * Stops the started JVMs, newest first (the job, the workers, whose executors are their
   * children, then the master), and whatever they started: politely, then by force.
   */
  private static void stopAll(List<Process> started) throws Exception {
    List<ProcessHandle> all = new ArrayList<>();
    for (Process p : started.reversed()) {
      p.descendants().forEach(all::add);
      all.add(p.toHandle());
    }
    for (ProcessHandle handle : all) {
      handle.destroy();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    for (ProcessHandle handle : all) {
      while (handle.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      if (handle.isAlive()) {
        handle.destroyForcibly();
      }
    }
    for (Process p : started) {
      p.waitFor(10, TimeUnit.SECONDS);
    }
    for (ProcessHandle handle : all) {
      handle.onExit().get(10, TimeUnit.SECONDS);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1,
        java.net.InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  private static double[] readDoubles(Path file, int n) throws IOException {
    try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(
        Files.newInputStream(file), 1 << 16))) {
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        out[i] = in.readDouble();
      }
      assertEquals(-1, in.read(), "more than " + n + " values in " + file);
      return out;
    }
  }

  private static int[] readInts(Path file, int n) throws IOException {
    try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(
        Files.newInputStream(file), 1 << 16))) {
      int[] out = new int[n];
      for (int i = 0; i < n; i++) {
        out[i] = in.readInt();
      }
      assertEquals(-1, in.read(), "more than " + n + " values in " + file);
      return out;
    }
  }

  private static String tail(Path dir, String name) {
    return tail(dir.resolve(name + ".log"));
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
