package semaine.nn.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static semaine.nn.gpt2.GenerationParameter.DO_SAMPLE;
import static semaine.nn.gpt2.GenerationParameter.MAX_NEW_TOKENS;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.nn.gpt2.Gpt2Resources;
import semaine.nn.gpt2.Pipeline;

/** Downloads from a local fake Hub into a temporary cache, laid out as by huggingface_hub. */
class ModelHubDownloadTest {

  private static final String REPO = "openai-community/gpt2";

  @TempDir
  Path cache;

  FakeHub server;
  Map<String, byte[]> files;

  @BeforeEach
  void start() throws IOException {
    files = new LinkedHashMap<>();
    files.put("config.json", "{\"model_type\": \"gpt2\"}\n".getBytes(StandardCharsets.UTF_8));
    files.put("vocab.json", "{\"!\": 0}\n".getBytes(StandardCharsets.UTF_8));
    files.put("merges.txt", "#version: 0.2\nĠ t\n".getBytes(StandardCharsets.UTF_8));
    byte[] weights = new byte[300_000];
    new Random(7).nextBytes(weights);
    files.put("model.safetensors", weights);
    server = new FakeHub().repo(REPO, files);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  ModelHub hub(String... extra) {
    Map<String, String> env = new HashMap<>(Map.of("HF_HUB_CACHE", cache.toString(),
        "HF_ENDPOINT", server.endpoint() + "/"));
    for (int i = 0; i < extra.length; i += 2) {
      env.put(extra[i], extra[i + 1]);
    }
    return ModelHub.fromEnvironment(env, Path.of("/nonexistent-home"));
  }

  Path repo(String folder) {
    return cache.resolve(folder);
  }

  @Test
  void aFreshDownloadLaysOutTheCacheAsHuggingFaceHub() throws IOException {
    Map<String, Long> totals = new HashMap<>();
    Path snapshot = hub("HF_TOKEN", "hf_secret")
        .download(REPO, (f, done, total) -> totals.put(f, total));
    Path repo = repo("models--openai-community--gpt2");
    // sizes from X-Linked-Size (weights) and Content-Length (git files)
    files.forEach((f, content) -> assertEquals(content.length, totals.get(f), f));
    assertEquals(repo.resolve("snapshots").resolve(FakeHub.COMMIT), snapshot);
    assertEquals(FakeHub.COMMIT, Files.readString(repo.resolve("refs/main")));
    assertTrue(Files.readString(cache.resolve("CACHEDIR.TAG"))
        .startsWith("Signature: 8a477f597d28d172789f06886806bc55\n"));
    for (var e : files.entrySet()) {
      String etag = e.getKey().endsWith(".safetensors") ? FakeHub.sha256(e.getValue())
          : FakeHub.gitBlobSha1(e.getValue());
      Path pointer = snapshot.resolve(e.getKey());
      assertTrue(Files.isSymbolicLink(pointer), pointer.toString());
      assertEquals(Path.of("../../blobs", etag), Files.readSymbolicLink(pointer));
      assertArrayEquals(e.getValue(), Files.readAllBytes(repo.resolve("blobs").resolve(etag)));
    }
    try (var blobs = Files.list(repo.resolve("blobs"))) {
      assertEquals(4, blobs.count(), "one blob per file and no .incomplete left");
    }
    // generation_config.json answered 404: remembered as huggingface_hub does
    assertTrue(Files.exists(repo.resolve(".no_exist").resolve(FakeHub.COMMIT)
        .resolve("generation_config.json")));
    assertEquals(snapshot, hub().resolve(REPO));

    var first = server.requests.getFirst();
    assertEquals("HEAD", first.method());
    assertEquals("/" + REPO + "/resolve/main/config.json", first.path());
    assertTrue(first.userAgent().startsWith("semaine/"), first.userAgent());
    assertTrue(server.paths().contains("/" + REPO + "/resolve/" + FakeHub.COMMIT + "/vocab.json"));
    for (var r : server.requests) {
      if (r.path().startsWith("/cdn/")) {
        assertNull(r.authorization(), "the token must not leave the Hub");
      } else {
        assertEquals("Bearer hf_secret", r.authorization(), r.path());
      }
    }
    assertEquals(1, server.requests("GET").stream().filter(r -> r.path().startsWith("/cdn/"))
        .count(), "the weights come from the redirect's Location");
  }

  @Test
  void filesAlreadyCachedAreNotAskedAgain() throws IOException {
    ModelHub hub = hub();
    Path snapshot = hub.resolveOrDownload(REPO, ProgressListener.NONE);
    int before = server.requests.size();
    assertEquals(snapshot, hub.resolveOrDownload(REPO, ProgressListener.NONE));
    assertEquals(before, server.requests.size(), "a cached model makes no request");
    assertEquals(snapshot, hub.download(REPO, ProgressListener.NONE));
    var again = server.requests.subList(before, server.requests.size());
    assertEquals(1, again.size(), "only main's commit is asked: " + again);
    assertEquals("HEAD", again.getFirst().method());
  }

  @Test
  void anInterruptedTransferResumesWithARangeRequest() throws IOException {
    server.cutFile = "model.safetensors";
    server.cutAfter = 100_000;
    List<Long> progress = new ArrayList<>();
    Path snapshot = hub().download(REPO, (file, done, total) -> {
      if (file.equals("model.safetensors")) {
        progress.add(done);
        assertEquals(300_000, total);
      }
    });
    var gets = server.requests("GET").stream().filter(r -> r.path().startsWith("/cdn/")).toList();
    assertEquals(2, gets.size(), gets.toString());
    assertNull(gets.get(0).range());
    // the server sent 100,000 bytes then reset the connection; bytes still in flight at the reset
    // may never arrive, so the transfer resumes from what reached the file: (0, 100000]
    String range = gets.get(1).range();
    assertTrue(range != null && range.matches("bytes=\\d+-"), range);
    long resumedAt = Long.parseLong(range.substring("bytes=".length(), range.length() - 1));
    assertTrue(resumedAt > 0 && resumedAt <= 100_000, range);
    assertArrayEquals(files.get("model.safetensors"),
        Files.readAllBytes(snapshot.resolve("model.safetensors")));
    assertEquals(300_000L, progress.getLast());
  }

  @Test
  void aPartialFileFromAnEarlierRunIsResumed() throws IOException {
    byte[] weights = files.get("model.safetensors");
    Path blobs = repo("models--openai-community--gpt2").resolve("blobs");
    Files.createDirectories(blobs);
    Files.write(blobs.resolve(FakeHub.sha256(weights) + ".incomplete"),
        java.util.Arrays.copyOf(weights, 1234));
    Path snapshot = hub().download(REPO, ProgressListener.NONE);
    var gets = server.requests("GET").stream().filter(r -> r.path().startsWith("/cdn/")).toList();
    assertEquals(List.of("bytes=1234-"), gets.stream().map(FakeHub.Request::range).toList());
    assertArrayEquals(weights, Files.readAllBytes(snapshot.resolve("model.safetensors")));
  }

  @Test
  void aServerIgnoringTheRangeGivesTheWholeFileAgain() throws IOException {
    byte[] weights = files.get("model.safetensors");
    Path blobs = repo("models--openai-community--gpt2").resolve("blobs");
    Files.createDirectories(blobs);
    // garbage in the partial file: kept, it would spoil the checksum
    Files.write(blobs.resolve(FakeHub.sha256(weights) + ".incomplete"), new byte[5000]);
    server.ignoreRange = true;
    Path snapshot = hub().download(REPO, ProgressListener.NONE);
    assertArrayEquals(weights, Files.readAllBytes(snapshot.resolve("model.safetensors")));
  }

  @Test
  void aCorruptedWeightFileFailsItsSha256AndLeavesNoBlob() throws IOException {
    server.corruptFile = "model.safetensors";
    String sha = FakeHub.sha256(files.get("model.safetensors"));
    var e = assertThrows(IOException.class, () -> hub().download(REPO, ProgressListener.NONE));
    assertTrue(e.getMessage().startsWith(
        "checksum mismatch for model.safetensors: expected SHA-256 " + sha), e.getMessage());
    byte[] corrupted = files.get("model.safetensors").clone();
    corrupted[corrupted.length / 2] ^= 1;
    assertTrue(e.getMessage().contains(FakeHub.sha256(corrupted)), e.getMessage());
    Path blobs = repo("models--openai-community--gpt2").resolve("blobs");
    assertFalse(Files.exists(blobs.resolve(sha)));
    assertFalse(Files.exists(blobs.resolve(sha + ".incomplete")));
    assertFalse(Files.exists(repo("models--openai-community--gpt2")
        .resolve("snapshots").resolve(FakeHub.COMMIT).resolve("model.safetensors")));
    assertThrows(FileNotFoundException.class, () -> hub().resolve(REPO));
  }

  @Test
  void aCorruptedGitFileFailsItsBlobSha1() {
    server.corruptFile = "merges.txt";
    var e = assertThrows(IOException.class, () -> hub().download(REPO, ProgressListener.NONE));
    assertTrue(e.getMessage().startsWith(
        "checksum mismatch for merges.txt: expected git blob SHA-1 "
            + FakeHub.gitBlobSha1(files.get("merges.txt"))), e.getMessage());
  }

  @Test
  void offlineMakesNoRequestAndSaysTheModelIsNotCached() {
    for (String value : List.of("1", "true", "YES", "on")) {
      ModelHub hub = hub("HF_HUB_OFFLINE", value);
      assertTrue(hub.offline(), value);
      var e = assertThrows(FileNotFoundException.class,
          () -> hub.resolveOrDownload(REPO, ProgressListener.NONE));
      assertTrue(e.getMessage().startsWith("model \"" + REPO + "\" not found"), e.getMessage());
      assertTrue(e.getMessage().contains("HF_HUB_OFFLINE is set"), e.getMessage());
      assertThrows(IOException.class, () -> hub.download(REPO, ProgressListener.NONE));
    }
    assertTrue(hub("TRANSFORMERS_OFFLINE", "1").offline());
    assertFalse(hub("HF_HUB_OFFLINE", "0", "TRANSFORMERS_OFFLINE", "1").offline());
    assertEquals(List.of(), server.requests);
  }

  /** Commit ids become folder names: a server sending a path is refused before anything is written. */
  @Test
  void aHostileCommitHeaderIsRefused() throws IOException {
    server.commitHeader = "../../../escaped";
    var e = assertThrows(IOException.class, () -> hub().download(REPO, ProgressListener.NONE));
    assertTrue(e.getMessage().contains("unexpected X-Repo-Commit (\"../../../escaped\")"),
        e.getMessage());
    assertFalse(Files.exists(cache.getParent().resolve("escaped")));
    try (var walk = Files.walk(cache)) {
      assertTrue(walk.noneMatch(p -> p.getFileName().toString().equals("escaped")));
    }
  }

  @Test
  void aMissingRepositoryIsNamed() {
    var e = assertThrows(IOException.class,
        () -> hub().resolveOrDownload("someone/missing", ProgressListener.NONE));
    assertTrue(e.getMessage().contains("answered 404"), e.getMessage());
    assertTrue(e.getMessage().contains("the repository \"someone/missing\" does not exist"),
        e.getMessage());
  }

  @Test
  void aGatedRepositoryAsksForHfTokenAndNeverPrintsIt() throws IOException {
    server.gated(REPO, "right");
    var e = assertThrows(IOException.class, () -> hub().download(REPO, ProgressListener.NONE));
    assertTrue(e.getMessage().contains("answered 401"), e.getMessage());
    assertTrue(e.getMessage().contains("gated or private"), e.getMessage());
    assertTrue(e.getMessage().contains("set HF_TOKEN"), e.getMessage());
    var wrong = assertThrows(IOException.class,
        () -> hub("HF_TOKEN", "wrong-token").download(REPO, ProgressListener.NONE));
    assertFalse(wrong.getMessage().contains("wrong-token"), wrong.getMessage());
    assertTrue(Files.isDirectory(hub("HF_TOKEN", "right").download(REPO, ProgressListener.NONE)));
  }

  @Test
  void anUnreachableHubIsReportedWithWhatToDo() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String endpoint = "http://127.0.0.1:" + port;
    ModelHub hub = ModelHub.fromEnvironment(Map.of("HF_HUB_CACHE", cache.toString(),
        "HF_ENDPOINT", endpoint), Path.of("/nonexistent-home"));
    var e = assertThrows(IOException.class,
        () -> hub.resolveOrDownload("gpt2", ProgressListener.NONE));
    assertTrue(e.getMessage().startsWith("could not reach the Hugging Face Hub at " + endpoint
        + "/gpt2/resolve/main/config.json"), e.getMessage());
    assertTrue(e.getMessage().contains("(connection refused)"), e.getMessage());
    assertTrue(e.getMessage().contains("HF_HUB_OFFLINE=1"), e.getMessage());
    assertTrue(e.getMessage().contains("hf download gpt2"), e.getMessage());
  }

