package semaine.nn.hub;

import java.util.List;

/**
 * The files of a GPT-2 model repository that are fetched, named once for {@link ModelHub} (which
 * downloads them) and {@link HubClient} (whose errors say how to fetch them by hand).
 */
final class ModelFiles {

  /** The files a GPT-2 folder needs. */
  static final List<String> REQUIRED = List.of("config.json", "model.safetensors", "vocab.json",
      "merges.txt");

  /** Files fetched when the repository has them (a 404 is not an error). */
  static final List<String> OPTIONAL = List.of("generation_config.json");

  private ModelFiles() {}
}
