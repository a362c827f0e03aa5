package semaine.nn.gpt2;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a model folder from a path or a Hugging Face Hub id ({@code gpt2},
 * {@code openai-community/gpt2}, {@code distilgpt2}, {@code gpt2-medium}) in the cache shared with
 * Python's {@code huggingface_hub}, without network access.
 *
 * <p>The cache root is {@code HF_HUB_CACHE}, else {@code HUGGINGFACE_HUB_CACHE}, else
 * {@code $HF_HOME/hub}, else {@code $XDG_CACHE_HOME/huggingface/hub}, else
 * {@code ~/.cache/huggingface/hub}. A repository {@code a/b} lives in {@code models--a--b};
 * {@code refs/main} names the commit whose {@code snapshots/<commit>/} holds the files (symbolic
 * links into {@code blobs/}). Legacy ids are also looked up under their current organisation
 * ({@code gpt2} and {@code openai-community/gpt2}, {@code distilgpt2} and
 * {@code distilbert/distilgpt2}) since Python keys the cache by the id the caller used.
 */
public final class ModelHub {

  /** The files a GPT-2 folder needs. */
  static final List<String> FILES = List.of("config.json", "model.safetensors", "vocab.json",
      "merges.txt");

  private static final Pattern HUB_ID = Pattern.compile("[\\w.-]+(/[\\w.-]+)?");
  private static final Map<String, String> ORGANISATIONS = Map.of("gpt2", "openai-community",
      "gpt2-medium", "openai-community", "gpt2-large", "openai-community", "gpt2-xl",
      "openai-community", "distilgpt2", "distilbert");

  private final Path cache;

  /** A hub looking in the cache folder {@code cache} (the {@code hub} folder itself). */
  public ModelHub(Path cache) {
    this.cache = cache;
  }

  /** The hub of this process's environment, as {@code huggingface_hub} chooses its cache. */
  public static ModelHub fromEnvironment() {
    return new ModelHub(cacheRoot(System.getenv(), Path.of(System.getProperty("user.home"))));
  }

  /** The cache root for environment variables {@code env} and home folder {@code home}. */
  static Path cacheRoot(Map<String, String> env, Path home) {
    for (String key : List.of("HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE")) {
      if (env.get(key) != null && !env.get(key).isEmpty()) {
        return Path.of(env.get(key));
      }
    }
    if (env.get("HF_HOME") != null && !env.get("HF_HOME").isEmpty()) {
      return Path.of(env.get("HF_HOME"), "hub");
    }
    String xdg = env.get("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : home.resolve(".cache");
    return base.resolve("huggingface").resolve("hub");
  }

  /** The cache folder searched. */
  public Path cache() {
    return cache;
  }

  /**
   * The folder of {@code model}: an existing folder as given, else the cached snapshot of a Hub
   * id. Throws {@link FileNotFoundException} naming every place looked at and how to get the model.
   */
  public Path resolve(String model) throws IOException {
    Path folder = Path.of(model);
    if (Files.isDirectory(folder)) {
      return folder;
    }
    List<Path> looked = new ArrayList<>();
    if (HUB_ID.matcher(model).matches() && !model.startsWith(".")) {
      for (String id : aliases(model)) {
        Path repo = cache.resolve("models--" + id.replace("/", "--"));
        looked.add(repo);
        Path snapshot = snapshot(repo);
        if (snapshot != null) {
          return snapshot;
        }
      }
    }
    throw new FileNotFoundException(notFound(model, looked));
  }

  /** The id itself, then the same repository under its other name. */
  static Set<String> aliases(String id) {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(id);
    String name = id.contains("/") ? id.substring(id.indexOf('/') + 1) : id;
    String organisation = ORGANISATIONS.get(name);
    if (organisation != null) {
      ids.add(organisation + "/" + name);
      ids.add(name);
    }
    return ids;
  }

  /** The snapshot named by refs/main, else the newest snapshot, holding every file; or null. */
  private static Path snapshot(Path repo) throws IOException {
    Path snapshots = repo.resolve("snapshots");
    if (!Files.isDirectory(snapshots)) {
      return null;
    }
    Path ref = repo.resolve("refs").resolve("main");
    if (Files.isRegularFile(ref)) {
      Path pinned = snapshots.resolve(Files.readString(ref).strip());
      if (complete(pinned)) {
        return pinned;
      }
    }
    try (Stream<Path> all = Files.list(snapshots)) {
      return all.filter(ModelHub::complete)
          .max(Comparator.comparingLong(ModelHub::modified)).orElse(null);
    }
  }

  private static boolean complete(Path folder) {
    return Files.isDirectory(folder) && FILES.stream().allMatch(f -> Files.isRegularFile(folder.resolve(f)));
  }

  private static long modified(Path path) {
    try {
      return Files.getLastModifiedTime(path).toMillis();
    } catch (IOException e) {
      return Long.MIN_VALUE;
    }
  }

  private static String notFound(String model, List<Path> looked) {
    StringBuilder m = new StringBuilder("model \"" + model + "\" not found: it is not a folder");
    if (!looked.isEmpty()) {
      m.append(", and the Hugging Face cache has no complete snapshot of it (looked in ");
      m.append(String.join(", ", looked.stream().map(Path::toString).toList())).append(')');
      String id = aliases(model).stream().filter(a -> a.contains("/")).findFirst().orElse(model);
      m.append(". semaine does not download models yet: fetch it once with Python's huggingface_hub"
          + " (`hf download ").append(id).append(' ').append(String.join(" ", FILES))
          .append("`), which fills that cache, or pass");
    } else {
      m.append("; pass");
    }
    return m.append(" a folder holding ").append(String.join(", ", FILES)).toString();
  }
}
