package semaine.rl;

/**
 * Gymnasium's {@code RunningMeanStd} for one stream of scalars updated one value at a time: the
 * count starts at {@code 1e-4}, the mean at 0 and the variance at 1, and each value is merged as a
 * batch of one (Chan et al.'s parallel update, as {@code update_mean_var_count_from_moments}).
 * {@link semaine.rl.wrappers.NormalizeReward} keeps one in double; observations are normalised in
 * float32, as Gymnasium does for a float32 space, by {@link semaine.rl.wrappers.NormalizeObservation}.
 */
public final class RunningMeanStd {

  private double mean = 0;
  private double var = 1;
  private double count = 1e-4;

  /** Merges {@code x}: {@code update(np.array([x]))}. */
  public void update(double x) {
    double delta = x - mean;
    double total = count + 1;
    mean = mean + delta * 1 / total;
    double m2 = var * count + 0.0 * 1 + delta * delta * count * 1 / total;
    var = m2 / total;
    count = total;
  }

  /** The running mean. */
  public double mean() {
    return mean;
  }

  /** The running (population) variance. */
  public double var() {
    return var;
  }

  /** The number of values merged, plus the initial 1e-4. */
  public double count() {
    return count;
  }
}
