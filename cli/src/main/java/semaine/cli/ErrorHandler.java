package semaine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import semaine.util.OutputPathException;

/**
 * Turns every failure into exit code and one line on stderr, {@code semaine: error: <message>}.
 *
 * <p>The rule:
 * <ul>
 *   <li><b>2, usage error</b>: what the user typed is wrong. Picocli's parameter errors (unknown
 *       command or option, missing or bad option value), {@link UsageException} thrown by a command, and
 *       {@link IllegalArgumentException} thrown by semaine's code (it means an argument the user chose
 *       broke a rule, and its message names it, with library parameter names turned into the options
 *       as typed: {@code maxLength} becomes {@code --max-length}), and an {@link OutputPathException} (an output path that is
 *       not a regular file, or whose folder is missing). A second line points at the command's help.
 *   <li><b>1, runtime error</b>: everything else. I/O errors get a message naming the file
 *       ({@code no such file: data.csv}); {@link IllegalStateException} and
 *       {@link UnsupportedOperationException} print their message; other exceptions, and an
 *       {@link IllegalArgumentException} raised inside the JDK or a library, are bugs and print as
 *       {@code internal error (Type: message)}. Out of memory advises more heap only when more heap
 *       can help.
 * </ul>
 * No stack trace is printed unless debugging is on ({@code SEMAINE_DEBUG=1}).
 */
