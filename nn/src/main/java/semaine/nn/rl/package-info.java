/**
 * Deep reinforcement learning on semaine.nn, as Stable-Baselines3 users know it:
 * {@link semaine.nn.rl.DQN} (replay buffer, target network, ε-greedy with a linear schedule, Huber
 * loss, gradient clipping, the double-DQN target as an option) and {@link semaine.nn.rl.PPO}
 * (clipped surrogate, GAE(λ), value loss, entropy bonus, minibatch epochs, orthogonal
 * initialisation), with SB3's parameter names and defaults. They learn in semaine.rl's
 * environments; this package lives in nn because a module depends only on the modules below it
 * (nn → rl → core; rl knows nothing of networks). Both are estimators: their parameters are set
 * by name and their networks are their fitted state, so {@code Models.save} keeps a trained agent.
 */
package semaine.nn.rl;
