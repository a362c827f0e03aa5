package semaine.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A test-only command that uses the shared converters and fails on demand. */
@Command(name = "probe", mixinStandardHelpOptions = true, description = "Test probe.")
final class ProbeCommand extends ResultCommand {

  @Option(names = "--samples", converter = Options.PositiveInt.class, defaultValue = "100")
  int samples;

  @Option(names = "--seed", converter = Options.Seed.class, defaultValue = "0")
  long seed;

  @Option(names = "--std", converter = Options.PositiveDouble.class, defaultValue = "1.0")
  double std;

  @Option(names = "--fail")
  String fail;

  @Override
  protected Result compute() throws Exception {
    log().println("probing");
    if (fail != null) {
      switch (fail) {
        case "usage" -> throw new UsageException("--fail (usage) was asked for");
        case "argument" -> throw new IllegalArgumentException("nClusters (0) must be >= 1");
        case "read" -> Files.readString(Path.of("no/such/file.csv"));
        case "unchecked" -> throw new UncheckedIOException(new IOException("disk on fire"));
        case "state" -> throw new IllegalStateException("This KMeans is not fitted yet");
        case "bug" -> throw new NullPointerException("oops");
        case "jdk-argument" -> new java.util.ArrayList<String>(samples - 200);
        case "oom" -> throw new OutOfMemoryError("Java heap space");
        default -> { }
      }
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("samples", samples);
    json.put("seed", seed);
    json.put("std", std);
    json.put("text", "a \"quoted\"\nline");
    return Result.of(json);
  }
}
