/**
 * Gymnasium's classic-control environments, the quick checks every RL library ships:
 * {@link semaine.rl.classic.CartPole} ({@code CartPole-v1}), {@link semaine.rl.classic.MountainCar}
 * ({@code MountainCar-v0}) and {@link semaine.rl.classic.Acrobot} ({@code Acrobot-v1}). Each draws
 * its start state from NumPy's {@code PCG64} seeded as Gymnasium seeds {@code np_random}, and
 * computes its dynamics in Gymnasium 1.3.0's order of operations, so that the same seed and the same
 * actions give the same float32 observations (reference/classic_control.py checks it). Cosines and
 * sines come from {@code Trig}, which picks the correctly rounded one of {@link java.lang.Math}'s
 * and {@link java.lang.StrictMath}'s values.
 */
package semaine.rl.classic;
