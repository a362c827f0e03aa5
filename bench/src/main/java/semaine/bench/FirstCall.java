package semaine.bench;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Locale;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The first call of one JMH benchmark in a fresh JVM: what a user who calls {@code fit} once, or
 * runs one command, waits for. {@code java -cp benchmarks.jar semaine.bench.FirstCall
 * Class.method[:param=value...]} makes the benchmark's state as JMH would (its {@code @Param}
 * fields, then its {@code @Setup} methods), times a single call of the method, and prints the
 * seconds (and, on stderr, the process's CPU seconds over the call). Nothing runs before it: no
 * warm-up, no earlier call. {@code bench/compare-sklearn --first-call} starts one such process per
 * row with the JVM options of the {@code ./semaine} launcher (and its ahead-of-time cache), and one
 * fresh Python process on the other side.
 */
public final class FirstCall {

  private FirstCall() {}

  /** Runs the benchmark named by {@code args[0]} once and prints the time in seconds. */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: FirstCall Class.method[:param=value...]");
    }
    String[] parts = args[0].split(":");
    int dot = parts[0].lastIndexOf('.');
    Class<?> type = Class.forName(parts[0].substring(0, dot));
    Object state = type.getDeclaredConstructor().newInstance();
    for (Field field : type.getDeclaredFields()) {
      Param param = field.getAnnotation(Param.class);
      if (param != null) {
        setParam(state, field, valueOf(field.getName(), param.value()[0], parts));
      }
    }
    for (Method setup : type.getDeclaredMethods()) {
      if (setup.isAnnotationPresent(Setup.class)) {
        setup.setAccessible(true);
        setup.invoke(state);
      }
    }
    Method benchmark = type.getDeclaredMethod(parts[0].substring(dot + 1));
    if (!benchmark.isAnnotationPresent(Benchmark.class)) {
      throw new IllegalArgumentException(args[0] + " is not a @Benchmark method");
    }
    var os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpuStart = os.getProcessCpuTime();
    long start = System.nanoTime();
    Object result = benchmark.invoke(state);
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
    // the process's CPU seconds over the call (every thread: the JIT's compilers, the collector,
    // the call's own workers): a measure of the work done that a busy machine disturbs less
    System.err.println(String.format(Locale.ROOT, "cpu %.6f", cpu));
    System.out.println(String.format(Locale.ROOT, "%.6f", seconds));
    if (result == null) {
      System.err.println("(the benchmark returned null)");
    }
  }

  /** The value given as {@code name=value} after the method, else the @Param's first value. */
  private static String valueOf(String name, String first, String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String[] kv = parts[i].split("=", 2);
      if (kv[0].equals(name)) {
        return kv[1];
      }
    }
    return first;
  }

  private static void setParam(Object state, Field field, String value) throws Exception {
    field.setAccessible(true);
    Class<?> t = field.getType();
    if (t == int.class) {
      field.setInt(state, Integer.parseInt(value));
    } else if (t == long.class) {
      field.setLong(state, Long.parseLong(value));
    } else if (t == double.class) {
      field.setDouble(state, Double.parseDouble(value));
    } else if (t == boolean.class) {
      field.setBoolean(state, Boolean.parseBoolean(value));
    } else {
      field.set(state, value);
    }
  }
}