  @Test
  void aLegacyIdIsCachedUnderTheIdGiven() throws IOException {
    server.renamed("gpt2", REPO);
    Path snapshot = hub().download("gpt2", ProgressListener.NONE);
    assertEquals(repo("models--gpt2").resolve("snapshots").resolve(FakeHub.COMMIT), snapshot);
    assertEquals(FakeHub.COMMIT, Files.readString(repo("models--gpt2").resolve("refs/main")));
    assertArrayEquals(files.get("config.json"),
        Files.readAllBytes(snapshot.resolve("config.json")));
  }

  @Test
  void theEnvironmentSetsEndpointAndToken() {
    ModelHub hub = ModelHub.fromEnvironment(Map.of("HF_ENDPOINT", "https://mirror.example//"),
        Path.of("/home/u"));
    assertEquals("https://mirror.example", hub.endpoint());
    assertFalse(hub.offline());
    assertEquals(ModelHub.DEFAULT_ENDPOINT,
        ModelHub.fromEnvironment(Map.of(), Path.of("/home/u")).endpoint());
    var e = assertThrows(IllegalArgumentException.class,
        () -> hub.download("../x", ProgressListener.NONE));
    assertTrue(e.getMessage().startsWith("id (\"../x\")"), e.getMessage());
  }

  @Test
  void aDownloadedTinyModelGeneratesAsTheFolderDoes() throws IOException {
    Map<String, byte[]> tiny = new LinkedHashMap<>();
    for (String file : List.of("config.json", "vocab.json", "merges.txt", "model.safetensors",
        "generation_config.json")) {
      Path path = Gpt2Resources.tinyModel().resolve(file);
      if (Files.exists(path)) {
        tiny.put(file, Files.readAllBytes(path));
      }
    }
    server.repo("sshleifer/tiny-gpt2", tiny);
    var downloaded = Pipeline.textGeneration("sshleifer/tiny-gpt2", hub());
    var local = Pipeline.textGeneration(Gpt2Resources.tinyModel().toString(), hub());
    assertEquals("sshleifer/tiny-gpt2", downloaded.name());
    var a = downloaded.generate("Hello world", MAX_NEW_TOKENS.of(8), DO_SAMPLE.of(false));
    var b = local.generate("Hello world", MAX_NEW_TOKENS.of(8), DO_SAMPLE.of(false));
    assertArrayEquals(b.getFirst().ids(), a.getFirst().ids());
  }
}
