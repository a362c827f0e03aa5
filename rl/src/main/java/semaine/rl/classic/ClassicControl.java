package semaine.rl.classic;

import semaine.random.PCG64;
import semaine.rl.AbstractEnv;
import semaine.rl.Box;
import semaine.rl.Discrete;
import semaine.rl.Space;

/**
 * What the classic-control environments share: Gymnasium's {@code np_random} (a {@link PCG64}
 * seeded with the reset seed, continued by a reset without one), a {@link Discrete} action space,
 * observations of {@code double}s holding float32 values (Gymnasium returns {@code float32}
 * arrays).
 */
abstract class ClassicControl extends AbstractEnv<double[], Integer> {

  private final Discrete actionSpace;
  private final Box observationSpace;
  private PCG64 npRandom;

  /** The state in double, as Gymnasium's {@code self.state}. */
  final double[] state;

  ClassicControl(int nActions, Box observationSpace, int stateSize) {
    this.actionSpace = new Discrete(nActions);
    this.observationSpace = observationSpace;
    this.state = new double[stateSize];
  }

  /** The state in double, as Gymnasium's {@code env.unwrapped.state}. */
  public final double[] state() {
    return state.clone();
  }

  @Override
  public final Space<double[]> observationSpace() {
    return observationSpace;
  }

  @Override
  protected final void seeded(long seed) {
    npRandom = new PCG64(seed >= 0 ? seed : random().randint(0, 1L << 32));
  }

  /** Gymnasium's {@code self.np_random}. */
  final PCG64 npRandom() {
    return npRandom;
  }

  @Override
  public final Space<Integer> actionSpace() {
    return actionSpace;
  }

  /** Values as {@code np.array(values, dtype=np.float32)} gives them. */
  static double[] float32(double... values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }

  /** A Box bound as float32, as Gymnasium declares its spaces. */
  static double[] float32Bounds(double... values) {
    return float32(values);
  }
}
