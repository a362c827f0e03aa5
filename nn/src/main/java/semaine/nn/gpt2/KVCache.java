package semaine.nn.gpt2;

/**
 * The keys and values of the tokens seen so far, per layer, and the scratch buffers of one
 * forward step: one per sequence being generated. A step appends its token's key and value at
 * position {@link #length()}; earlier positions are read, never recomputed.
 */
public final class KVCache {

  final int capacity;
  final float[][] key;   // per layer (capacity, C), head i at columns [i·hs, (i+1)·hs)
  final float[][] value; // per layer (capacity, C)
  int length;

  final float[] x;      // residual stream (C)
  final float[] xb;     // normalised input of a sublayer, then its output (C)
  final float[] qkv;    // query | key | value of the current token (3C)
  final float[] y;      // attention output, heads side by side (C)
  final float[] scores; // attention weights over positions, per head (nh, capacity)
  final float[] hb;     // MLP hidden layer (4C)
  final float[] logits; // (V)

  KVCache(GPT2Config config, int capacity) {
    int c = config.nEmbd();
    this.capacity = capacity;
    this.key = new float[config.nLayer()][capacity * c];
    this.value = new float[config.nLayer()][capacity * c];
    this.x = new float[c];
    this.xb = new float[c];
    this.qkv = new float[3 * c];
    this.y = new float[c];
    this.scores = new float[config.nHead() * capacity];
    this.hb = new float[config.nInner()];
    this.logits = new float[config.vocabSize()];
  }

  private KVCache(KVCache other, GPT2Config config) {
    this(config, other.capacity);
    for (int l = 0; l < key.length; l++) {
      int used = other.length * config.nEmbd();
      System.arraycopy(other.key[l], 0, key[l], 0, used);
      System.arraycopy(other.value[l], 0, value[l], 0, used);
    }
    this.length = other.length;
  }

  /** Tokens cached so far: the position of the next token. */
  public int length() {
    return length;
  }

  /** The most tokens this cache holds. */
  public int capacity() {
    return capacity;
  }

  /** An independent copy of the cached keys and values (e.g. to branch several samples from a prompt). */
  KVCache copy(GPT2Config config) {
    return new KVCache(this, config);
  }
}
