package semaine.nn.rl;

/**
 * Told each episode that ends while a deep agent learns (a progress bar's recent mean return, a
 * learning curve against steps), as SB3's callbacks see {@code ep_info_buffer}.
 */
@FunctionalInterface
public interface LearnListener {

  /**
   * An episode ended.
   *
   * @param timesteps the environment steps taken so far, over all copies
   * @param episodeReturn the episode's return
   */
  void episodeEnded(long timesteps, double episodeReturn);
}
