package semaine.nn.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTP side of Hub downloads: the metadata {@code HEAD} of
 * {@code {endpoint}/{repo}/resolve/{revision}/{file}} and the {@code GET} of its content, as
 * {@code huggingface_hub}'s {@code get_hf_file_metadata} and {@code http_get}.
 *
 * <p>Redirects are followed by hand. The {@code HEAD} follows them while they stay on the same host
 * or another Hub host and stops at the first one leaving it (a CDN), whose response carries the
 * metadata and whose {@code Location} is where the content is fetched. The token is sent only to
 * the endpoint's host and Hub hosts, never to a CDN. Connections time out after 10 s, as
 * {@code HF_HUB_ETAG_TIMEOUT}; HTTP/1.1 is used throughout.
 */
final class HubClient implements AutoCloseable {

  /** The connect and response-headers timeout, huggingface_hub's default 10 s. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final int MAX_REDIRECTS = 10;
  /** Hosts that may receive the token (huggingface_hub's {@code HF_URL_HOSTS}). */
  private static final Set<String> HUB_HOSTS = Set.of("huggingface.co", "hf.co",
      "hub-ci.huggingface.co");

  /** A git commit id: the snapshot folder's name. */
  private static final java.util.regex.Pattern SAFE_COMMIT =
      java.util.regex.Pattern.compile("[0-9a-f]{40}");
  /** An etag usable as a file name (hashes, or a mirror's own token): no dot, slash or space. */
  private static final java.util.regex.Pattern SAFE_ETAG =
      java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,128}");

  /** A file's metadata: commit of the revision, normalised etag, size (-1 unknown), content URL. */
  record FileMetadata(String commit, String etag, long size, URI location) {}

  /** A response whose status the caller handles: 200, 206 or 416 to a ranged GET. */
  record Body(int status, long length, InputStream stream) {}

  /** The server answered with an error status: not worth retrying. */
  static final class StatusException extends IOException {
    final int status;
    final String errorCode;
    final String commit;

    StatusException(String message, int status, String errorCode, String commit) {
      super(message);
      this.status = status;
      this.errorCode = errorCode;
      this.commit = commit;
    }
  }

  private final HttpClient http;
  private final String endpoint;
  private final String token;
  private final String userAgent;

  /** A client of {@code endpoint} (no trailing slash) sending {@code token} when not null. */
  HubClient(String endpoint, String token) {
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    this.endpoint = endpoint;
    this.token = token;
    String version = HubClient.class.getPackage().getImplementationVersion();
    this.userAgent = "semaine/" + (version == null ? "dev" : version) + "; java/"
        + Runtime.version().feature();
  }

  /** {@code {endpoint}/{repo}/resolve/{revision}/{file}}, huggingface_hub's {@code hf_hub_url}. */
  URI fileUrl(String repo, String revision, String file) {
    return URI.create(endpoint + "/" + repo + "/resolve/" + revision + "/" + file);
  }

  /**
   * The metadata of {@code file}: {@code X-Repo-Commit}; {@code X-Linked-Etag} else
   * {@code ETag} without {@code W/} and quotes; {@code X-Linked-Size} else (not on a redirect)
   * {@code Content-Length}; the redirect's {@code Location} else the URL last asked.
   */
  FileMetadata metadata(String repo, String revision, String file) throws IOException {
    URI url = fileUrl(repo, revision, file);
    URI current = url;
    for (int i = 0; i <= MAX_REDIRECTS; i++) {
      HttpRequest request = request(current, url).HEAD().header("Accept-Encoding", "identity")
          .build();
      HttpResponse<Void> response = send(request, HttpResponse.BodyHandlers.discarding(), repo);
      HttpHeaders h = response.headers();
      Optional<String> location = h.firstValue("Location");
      boolean redirect = isRedirect(response.statusCode()) && location.isPresent();
      if (!redirect) {
        checkStatus(response, repo, file);
      }
      URI target = redirect ? current.resolve(location.get()) : current;
      if (redirect && sameOrHubHost(url, target)) {
        current = target;
        continue;
      }
      String commit = h.firstValue("X-Repo-Commit").orElseThrow(() -> new IOException("the answer "
          + "of " + url + " has no X-Repo-Commit header, so it does not come from a Hugging Face "
          + "Hub: check HF_ENDPOINT and any proxy or firewall"));
      String etag = Etags.normalize(h.firstValue("X-Linked-Etag")
          .or(() -> h.firstValue("ETag")).orElseThrow(() -> new IOException("the answer of " + url
              + " has no ETag: the file cannot be cached reliably")));
      Optional<String> size = h.firstValue("X-Linked-Size")
          .or(() -> redirect ? Optional.empty() : h.firstValue("Content-Length"));
      // commit and etag become folder and file names in the cache: accept only what the Hub sends
      if (!SAFE_COMMIT.matcher(commit).matches()) {
        throw new IOException("the answer of " + url + " has an unexpected X-Repo-Commit (\""
            + commit + "\"): a Hub commit is 40 hexadecimal digits");
      }
      if (!SAFE_ETAG.matcher(etag).matches()) {
        throw new IOException("the answer of " + url + " has an unexpected ETag (\"" + etag
            + "\"): an etag is made of letters, digits, '-' and '_'");
      }
      if (size.isPresent() && !size.get().strip().matches("\\d{1,18}")) {
        throw new IOException("the answer of " + url + " has an unexpected size (\"" + size.get()
            + "\"): it must be a whole number of bytes");
      }
      return new FileMetadata(commit, etag, size.map(v -> Long.parseLong(v.strip())).orElse(-1L),
          target);
    }
    throw new IOException(url + " redirects more than " + MAX_REDIRECTS + " times");
  }

  /**
   * Opens the content at {@code location} from byte {@code offset} ({@code Range: bytes=N-} when
   * N > 0), following redirects. Statuses 200, 206 and 416 come back to the caller.
   */
  Body content(URI location, long offset, String repo, String file) throws IOException {
    URI current = location;
    for (int i = 0; i <= MAX_REDIRECTS; i++) {
      HttpRequest.Builder b = request(current, URI.create(endpoint + "/")).GET();
      if (offset > 0) {
        b.header("Range", "bytes=" + offset + "-");
      }
      HttpResponse<InputStream> response = send(b.build(),
          HttpResponse.BodyHandlers.ofInputStream(), repo);
      Optional<String> next = response.headers().firstValue("Location");
      if (isRedirect(response.statusCode()) && next.isPresent()) {
        response.body().close();
        current = current.resolve(next.get());
        continue;
      }
      int status = response.statusCode();
      if (status != 200 && status != 206 && status != 416) {
        response.body().close();
        checkStatus(response, repo, file);
      }
      long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      return new Body(status, length, response.body());
    }
    throw new IOException(location + " redirects more than " + MAX_REDIRECTS + " times");
  }

  @Override
  public void close() {
    http.close();
  }

  /** A request to {@code uri} with the user agent, and the token if {@code uri} may see it. */
  private HttpRequest.Builder request(URI uri, URI hub) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
        .header("User-Agent", userAgent);
    if (token != null && sameOrHubHost(hub, uri)) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler, String repo)
      throws IOException {
    try {
      return http.send(request, handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while asking " + request.uri());
    } catch (ConnectException | HttpTimeoutException | UnknownHostException
        | UnresolvedAddressException e) {
      throw unreachable(request.uri(), repo, e);
    } catch (IOException e) {
      if (e.getCause() instanceof UnresolvedAddressException
          || e.getCause() instanceof UnknownHostException) {
        throw unreachable(request.uri(), repo, e);
      }
      throw e;
    }
  }

  /** The Hub could not be reached: say where, why, and how to work without it. */
  private static HubUnreachableException unreachable(URI uri, String repo, Exception cause) {
    String why = cause instanceof ConnectException ? "connection refused"
        : cause.getClass().getSimpleName();
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        why = "unknown host " + uri.getHost();
        break;
      }
      if (t.getMessage() != null) {
        why = t.getMessage();
      }
    }
    return new HubUnreachableException("could not reach the Hugging Face Hub at " + uri + " (" + why
        + "): check the network or HF_ENDPOINT; to work without the Hub, set HF_HUB_OFFLINE=1 and "
        + "pass a model folder, or fetch the model once with `hf download " + repo + " "
        + String.join(" ", ModelFiles.REQUIRED) + "`", cause);
  }

  /**
   * Throws for a status that is not success, as huggingface_hub's {@code hf_raise_for_status}:
   * 401/403 mean gated or private (the Hub also answers 401 for a missing repository), 404 a
   * missing repository ({@code X-Error-Code: RepoNotFound}) or file.
   */
  private void checkStatus(HttpResponse<?> response, String repo, String file) throws IOException {
    int status = response.statusCode();
    if (status / 100 == 2) {
      return;
    }
    String code = response.headers().firstValue("X-Error-Code").orElse(null);
    String commit = response.headers().firstValue("X-Repo-Commit").orElse(null);
    String url = response.request().uri().toString();
    String message = switch (status) {
      case 401, 403 -> url + " answered " + status + ": the repository \"" + repo + "\" is gated "
          + "or private (or does not exist); "
          + (token == null ? "set HF_TOKEN to a token that can read it"
              : "the token in HF_TOKEN cannot read it: accept the model's terms on its page or use "
                  + "another token")
          + " (https://huggingface.co/settings/tokens)";
      case 404 -> url + " answered 404: " + ("RepoNotFound".equals(code)
          ? "the repository \"" + repo + "\" does not exist on the Hub"
          : "EntryNotFound".equals(code)
              ? "the repository \"" + repo + "\" has no file \"" + file + "\""
              : "the repository \"" + repo + "\" or its file \"" + file + "\" does not exist")
          + "; check the model id";
      default -> url + " answered " + status + response.headers().firstValue("X-Error-Message")
          .map(m -> " (" + m + ")").orElse("");
    };
    throw new StatusException(message, status, code, commit);
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** huggingface_hub's {@code _is_same_or_hub_host}: same host name, or a Hub host. */
  static boolean sameOrHubHost(URI url, URI target) {
    String host = target.getHost() == null ? "" : target.getHost().toLowerCase(Locale.ROOT);
    return host.equalsIgnoreCase(url.getHost() == null ? "" : url.getHost())
        || HUB_HOSTS.contains(host);
  }
}
