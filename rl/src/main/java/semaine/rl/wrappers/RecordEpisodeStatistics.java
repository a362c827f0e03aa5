package semaine.rl.wrappers;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import semaine.rl.Env;
import semaine.rl.ResetResult;
import semaine.rl.StepResult;
import semaine.rl.Wrapper;

/**
 * Gymnasium's {@code RecordEpisodeStatistics}: adds up each episode's rewards and steps, and on the
 * step that ends it (terminated or truncated) puts {@code info["episode"] = {"r": return, "l":
 * length, "t": seconds}} and appends return and length to queues of the last
 * {@code bufferLength} (100) episodes.
 */
public final class RecordEpisodeStatistics<O, A> extends Wrapper<O, A> {

  /** The info key of the statistics. */
  public static final String KEY = "episode";

  private final int bufferLength;
  private final Deque<Double> returnQueue = new ArrayDeque<>();
  private final Deque<Integer> lengthQueue = new ArrayDeque<>();
  private double episodeReturn;
  private int episodeLength;
  private long start = System.nanoTime();
  private int episodeCount;

  /** Keeps the last 100 episodes. */
  public RecordEpisodeStatistics(Env<O, A> env) {
    this(env, 100);
  }

  /** Keeps the last {@code bufferLength} episodes. */
  public RecordEpisodeStatistics(Env<O, A> env, int bufferLength) {
    super(env);
    this.bufferLength = semaine.util.Checks.checkPositive("bufferLength", bufferLength);
  }

  @Override
  public ResetResult<O> reset(long seed) {
    return started(env.reset(seed));
  }

  @Override
  public ResetResult<O> reset() {
    return started(env.reset());
  }

  @Override
  public StepResult<O> step(A action) {
    StepResult<O> result = env.step(action);
    episodeReturn += result.reward();
    episodeLength++;
    if (!result.done()) {
      return result;
    }
    double seconds = Math.round((System.nanoTime() - start) / 1e3) / 1e6;
    Map<String, Object> info = new HashMap<>(result.info());
    info.put(KEY, Map.of("r", episodeReturn, "l", episodeLength, "t", seconds));
    push(returnQueue, episodeReturn);
    push(lengthQueue, episodeLength);
    episodeCount++;
    start = System.nanoTime();
    return new StepResult<>(result.observation(), result.reward(), result.terminated(),
        result.truncated(), info);
  }

  /** The returns of the last episodes, oldest first. */
  public List<Double> returnQueue() {
    return List.copyOf(returnQueue);
  }

  /** The lengths of the last episodes, oldest first. */
  public List<Integer> lengthQueue() {
    return List.copyOf(lengthQueue);
  }

  /** The number of episodes ended. */
  public int episodeCount() {
    return episodeCount;
  }

  private <T> void push(Deque<T> queue, T value) {
    if (queue.size() == bufferLength) {
      queue.removeFirst();
    }
    queue.addLast(value);
  }

  private ResetResult<O> started(ResetResult<O> result) {
    start = System.nanoTime();
    episodeReturn = 0;
    episodeLength = 0;
    return result;
  }
}
