package semaine.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root command's options and texts, {@code semaine}, without subcommands: {@link
 * SemaineCommand} adds them all; {@link Main} adds only the one a command line names, so that a
 * run of {@code semaine cluster ...} does not build the other fourteen commands' models.
 */
@Command(
    name = "semaine",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Learn machine learning in one week, in Java: datasets, models, the tour and the "
        + "book's examples.",
    footer = {"", "With --json, stdout carries exactly one JSON object. Exit codes: 0 success, "
        + "2 usage error, 1 runtime error."})
class RootCommand extends ResultCommand {

  @Override
  protected Result compute() {
    List<Map<String, Object>> commands = new ArrayList<>();
    spec.subcommands().forEach((name, sub) -> {
      Map<String, Object> command = new LinkedHashMap<>();
      command.put("name", name);
      String[] description = sub.getCommandSpec().usageMessage().description();
      command.put("description", description.length == 0 ? "" : description[0]);
      commands.add(command);
    });
    Map<String, Object> json = VersionProvider.asJson();
    json.put("commands", commands);
    CommandLine cmd = spec.commandLine();
    return new Result(json, out -> cmd.usage(out));
  }
}
