package semaine.nn.gpt2;

/** Receives each token as it is generated (transformers' {@code streamer}). */
@FunctionalInterface
public interface TokenStreamer {

  /** Called once per new token of sequence {@code sequence} (0-based), in order. */
  void put(int sequence, int tokenId);

  /** A streamer that ignores every token. */
  TokenStreamer NONE = (sequence, tokenId) -> {};
}
