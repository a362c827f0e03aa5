package semaine.nn.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Downloads one blob into the cache: bytes go to {@code blobs/<etag>.incomplete}, which a later
 * attempt resumes with {@code Range: bytes=N-}; once complete and checked against the etag it is
 * renamed to {@code blobs/<etag>}, so a blob file is always whole.
 *
 * <p>As {@code huggingface_hub}'s {@code http_get}: a server answering 200 to a ranged request
 * gets the file from the start again, a broken transfer is resumed at once (up to five attempts in
 * a row that bring no new byte, one second apart), and the received size must match the announced
 * one. Unlike it, the content is checked against the etag (see {@link Etags}), and the partial
 * file is kept between runs (huggingface_hub 1.x starts each run afresh).
 */
final class BlobTransfer {

  private static final int MAX_ATTEMPTS_WITHOUT_PROGRESS = 5;
  private static final int CHUNK = 1 << 16;

  private final HubClient client;
  private final ProgressListener listener;

  BlobTransfer(HubClient client, ProgressListener listener) {
    this.client = client;
    this.listener = listener;
  }

  /** Fetches {@code file} of {@code repo} described by {@code meta} into {@code blob}. */
  void fetch(String repo, String file, HubClient.FileMetadata meta, Path blob) throws IOException {
    Files.createDirectories(blob.getParent());
    Path partial = blob.resolveSibling(meta.etag() + ".incomplete");
    long size = meta.size();
    int fruitless = 0;
    while (true) {
      long before = Files.exists(partial) ? Files.size(partial) : 0;
      if (size >= 0 && before > size) {
        Files.delete(partial);
        before = 0;
      }
      try {
        size = receive(repo, file, meta, partial, before, size);
        break;
      } catch (HubClient.StatusException e) {
        throw e;
      } catch (IOException e) {
        long after = Files.exists(partial) ? Files.size(partial) : 0;
        fruitless = after > before ? 0 : fruitless + 1;
        if (fruitless >= MAX_ATTEMPTS_WITHOUT_PROGRESS) {
          throw new IOException("download of " + file + " from " + meta.location() + " stopped at "
              + after + (size >= 0 ? " of " + size : "") + " bytes (" + e.getMessage()
              + "); run again to resume it", e);
        }
        if (fruitless > 0) {
          pause();
        }
      }
    }
    verify(file, meta.etag(), partial, size);
    RepoCache.moveInPlace(partial, blob);
  }

  /**
   * Appends the rest of the content to {@code partial}, which holds {@code have} bytes, and
   * returns the total size.
   */
  private long receive(String repo, String file, HubClient.FileMetadata meta, Path partial,
      long have, long size) throws IOException {
    listener.update(file, have, size);
    if (size >= 0 && have == size) {
      return size;
    }
    HubClient.Body body = client.content(meta.location(), have, repo, file);
    try (InputStream in = body.stream()) {
      if (body.status() == 416) {
        // the range starts past the end: the partial file is not a prefix of this content
        Files.deleteIfExists(partial);
        throw new IOException(meta.location() + " refused to resume at byte " + have);
      }
      if (have > 0 && body.status() == 200) {
        have = 0;   // the server ignored the Range header and sends everything
      }
      if (size < 0 && body.length() >= 0) {
        size = have + body.length();
      }
      StandardOpenOption mode = have == 0 ? StandardOpenOption.TRUNCATE_EXISTING
          : StandardOpenOption.APPEND;
      try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, mode)) {
        byte[] buffer = new byte[CHUNK];
        long done = have;
        for (int n; (n = in.read(buffer)) >= 0; ) {
          out.write(buffer, 0, n);
          done += n;
          listener.update(file, done, size);
        }
        if (size >= 0 && done < size) {
          throw new IOException("the connection closed after " + done + " of " + size + " bytes");
        }
      }
    }
    return size;
  }

  /** Checks size and content hash; a mismatch deletes the partial file. */
  private static void verify(String file, String etag, Path partial, long size) throws IOException {
    long actualSize = Files.size(partial);
    if (size >= 0 && actualSize != size) {
      Files.delete(partial);
      throw new IOException("download of " + file + " is inconsistent: the server announced "
          + size + " bytes but sent " + actualSize + "; run again");
    }
    String actual = Etags.hash(partial, etag);
    if (actual != null && !actual.equals(etag)) {
      Files.delete(partial);
      throw new IOException("checksum mismatch for " + file + ": expected "
          + (etag.length() == 64 ? "SHA-256 " : "git blob SHA-1 ") + etag + " (its etag) but the "
          + "downloaded content has " + actual + "; the partial file was deleted, run again");
    }
  }

  private static void pause() throws InterruptedIOException {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to resume a download");
    }
  }
}
