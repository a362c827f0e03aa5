package semaine.nn.gpt2;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The global random state of text generation, as transformers' {@code set_seed}: after
 * {@code Transformers.setSeed(42)} the same calls give the same text on every run.
 *
 * <p>The generator is the JDK's {@code L64X128MixRandom} (an LXM generator whose algorithm the
 * JDK specifies), seeded with the given long; PyTorch's generator is different, so the text is
 * semaine's own, not transformers'. Without a call to {@code setSeed} the seed is random.
 */
public final class Transformers {

  private static final String ALGORITHM = "L64X128MixRandom";
  private static RandomGenerator random = RandomGeneratorFactory.of(ALGORITHM).create();

  private Transformers() {}

  /** Re-seeds the generator used by the pipelines. */
  public static synchronized void setSeed(long seed) {
    random = newRandom(seed);
  }

  /** A generator of the documented algorithm seeded with {@code seed}. */
  public static RandomGenerator newRandom(long seed) {
    return RandomGeneratorFactory.of(ALGORITHM).create(seed);
  }

  /** The generator the pipelines draw from. */
  static synchronized RandomGenerator random() {
    return random;
  }
}
