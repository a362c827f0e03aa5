/**
 * Gymnasium's LunarLander-v3 on jbox2d: {@link semaine.rl.lunar.LunarLander} (discrete actions,
 * with Gymnasium's heuristic controller), {@link semaine.rl.lunar.LunarLanderContinuous} and
 * {@link semaine.rl.lunar.LunarLanderRenderer} (600 x 400 frames as Gymnasium draws them). The
 * physics of an episode is the package-private {@code LanderWorld}, the only class that touches
 * jbox2d, so the engine could be swapped.
 */
package semaine.rl.lunar;
