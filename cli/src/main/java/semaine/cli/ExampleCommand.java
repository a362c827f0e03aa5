package semaine.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code semaine example [NAME]}: runs one of the book's listings and prints its numbers; without a
 * name, lists them. An unknown name is a usage error (exit 2), like any bad value.
 */
@Command(
    name = "example",
    mixinStandardHelpOptions = true,
    description = "Run one of the book's listings (list them when no name is given).")
public final class ExampleCommand extends ResultCommand {

  /** The listing names, in book order; none are ported yet. */
  static final List<String> NAMES = List.of();

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The listing to run.")
  private String name;

  @Override
  protected Result compute() {
    if (name != null) {
      throw new UsageException("unknown example '" + name + "': "
          + (NAMES.isEmpty() ? "no examples yet" : "examples are " + String.join(", ", NAMES)));
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("examples", NAMES);
    return new Result(json, out ->
        out.println(NAMES.isEmpty() ? "no examples yet" : String.join("\n", NAMES)));
  }
}
