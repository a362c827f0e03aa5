package semaine.nn.hub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Hugging Face Hub on 127.0.0.1 answering {@code HEAD} and {@code GET} of
 * {@code /{repo}/resolve/{revision}/{file}} with the Hub's headers: {@code X-Repo-Commit}; for
 * regular files {@code ETag} (the git blob SHA-1) and {@code Content-Length}; for
 * {@code .safetensors} (stored with LFS) a 302 to a "CDN" on {@code localhost} (another host
 * name, as the real CDN) with {@code X-Linked-Etag} (the SHA-256) and {@code X-Linked-Size}.
 * Ranges are honoured. Every request is logged.
 */
final class FakeHub implements AutoCloseable {

  /** One request as the server saw it. */
  record Request(String method, String path, String range, String authorization,
      String userAgent) {}

  static final String COMMIT = "607a30d783dfa663caf39e06633721c8d4cfcd7e";
  private static final Pattern RESOLVE = Pattern.compile("/(.+)/resolve/([^/]+)/(.+)");

  private final HttpServer server;
  private final Map<String, Map<String, byte[]>> repos = new ConcurrentHashMap<>();
  private final Map<String, String> renamed = new ConcurrentHashMap<>();
  private final Map<String, String> gated = new ConcurrentHashMap<>();
  final List<Request> requests = new CopyOnWriteArrayList<>();
  /** File whose first GET stops after {@link #cutAfter} bytes (then the connection closes). */
  volatile String cutFile;
  volatile int cutAfter;
  /** File served with one byte changed. */
  volatile String corruptFile;
  /** Answer 200 with the whole file to ranged requests. */
  volatile boolean ignoreRange;
  /** The X-Repo-Commit sent (a hostile server may send a path). */
  volatile String commitHeader = COMMIT;

  FakeHub() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The endpoint to put in HF_ENDPOINT. */
  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Adds repository {@code id} holding {@code files}. */
  FakeHub repo(String id, Map<String, byte[]> files) {
    repos.put(id, new LinkedHashMap<>(files));
    return this;
  }

  /** Old name {@code from} redirects (relatively, on the same host) to {@code to}. */
  FakeHub renamed(String from, String to) {
    renamed.put(from, to);
    return this;
  }

  /** Repository {@code id} answers 401 unless given {@code Bearer token}. */
  FakeHub gated(String id, String token) {
    gated.put(id, token);
    return this;
  }

  List<Request> requests(String method) {
    return requests.stream().filter(r -> r.method().equals(method)).toList();
  }

  static String sha256(byte[] content) {
    return hex("SHA-256", new byte[0], content);
  }

  static String gitBlobSha1(byte[] content) {
    return hex("SHA-1", ("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII),
        content);
  }

  private static boolean isLfs(String file) {
    return file.endsWith(".safetensors");
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    requests.add(new Request(ex.getRequestMethod(), path,
        ex.getRequestHeaders().getFirst("Range"), ex.getRequestHeaders().getFirst("Authorization"),
        ex.getRequestHeaders().getFirst("User-Agent")));
    try (ex) {
      if (path.startsWith("/cdn/")) {
        serveCdn(ex, path.substring("/cdn/".length()));
        return;
      }
      Matcher m = RESOLVE.matcher(path);
      if (!m.matches()) {
        reply(ex, 404, Map.of());
        return;
      }
      String repo = m.group(1);
      String revision = m.group(2);
      String file = m.group(3);
      if (renamed.containsKey(repo)) {
        reply(ex, 307, Map.of("Location", "/" + renamed.get(repo) + "/resolve/" + revision + "/"
            + file));
        return;
      }
      Map<String, byte[]> files = repos.get(repo);
      String token = gated.get(repo);
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      if (token != null && !("Bearer " + token).equals(auth)) {
        reply(ex, 401, Map.of("X-Error-Code", "GatedRepo"));
      } else if (files == null) {
        reply(ex, 404, Map.of("X-Error-Code", "RepoNotFound"));
      } else if (!revision.equals("main") && !revision.equals(COMMIT)) {
        reply(ex, 404, Map.of("X-Error-Code", "RevisionNotFound"));
      } else if (!files.containsKey(file)) {
        reply(ex, 404, Map.of("X-Error-Code", "EntryNotFound", "X-Repo-Commit", commitHeader));
      } else if (isLfs(file)) {
        byte[] content = files.get(file);
        String sha = sha256(content);
        reply(ex, 302, Map.of("X-Repo-Commit", commitHeader, "X-Linked-Etag", "\"" + sha + "\"",
            "X-Linked-Size", Integer.toString(content.length), "ETag", "\"redirect-etag\"",
            "Location", "http://localhost:" + server.getAddress().getPort() + "/cdn/" + sha));
      } else {
        serve(ex, file, files.get(file), Map.of("X-Repo-Commit", commitHeader,
            "ETag", "W/\"" + gitBlobSha1(files.get(file)) + "\""));
      }
    }
  }

  private void serveCdn(HttpExchange ex, String sha) throws IOException {
    for (Map<String, byte[]> files : repos.values()) {
      for (var e : files.entrySet()) {
        if (isLfs(e.getKey()) && sha256(e.getValue()).equals(sha)) {
          serve(ex, e.getKey(), e.getValue(), Map.of("ETag", "\"" + sha + "\""));
          return;
        }
      }
    }
    reply(ex, 404, Map.of());
  }

  /** Sends {@code content} (or its requested range), cut or corrupted as configured. */
  private void serve(HttpExchange ex, String file, byte[] content, Map<String, String> headers)
      throws IOException {
    headers.forEach(ex.getResponseHeaders()::set);
    if (ex.getRequestMethod().equals("HEAD")) {
      ex.getResponseHeaders().set("Content-Length", Integer.toString(content.length));
      ex.sendResponseHeaders(200, -1);
      return;
    }
    byte[] body = content.clone();
    if (file.equals(corruptFile)) {
      body[body.length / 2] ^= 1;
    }
    String range = ex.getRequestHeaders().getFirst("Range");
    int from = 0;
    if (range != null && !ignoreRange) {
      from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
      ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/"
          + body.length);
    }
    ex.sendResponseHeaders(from > 0 ? 206 : 200, body.length - from);
    OutputStream out = ex.getResponseBody();
    if (file.equals(cutFile)) {
      cutFile = null;
      out.write(body, from, cutAfter);
      out.flush();
      // failing the handler closes the socket with bytes still owed: a broken transfer
      throw new IOException("cut after " + cutAfter + " bytes");
    }
    out.write(body, from, body.length - from);
  }

  private static void reply(HttpExchange ex, int status, Map<String, String> headers)
      throws IOException {
    headers.forEach(ex.getResponseHeaders()::set);
    ex.sendResponseHeaders(status, -1);
  }

  private static String hex(String algorithm, byte[] header, byte[] content) {
    try {
      MessageDigest d = MessageDigest.getInstance(algorithm);
      d.update(header);
      return HexFormat.of().formatHex(d.digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** The set of request paths, for assertions on which URLs were asked. */
  Set<String> paths() {
    return Set.copyOf(requests.stream().map(Request::path).toList());
  }
}
