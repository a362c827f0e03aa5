/**
 * Day 6 of the book, reinforcement learning: the environment API of Gymnasium 1.x in Java.
 * {@link semaine.rl.Env} ({@code reset(seed)} → {@link semaine.rl.ResetResult},
 * {@code step(action)} → {@link semaine.rl.StepResult}), the spaces {@link semaine.rl.Discrete}
 * and {@link semaine.rl.Box}, the {@link semaine.rl.TimeLimit} wrapper and the registry
 * {@link semaine.rl.Envs#make}. Environments live in {@code semaine.rl.maze} and
 * {@code semaine.rl.lunar}, agents in {@code semaine.rl.agents}, GIF and window output in
 * {@code semaine.rl.render}.
 *
 * <p>Deliberate differences from Gymnasium: an environment's generator is our NumPy-legacy
 * {@link semaine.random.RandomState} rather than PCG64 (same law, other numbers); {@code step}
 * after the end of an episode throws instead of warning; {@code render()} always returns an RGB
 * frame, and the live window is a separate class.
 */
package semaine.rl;
