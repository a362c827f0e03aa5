package semaine.nn.rl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import semaine.base.Models;

/**
 * The trained agents semaine ships (built into the jar from {@code models/}), so that the tour and
 * the CLI show a landing without training: {@code lunar-lander} is the PPO agent of
 * {@code models/train-lunar-lander.sh} (259.33 ± 21.48 over 100 episodes from seed 1000).
 */
public final class ShippedAgents {

  /** The name the CLI gives the shipped LunarLander agent ({@code --agent lunar-lander}). */
  public static final String LUNAR_LANDER = "lunar-lander";

  private static final String RESOURCE = "lunar-lander-ppo.semaine";

  private ShippedAgents() {}

  /** The shipped LunarLander-v3 agent, loaded afresh (a new estimator each call). */
  public static PPO lunarLander() {
    try (InputStream in = ShippedAgents.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the shipped agent " + RESOURCE + " is missing from the "
            + "class path (models/ is packaged into semaine-nn)");
      }
      return (PPO) Models.load(in, "models/" + RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
