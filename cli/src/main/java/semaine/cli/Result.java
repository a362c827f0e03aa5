package semaine.cli;

import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import semaine.util.Json;

/**
 * What a command computed: the JSON object printed with {@code --json} and the text printed without.
 *
 * @param json the fields, in the order they are printed (snake_case keys, as in DESIGN.md)
 * @param human writes the same result for a person; it must write to the writer it is given only
 */
public record Result(Map<String, Object> json, Consumer<PrintWriter> human) {

  public Result {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(human, "human");
    json = Collections.unmodifiableMap(new LinkedHashMap<>(json));
  }

  /** A result whose text form is one {@code key: value} line per field. */
  public static Result of(Map<String, Object> json) {
    return new Result(json, out -> json.forEach((key, value) ->
        out.println(key + ": " + (value instanceof String s ? s : Json.write(value)))));
  }

  /** Prints the result on {@code out}: one JSON object and a newline, or the human text. */
  public void print(PrintWriter out, boolean asJson) {
    if (asJson) {
      out.println(Json.write(json));
    } else {
      human.accept(out);
    }
    out.flush();
  }
}
