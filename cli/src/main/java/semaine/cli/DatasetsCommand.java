package semaine.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code semaine datasets}: the book's datasets, generated ({@code blobs}, {@code moons}) or loaded
 * ({@code load NAME}).
 *
 * <p>Each dataset command is a nested class here, listed in {@code subcommands}, extending
 * {@link ResultCommand} and using the converters of {@link Options}; without a subcommand,
 * {@code datasets} lists what exists. A generator reads:
 * <pre>
 * &#64;Command(name = "blobs", mixinStandardHelpOptions = true, description = "make_blobs: ...")
 * static final class Blobs extends ResultCommand {
 *   &#64;Option(names = "--samples", converter = Options.PositiveInt.class, defaultValue = "100")
 *   int samples;
 *   &#64;Option(names = "--seed", converter = Options.Seed.class) Long seed;
 *   &#64;Option(names = "--out", paramLabel = "FILE") Path out;
 *
 *   &#64;Override
 *   protected Result compute() throws IOException {
 *     // build the Dataset with semaine.data, write the CSV when --out is given, then return
 *     // new Result(Map.of("X", X, "y", y), text -&gt; ...) as DESIGN.md's table says.
 *   }
 * }
 * </pre>
 */
@Command(
    name = "datasets",
    mixinStandardHelpOptions = true,
    description = "Generate or load the book's datasets (list them when no subcommand is given).",
    subcommands = {})
public final class DatasetsCommand extends ResultCommand {

  /** Generators, as in {@code sklearn.datasets.make_*}. */
  static final List<String> GENERATORS = List.of("blobs", "moons");

  /** Bundled datasets, as in {@code sklearn.datasets.load_*}. */
  static final List<String> LOADERS = List.of("iris", "wine", "breast_cancer", "digits", "diabetes");

  @Override
  protected Result compute() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("generators", GENERATORS);
    json.put("loaders", LOADERS);
    return new Result(json, out -> {
      out.println("Generated:  " + String.join(", ", GENERATORS)
          + "   (semaine datasets blobs|moons --samples N --seed S)");
      out.println("Bundled:    " + String.join(", ", LOADERS)
          + "   (semaine datasets load NAME)");
    });
  }
}
