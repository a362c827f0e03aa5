package semaine.testsupport;

import java.lang.management.ManagementFactory;

/**
 * The three promises every fuzz target checks on each input: only the documented exception types
 * escape, the call allocates no more than the input's size allows ({@value #BYTES_PER_INPUT_BYTE}
 * bytes per input byte plus {@value #FIXED_BYTES}: a parser that trusts a declared length
 * allocates far more), and it uses at most {@value #CPU_SECONDS} s of CPU (a quadratic or endless
 * loop on a small input exceeds it). A broken promise is an {@link AssertionError}, which Jazzer
 * reports as a finding and keeps the input of.
 */
public final class FuzzBounds {

  /** Allocation allowed per input byte: strings, boxed numbers and lists of a parsed document. */
  public static final long BYTES_PER_INPUT_BYTE = 1024;

  /** Allocation allowed whatever the input: buffers, small tables. */
  public static final long FIXED_BYTES = 16L << 20;

  /** CPU time allowed for one call; generous, as the machine is shared. */
  public static final long CPU_SECONDS = 2;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private FuzzBounds() {}

  /** A call on one fuzzed input. */
  @FunctionalInterface
  public interface Call {
    void run() throws Exception;
  }

  /**
   * Runs {@code call}, made from an input of {@code inputLength} bytes, and checks the promises;
   * an exception of a {@code documented} type (or a subtype) is the parser refusing the input.
   */
  @SafeVarargs
  public static void check(int inputLength, Call call, Class<? extends Throwable>... documented) {
    long[] cost = measure(inputLength, call, documented);
    long allowed = FIXED_BYTES + BYTES_PER_INPUT_BYTE * inputLength;
    if (cost[0] > allowed || cost[1] > CPU_SECONDS * 1_000_000_000L) {
      // The first call of a code path also loads and initialises classes: measure once more.
      cost = measure(inputLength, call, documented);
    }
    if (cost[0] > allowed) {
      throw new AssertionError("allocated " + cost[0] + " bytes for an input of " + inputLength
          + " bytes (at most " + allowed + ")");
    }
    if (cost[1] > CPU_SECONDS * 1_000_000_000L) {
      throw new AssertionError("took " + cost[1] / 1e9 + " s of CPU for an input of "
          + inputLength + " bytes (at most " + CPU_SECONDS + " s)");
    }
  }

  /** Runs {@code call} once: {bytes allocated, CPU nanoseconds}; rethrows what is not documented. */
  private static long[] measure(int inputLength, Call call, Class<?>[] documented) {
    long allocated = THREADS.getCurrentThreadAllocatedBytes();
    long cpu = THREADS.getCurrentThreadCpuTime();
    try {
      call.run();
    } catch (Throwable thrown) {
      if (!isDocumented(thrown, documented)) {
        throw new AssertionError("undocumented " + thrown.getClass().getName() + " on an input of "
            + inputLength + " bytes: " + thrown.getMessage(), thrown);
      }
    }
    return new long[] {THREADS.getCurrentThreadAllocatedBytes() - allocated,
        THREADS.getCurrentThreadCpuTime() - cpu};
  }

  private static boolean isDocumented(Throwable thrown, Class<?>[] documented) {
    for (Class<?> type : documented) {
      if (type.isInstance(thrown)) {
        return true;
      }
    }
    return false;
  }
}
