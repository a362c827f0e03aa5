package semaine.nn.hub;

/**
 * Told how far a download has gone, as the tqdm bars of {@code huggingface_hub}'s
 * {@code http_get}; the caller draws (the CLI shows a bar on a terminal).
 */
@FunctionalInterface
public interface ProgressListener {

  /** A listener that ignores everything. */
  ProgressListener NONE = (file, bytesDone, bytesTotal) -> {};

  /**
   * {@code bytesDone} of {@code bytesTotal} bytes of {@code file} are in the cache;
   * {@code bytesTotal} is -1 when the server did not say. Called once at the start (with the bytes
   * kept from an earlier, interrupted download), after each chunk, and once when done.
   */
  void update(String file, long bytesDone, long bytesTotal);
}