final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {

  static final int USAGE = CommandLine.ExitCode.USAGE;
  static final int RUNTIME = CommandLine.ExitCode.SOFTWARE;

  /** A failure as the user sees it. */
  record Failure(int exitCode, String message) {}

  private final boolean debug;

  ErrorHandler(boolean debug) {
    this.debug = debug;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    return print(cmd.getErr(), new Failure(USAGE, describe(ex)), ex,
        cmd.getCommandSpec().qualifiedName());
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    Failure failure = classify(ex);
    if (failure.exitCode() == USAGE) {
      failure = new Failure(USAGE, asTyped(failure.message(), cmd.getCommandSpec()));
    }
    return print(cmd.getErr(), failure, ex, cmd.getCommandSpec().qualifiedName());
  }

  /** Classifies {@code t}, prints it for the command {@code commandName}; returns the exit code. */
  int report(PrintWriter err, Throwable t, String commandName) {
    return print(err, classify(t), t, commandName);
  }

  /** The exit code and message for a failure thrown while a command ran. */
  static Failure classify(Throwable t) {
    Throwable cause = unwrap(t);
    return switch (cause) {
      case ParameterException p -> new Failure(USAGE, describe(p));
      case UsageException u -> new Failure(USAGE, u.getMessage());
      case IllegalArgumentException i when !raisedBySemaine(i) -> internal(i);
      case IllegalArgumentException i -> new Failure(USAGE, messageOrType(i));
      case OutputPathException o -> new Failure(USAGE, o.getMessage());
      case IOException io -> new Failure(RUNTIME, describe(io));
      case IllegalStateException s -> new Failure(RUNTIME, messageOrType(s));
      case UnsupportedOperationException u -> new Failure(RUNTIME, messageOrType(u));
      case OutOfMemoryError oom -> new Failure(RUNTIME, outOfMemory(oom));
      default -> internal(cause);
    };
  }

  private static Failure internal(Throwable cause) {
    return new Failure(RUNTIME, "internal error (" + cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + oneLine(cause.getMessage()))
        + "); run again with SEMAINE_DEBUG=1 to see where");
  }

  /**
   * True when semaine's own code threw {@code e}: its checks ({@code Checks}, a command's
   * validation) name the argument, the value and the rule, so the input was wrong. The same type
   * thrown inside the JDK or a library (an {@code ArrayList} of negative capacity) is a bug of ours.
   */
  private static boolean raisedBySemaine(IllegalArgumentException e) {
    StackTraceElement[] trace = e.getStackTrace();
    return trace.length == 0 || trace[0].getClassName().startsWith("semaine.");
  }

  /**
   * More heap helps unless the heap already has most of the machine's memory, or an array or string
   * went past Java's limit of 2^31 - 1 elements, which no heap lifts.
   */
  static String outOfMemory(OutOfMemoryError e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.contains("exceeds VM limit")) {
      return "out of memory: the input needs an array or text longer than Java's limit of 2^31 - 1"
          + " elements, which no heap size lifts; use smaller input";
    }
    long heap = Runtime.getRuntime().maxMemory();
    long machine = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getTotalMemorySize() : 0;
    if (machine > 0 && heap >= machine / 4 * 3) {
      return "out of memory: the Java heap already has " + (heap >> 20) + " MB of this machine's "
          + (machine >> 20) + " MB; the task is too large for it";
    }
    return "out of memory; give Java more with SEMAINE_JAVA_OPTS=-Xmx4g (for example)";
  }

  /**
   * Library messages name parameters in camelCase or snake_case ({@code maxLength (1)},
   * {@code max_length (1) must be ...}); where the command has the option, the user reads it as
   * typed ({@code --max-length}). Only names with an
   * upper-case letter, or followed by a value in parentheses ({@code seed (-1)}), are replaced, so
   * plain words stay as they are.
   */
  static String asTyped(String message, CommandSpec spec) {
    String result = message;
    for (OptionSpec option : spec.options()) {
      String name = option.longestName();
      if (!name.startsWith("--") || name.length() < 4) {
        continue;
      }
      String camel = camelCase(name.substring(2));
      // not inside a longer word or an option already typed ("--seed")
      String pattern = "(?<![\\w-])" + camel
          + (camel.chars().anyMatch(Character::isUpperCase) ? "\\b" : "(?= \\([^ )]*\\))");
      result = result.replaceAll(pattern, java.util.regex.Matcher.quoteReplacement(name));
      // a command with --param names parameters as the user typed them there
      if (name.indexOf('-', 2) > 0 && spec.findOption("--param") == null) {
        // scikit-learn's and transformers' snake_case names, before a value: max_length (1)
        String snake = name.substring(2).replace('-', '_');
        result = result.replaceAll("(?<![\\w-])" + snake + "(?= \\([^ )]*\\))",
            java.util.regex.Matcher.quoteReplacement(name));
      }
    }
    return result;
  }

  private static String camelCase(String kebab) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : kebab.toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /** A picocli parse error in our words: the option, the value and the rule. */
  static String describe(ParameterException ex) {
    if (ex.getCause() instanceof Options.InvalidValue invalid && ex.getArgSpec() != null) {
      return name(ex.getArgSpec()) + " (" + ex.getValue() + ") " + invalid.rule();
    }
    if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      return describe(unmatched);
    }
    return lowerFirst(oneLine(ex.getMessage()));
  }

  private static String describe(UnmatchedArgumentException ex) {
    String first = ex.getUnmatched().getFirst();
    var spec = ex.getCommandLine().getCommandSpec();
    if (first.startsWith("-")) {
      List<String> options =
          spec.options().stream().flatMap(o -> Arrays.stream(o.names())).toList();
      return "unknown option '" + first + "'" + didYouMean(first.split("=", 2)[0], options);
    }
    if (!spec.subcommands().isEmpty()) {
      List<String> commands = List.copyOf(spec.subcommands().keySet());
      return "unknown command '" + first + "'" + didYouMean(first, commands)
          + "; commands are: " + String.join(", ", commands);
    }
    return "unexpected argument '" + first + "'";
  }

  /** " (did you mean 'tour'?)" when a candidate is within two edits of {@code typed}, else "". */
  static String didYouMean(String typed, List<String> candidates) {
    String best = null;
    int bestDistance = 3;
    for (String candidate : candidates) {
      int d = editDistance(typed, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }

  /** Levenshtein distance, with a swap of two neighbours counted as one edit ("tuor" -> "tour"). */
  private static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      for (int j = 0; j <= b.length(); j++) {
        if (i == 0 || j == 0) {
          d[i][j] = i + j;
          continue;
        }
        int substitute = d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        d[i][j] = Math.min(substitute, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
        boolean swapped = i > 1 && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1);
        if (swapped) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private static String describe(IOException io) {
    if (io instanceof FileSystemException fs && fs.getFile() != null) {
      String file = fs.getFile();
      return switch (fs) {
        case NoSuchFileException _ -> "no such file or directory: " + file;
        case AccessDeniedException _ -> "permission denied: " + file;
        case FileAlreadyExistsException _ -> "file already exists: " + file;
        case NotDirectoryException _ -> "not a directory: " + file;
        case DirectoryNotEmptyException _ -> "directory not empty: " + file;
        default -> oneLine(fs.getMessage());
      };
    }
    return "I/O error: " + messageOrType(io);
  }

  private int print(PrintWriter err, Failure failure, Throwable t, String commandName) {
    err.println("semaine: error: " + failure.message());
    if (failure.exitCode() == USAGE) {
      err.println("Try '" + commandName + " --help'.");
    }
    if (debug) {
      t.printStackTrace(err);
    }
    err.flush();
    return failure.exitCode();
  }

  private static Throwable unwrap(Throwable t) {
    Throwable cause = t;
    while ((cause instanceof CommandLine.ExecutionException || cause instanceof UncheckedIOException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static String name(ArgSpec arg) {
    return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
  }

  private static String messageOrType(Throwable t) {
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getSimpleName() : oneLine(message);
  }

  /** The contract is one line: later lines of a multi-line message are joined. */
  private static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }

  private static String lowerFirst(String s) {
    if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))) {
      return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
    return s;
  }
}
