/**
 * Gymnasium's classic-control environments, the quick checks every RL library ships:
 * {@link semaine.rl.classic.CartPole} ({@code CartPole-v1}), {@link semaine.rl.classic.MountainCar}
 * ({@code MountainCar-v0}) and {@link semaine.rl.classic.Acrobot} ({@code Acrobot-v1}). Each draws
 * its start state from NumPy's {@code PCG64} seeded as Gymnasium seeds {@code np_random}, and
 * computes its dynamics in Gymnasium 1.3.0's order of operations, so that the same seed and the same
 * actions give the same observations (reference/classic_control.py checks it). Cosines and sines are
 * {@link java.lang.StrictMath}'s (fdlibm): they gave Gymnasium's bits (glibc's and NumPy's) on every
 * reference step, where {@link java.lang.Math}'s intrinsics missed by one ulp on some.
 */
package semaine.rl.classic;
