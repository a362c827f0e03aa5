/**
 * Gymnasium 1.3's wrappers that deep RL uses: {@link semaine.rl.wrappers.RecordEpisodeStatistics}
 * (return and length of each episode in the step's info), {@link
 * semaine.rl.wrappers.NormalizeObservation} and {@link semaine.rl.wrappers.NormalizeReward}
 * (running statistics, as SB3's VecNormalize and PPO's continuous-control settings use) and {@link
 * semaine.rl.wrappers.ClipAction}; each computes what Gymnasium's does, in the same precision.
 */
package semaine.rl.wrappers;
