package semaine.nn.gpt2;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import semaine.util.Json;

/** The GPT-2 test resources: the tiny model folder and the JSON references made by transformers. */
public final class Gpt2Resources {

  private Gpt2Resources() {}

  /** The folder of the tiny random GPT-2 (GPT-2's real tokenizer files). */
  public static Path tinyModel() {
    try {
      return Path.of(Gpt2Resources.class.getResource("/gpt2/tiny-gpt2/config.json").toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> json(String name) {
    try (InputStream in = Gpt2Resources.class.getResourceAsStream("/gpt2/" + name)) {
      return (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> cases(Map<String, Object> json, String key) {
    return (List<Map<String, Object>>) json.get(key);
  }

  static int[] ints(Object list) {
    return ((List<?>) list).stream().mapToInt(v -> ((Number) v).intValue()).toArray();
  }

  static double[] doubles(Object list) {
    return ((List<?>) list).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
  }
}
