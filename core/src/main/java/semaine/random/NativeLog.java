package semaine.random;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * The natural logarithm used by the Gaussian sampler: the C library's {@code log()}, the very
 * function NumPy's legacy {@code legacy_gauss} calls, when the JVM allows native access; otherwise
 * {@link Math#log}.
 *
 * <p>Why: glibc's {@code log} is not correctly rounded in about 8 of 10,000 calls, while
 * {@code Math.log} nearly always is, so with {@code Math.log} a rare Gaussian differs from NumPy's in
 * the last bit (seed 42 already at its 11th value). Calling the same C function removes the
 * difference on the machine that runs NumPy. Native access is enabled with
 * {@code --enable-native-access=ALL-UNNAMED} (or the {@code Enable-Native-Access} manifest
 * attribute); without it we never call a restricted method, so the JVM prints no warning.
 */
final class NativeLog {

  private static final MethodHandle C_LOG = lookup();

  /** The logarithm RandomState uses by default: C's {@code log} when available, else Math.log. */
  static final DoubleUnaryOperator DEFAULT = C_LOG != null ? NativeLog::cLog : Math::log;

  private NativeLog() {}

  /** True when {@link #DEFAULT} calls the C library's {@code log}. */
  static boolean available() {
    return C_LOG != null;
  }

  private static double cLog(double x) {
    try {
      return (double) C_LOG.invokeExact(x);
    } catch (Throwable e) {
      throw new IllegalStateException("calling the C library's log failed", e);
    }
  }

  private static MethodHandle lookup() {
    if (!NativeLog.class.getModule().isNativeAccessEnabled()
        || Boolean.getBoolean("semaine.random.javaLog")) {
      return null;
    }
    try {
      Linker linker = Linker.nativeLinker();
      Optional<MemorySegment> log = linker.defaultLookup().find("log");
      if (log.isEmpty()) {
        return null;
      }
      FunctionDescriptor doubleToDouble =
          FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE);
      // critical: log neither blocks nor calls back into Java, so skip the thread-state transition
      return linker.downcallHandle(log.get(), doubleToDouble, Linker.Option.critical(false));
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }
}
