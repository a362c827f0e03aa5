package semaine.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code COMMAND --help --json}: the help as one JSON object, {@code command}, {@code description},
 * {@code options} (each with {@code names}, {@code param}, {@code description}, {@code default},
 * {@code required}), {@code parameters} and {@code subcommands}.
 */
final class HelpJson {

  private HelpJson() {}

  static Map<String, Object> of(CommandSpec spec) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("command", spec.qualifiedName());
    json.put("description", String.join(" ", spec.usageMessage().description()));
    List<Object> options = new ArrayList<>();
    for (OptionSpec option : spec.options()) {
      Map<String, Object> o = describe(option);
      o.put("names", Arrays.asList(option.names()));
      options.add(o);
    }
    json.put("options", options);
    List<Object> parameters = new ArrayList<>();
    for (PositionalParamSpec parameter : spec.positionalParameters()) {
      Map<String, Object> p = describe(parameter);
      p.put("arity", parameter.arity().toString());
      parameters.add(p);
    }
    json.put("parameters", parameters);
    json.put("subcommands", List.copyOf(spec.subcommands().keySet()));
    return json;
  }

  private static Map<String, Object> describe(ArgSpec arg) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("param", arg.typeInfo().isBoolean() ? null : arg.paramLabel());
    json.put("description", String.join(" ", arg.description())
        .replace("${DEFAULT-VALUE}", String.valueOf(arg.defaultValue())));
    json.put("default", arg.defaultValue());
    json.put("required", arg.required());
    return json;
  }
}
