package semaine.rl;

import semaine.random.RandomState;

/**
 * A set of actions or observations, as Gymnasium's {@code gymnasium.spaces.Space}.
 *
 * @param <T> the element type
 */
public sealed interface Space<T> permits Discrete, Box {

  /** True when {@code x} belongs to the space (Gymnasium's {@code contains}). */
  boolean contains(T x);

  /** A random element drawn from {@code random} (Gymnasium's {@code sample}, same law). */
  T sample(RandomState random);
}
