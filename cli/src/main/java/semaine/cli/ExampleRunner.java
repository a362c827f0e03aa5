package semaine.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import semaine.util.Listing;

/**
 * Runs one of the book's listings, a compact source file bundled in the jar under {@code examples/},
 * the way {@code java Example.java} would: compiled in memory against semaine's own class path, then
 * its {@code main} called, with what it prints captured and what it shows through {@link Listing}
 * collected.
 */
final class ExampleRunner {

  /** What a listing printed and the values it showed, in order. */
  record Output(String text, Map<String, Object> values, double seconds) {}

  private ExampleRunner() {}

  /** Compiles and runs {@code examples/<path>} (e.g. {@code day1/FirstNumbers.java}). */
  static Output run(String path, Long seed, java.nio.file.Path outDir)
      throws IOException, ReflectiveOperationException {
    String source = readResource("/examples/" + path);
    String className = path.substring(path.lastIndexOf('/') + 1, path.length() - ".java".length());
    Class<?> listing = compile(className, source);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    PrintStream stdout = System.out;
    String previousSeed = System.getProperty(Listing.SEED_PROPERTY);
    String previousOut = System.getProperty(Listing.OUT_PROPERTY);
    Map<String, Object> values = Listing.collect(capture);
    long start = System.nanoTime();
    try {
      System.setOut(capture); // what the listing prints with IO.println belongs to its output too
      if (seed != null) {
        System.setProperty(Listing.SEED_PROPERTY, seed.toString());
      }
      if (outDir != null) {
        System.setProperty(Listing.OUT_PROPERTY, outDir.toString());
      }
      invokeMain(listing);
    } finally {
      System.setOut(stdout);
      Listing.stopCollecting();
      restore(Listing.SEED_PROPERTY, previousSeed);
      restore(Listing.OUT_PROPERTY, previousOut);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Output(buffer.toString(StandardCharsets.UTF_8), values, seconds);
  }

  private static void restore(String property, String previous) {
    if (previous == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, previous);
    }
  }

  private static String readResource(String name) throws IOException {
    try (InputStream in = ExampleRunner.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("the listing " + name + " is missing from the semaine jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Calls {@code main()} or {@code main(String[])}, static or on a new instance (JEP 512). */
  private static void invokeMain(Class<?> listing) throws ReflectiveOperationException {
    Method main;
    Object[] args;
    try {
      main = listing.getDeclaredMethod("main", String[].class);
      args = new Object[] {new String[0]};
    } catch (NoSuchMethodException e) {
      main = listing.getDeclaredMethod("main");
      args = new Object[0];
    }
    main.setAccessible(true);
    Object target = java.lang.reflect.Modifier.isStatic(main.getModifiers()) ? null
        : newInstance(listing);
    try {
      main.invoke(target, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  private static Object newInstance(Class<?> listing) throws ReflectiveOperationException {
    var constructor = listing.getDeclaredConstructor();
    constructor.setAccessible(true);
    return constructor.newInstance();
  }

  /** Compiles one source file in memory against the running class path. */
  private static Class<?> compile(String className, String source) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("running a listing needs a JDK (javac), not a JRE: run "
          + "semaine with a JDK 25, or run the listing with 'java Example.java'");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Map<String, ByteArrayOutputStream> classes = new HashMap<>();
    try (StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, null,
        StandardCharsets.UTF_8); var files = new MemoryFileManager(standard, classes)) {
      JavaFileObject file = new SimpleJavaFileObject(
          URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return source;
        }
      };
      List<String> options = List.of("-classpath", System.getProperty("java.class.path"),
          "-proc:none", "-implicit:none", "-Xlint:none");
      boolean ok = javac.getTask(null, files, diagnostics, options, null, List.of(file)).call();
      if (!ok) {
        StringBuilder errors = new StringBuilder("the listing " + className + ".java does not compile:");
        for (Diagnostic<?> d : diagnostics.getDiagnostics()) {
          if (d.getKind() == Diagnostic.Kind.ERROR) {
            errors.append(" line ").append(d.getLineNumber()).append(": ").append(d.getMessage(null));
          }
        }
        throw new IllegalStateException(errors.toString());
      }
    }
    ClassLoader loader = new ClassLoader(ExampleRunner.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        ByteArrayOutputStream bytes = classes.get(name);
        if (bytes == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] b = bytes.toByteArray();
        return defineClass(name, b, 0, b.length);
      }
    };
    try {
      return loader.loadClass(className);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the listing " + className + ".java declares no class "
          + className, e);
    }
  }

  /** Keeps compiled classes in memory instead of writing .class files. */
  private static final class MemoryFileManager extends ForwardingJavaFileManager<JavaFileManager> {
    private final Map<String, ByteArrayOutputStream> classes;

    MemoryFileManager(JavaFileManager standard, Map<String, ByteArrayOutputStream> classes) {
      super(standard);
      this.classes = classes;
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
        Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
      return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/')
          + kind.extension), kind) {
        @Override
        public OutputStream openOutputStream() {
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          classes.put(className, bytes);
          return bytes;
        }
      };
    }
  }
}
