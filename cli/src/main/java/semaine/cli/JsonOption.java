package semaine.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --json} option, mixed into every command by {@link ResultCommand}.
 *
 * <p>It may be written after the command or after any parent: {@code semaine datasets --json} and
 * {@code semaine --json datasets} mean the same.
 */
public final class JsonOption {

  @Spec(Spec.Target.MIXEE)
  private CommandSpec mixee;

  @Option(names = "--json", description = "Print exactly one JSON object on stdout instead of text.")
  private boolean json;

  /** True when {@code --json} was given to this command or to one of its parents. */
  public boolean enabled() {
    if (mixee == null) {
      return json; // parsed by PlainLine: the command alone, no parent
    }
    for (CommandSpec spec = mixee; spec != null; spec = spec.parent()) {
      OptionSpec option = spec.findOption("--json");
      if (option != null && Boolean.TRUE.equals(option.getValue())) {
        return true;
      }
    }
    return false;
  }
}
