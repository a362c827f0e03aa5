package semaine.nn.hub;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a model folder from a path or a Hugging Face Hub id ({@code gpt2},
 * {@code openai-community/gpt2}, {@code distilgpt2}, {@code gpt2-medium}) in the cache shared with
 * Python's {@code huggingface_hub}, and downloads it there when missing.
 *
 * <p>The cache root is {@code HF_HUB_CACHE}, else {@code HUGGINGFACE_HUB_CACHE}, else
 * {@code $HF_HOME/hub}, else {@code $XDG_CACHE_HOME/huggingface/hub}, else
 * {@code ~/.cache/huggingface/hub}. A repository {@code a/b} lives in {@code models--a--b};
 * {@code refs/main} names the commit whose {@code snapshots/<commit>/} holds the files (symbolic
 * links into {@code blobs/}, see {@link RepoCache}). Legacy ids are also looked up under their
 * current organisation ({@code gpt2} and {@code openai-community/gpt2}, {@code distilgpt2} and
 * {@code distilbert/distilgpt2}) since Python keys the cache by the id the caller used; a download
 * is likewise stored under the id given.
 *
 * <p>{@link #resolve} never touches the network. {@link #download} fetches the files of a GPT-2
 * model as {@code huggingface_hub}'s {@code snapshot_download} would (same URLs, headers and cache
 * layout, see {@link HubClient} and {@link BlobTransfer}), from {@code HF_ENDPOINT} (default
 * {@value #DEFAULT_ENDPOINT}) with the token {@code HF_TOKEN} (or {@code HUGGING_FACE_HUB_TOKEN});
 * {@link #resolveOrDownload} looks in the cache first. {@code HF_HUB_OFFLINE} (or
 * {@code TRANSFORMERS_OFFLINE}) set to 1, true, yes or on forbids any request.
 */
public final class ModelHub {

  /** The files a GPT-2 folder needs. */
  static final List<String> FILES = ModelFiles.REQUIRED;

  /** Files fetched when the repository has them (a 404 is not an error). */
  static final List<String> OPTIONAL_FILES = ModelFiles.OPTIONAL;
  /** huggingface_hub's default endpoint. */
  public static final String DEFAULT_ENDPOINT = "https://huggingface.co";
  /** The branch downloaded. */
  private static final String REVISION = "main";
  /** Values huggingface_hub reads as true (its {@code ENV_VARS_TRUE_VALUES}, any case). */
  private static final Set<String> TRUE_VALUES = Set.of("1", "ON", "YES", "TRUE");

  private static final Pattern HUB_ID = Pattern.compile("[\\w.-]+(/[\\w.-]+)?");
  private static final Map<String, String> ORGANISATIONS = Map.of("gpt2", "openai-community",
      "gpt2-medium", "openai-community", "gpt2-large", "openai-community", "gpt2-xl",
      "openai-community", "distilgpt2", "distilbert");

  private final Path cache;
  private final String endpoint;
  private final String token;   // never printed
  private final boolean offline;

  /**
   * A hub looking in the cache folder {@code cache} (the {@code hub} folder itself), downloading
   * from {@value #DEFAULT_ENDPOINT} without a token.
   */
  public ModelHub(Path cache) {
    this(cache, DEFAULT_ENDPOINT, null, false);
  }

  private ModelHub(Path cache, String endpoint, String token, boolean offline) {
    this.cache = cache;
    this.endpoint = endpoint;
    this.token = token;
    this.offline = offline;
  }

  /** The hub of this process's environment, as {@code huggingface_hub} configures itself. */
  public static ModelHub fromEnvironment() {
    return fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /**
   * The hub configured by environment variables {@code env} and home folder {@code home}: the cache
   * root ({@link #cacheRoot}), {@code HF_ENDPOINT} without trailing slashes, {@code HF_TOKEN} else
   * {@code HUGGING_FACE_HUB_TOKEN}, and {@code HF_HUB_OFFLINE} else {@code TRANSFORMERS_OFFLINE}.
   */
  public static ModelHub fromEnvironment(Map<String, String> env, Path home) {
    String endpoint = nonEmpty(env.get("HF_ENDPOINT"));
    endpoint = endpoint == null ? DEFAULT_ENDPOINT : endpoint.replaceAll("/+$", "");
    String token = nonEmpty(env.get("HF_TOKEN"));
    token = token != null ? token : nonEmpty(env.get("HUGGING_FACE_HUB_TOKEN"));
    String offline = nonEmpty(env.get("HF_HUB_OFFLINE"));
    offline = offline != null ? offline : env.get("TRANSFORMERS_OFFLINE");
    return new ModelHub(cacheRoot(env, home), endpoint, token, isTrue(offline));
  }

  /** huggingface_hub's {@code _is_true}: 1, on, yes or true in any case. */
  static boolean isTrue(String value) {
    return value != null && TRUE_VALUES.contains(value.toUpperCase(Locale.ROOT));
  }

  private static String nonEmpty(String value) {
    return value == null || value.strip().isEmpty() ? null : value.strip();
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

  /** The Hub's address, such as {@value #DEFAULT_ENDPOINT}. */
  public String endpoint() {
    return endpoint;
  }

  /** True when no request may be made ({@code HF_HUB_OFFLINE}). */
  public boolean offline() {
    return offline;
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
    if (isHubId(model)) {
      for (String id : aliases(model)) {
        Path repo = RepoCache.of(cache, id).folder();
        looked.add(repo);
        Path snapshot = snapshot(repo);
        if (snapshot != null) {
          return snapshot;
        }
      }
    }
    throw new FileNotFoundException(notFound(model, looked));
  }

  /**
   * The folder of {@code model} as {@link #resolve}, else, for a Hub id not in the cache,
   * {@link #download} (unless offline, which throws the not-found message of {@code resolve}).
   */
  public Path resolveOrDownload(String model, ProgressListener listener) throws IOException {
    try {
      return resolve(model);
    } catch (FileNotFoundException e) {
      if (offline || !isHubId(model)) {
        throw e;
      }
      return download(model, listener);
    }
  }

  /**
   * Downloads the GPT-2 files of Hub repository {@code id} at branch main into the cache and
   * returns their snapshot folder. The commit main points to is read first (and written to
   * {@code refs/main}); the other files are asked at that commit, as {@code snapshot_download},
   * and those already in its snapshot make no request. Required: {@link #FILES}; also fetched
   * when the repository has them: {@link #OPTIONAL_FILES}.
   *
   * @throws IllegalArgumentException if {@code id} is not a Hub id
   * @throws IOException if offline, if the Hub cannot be reached or refuses, or if a file's
   *     content does not match its etag
   */
  public Path download(String id, ProgressListener listener) throws IOException {
    if (!isHubId(id)) {
      throw new IllegalArgumentException("id (\"" + id + "\") must be a Hub id such as gpt2 or "
          + "openai-community/gpt2");
    }
    if (offline) {
      throw new IOException("cannot download \"" + id + "\": HF_HUB_OFFLINE is set, which "
          + "forbids any request; unset it, or pass a model folder");
    }
    RepoCache repo = RepoCache.of(cache, id);
    try (HubClient client = new HubClient(endpoint, token)) {
      BlobTransfer transfer = new BlobTransfer(client, listener);
      HubClient.FileMetadata first = client.metadata(id, REVISION, FILES.getFirst());
      String commit = first.commit();
      RepoCache.tag(cache);
      repo.writeRef(REVISION, commit);
      if (!Files.exists(repo.pointer(commit, FILES.getFirst()))) {
        store(transfer, repo, id, FILES.getFirst(), commit, first);
      }
      for (String file : FILES.subList(1, FILES.size())) {
        fetch(client, transfer, repo, id, commit, file, true);
      }
      for (String file : OPTIONAL_FILES) {
        fetch(client, transfer, repo, id, commit, file, false);
      }
      return repo.snapshot(commit);
    }
  }

  /** Whether {@code model} has the form of a Hub id ({@code name} or {@code org/name}). */
  public static boolean isHubId(String model) {
    return HUB_ID.matcher(model).matches() && !model.startsWith(".");
  }

  /** Fetches {@code file} at {@code commit} unless its snapshot (or .no_exist marker) has it. */
  private static void fetch(HubClient client, BlobTransfer transfer, RepoCache repo, String id,
      String commit, String file, boolean required) throws IOException {
    if (Files.exists(repo.pointer(commit, file))
        || !required && Files.exists(repo.noExist(commit, file))) {
      return;
    }
    HubClient.FileMetadata meta;
    try {
      meta = client.metadata(id, commit, file);
    } catch (HubClient.StatusException e) {
      if (!required && e.status == 404) {
        repo.markMissing(commit, file);
        return;
      }
      throw e;
    }
    store(transfer, repo, id, file, commit, meta);
  }

  /** Downloads the blob unless present, then links it into the snapshot. */
  private static void store(BlobTransfer transfer, RepoCache repo, String id, String file,
      String commit, HubClient.FileMetadata meta) throws IOException {
    Path blob = repo.blob(meta.etag());
    if (!Files.isRegularFile(blob)) {
      transfer.fetch(id, file, meta, blob);
    }
    repo.link(commit, file, blob);
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

  private String notFound(String model, List<Path> looked) {
    StringBuilder m = new StringBuilder("model \"" + model + "\" not found: it is not a folder");
    if (!looked.isEmpty()) {
      m.append(", and the Hugging Face cache has no complete snapshot of it (looked in ");
      m.append(String.join(", ", looked.stream().map(Path::toString).toList())).append(')');
      String id = aliases(model).stream().filter(a -> a.contains("/")).findFirst().orElse(model);
      m.append(offline ? ", and HF_HUB_OFFLINE is set, so the Hub was not asked. Unset "
          + "HF_HUB_OFFLINE to download it, fetch it with" : ". Download it (`semaine generate`"
          + " does when HF_HUB_OFFLINE is not set), fetch it with");
      m.append(" Python's huggingface_hub (`hf download ").append(id).append(' ')
          .append(String.join(" ", FILES)).append("`), or pass");
    } else {
      m.append("; pass");
    }
    return m.append(" a folder holding ").append(String.join(", ", FILES)).toString();
  }
}
