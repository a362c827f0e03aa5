package semaine.rl;

import java.util.Map;

/**
 * What {@link Env#reset} returns, Gymnasium's {@code (observation, info)}.
 *
 * @param observation the first observation of the episode
 * @param info extra diagnostics, documented by each environment (never null; unmodifiable)
 */
public record ResetResult<O>(O observation, Map<String, Object> info) {

  public ResetResult {
    info = info == null ? Map.of() : Map.copyOf(info);
  }
}
