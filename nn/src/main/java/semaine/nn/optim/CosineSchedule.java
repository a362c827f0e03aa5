package semaine.nn.optim;

/**
 * Learning rate with linear warm-up then cosine decay, as nanoGPT's {@code get_lr}: for step
 * {@code s < warmup}, {@code max·(s+1)/warmup}; after {@code total} steps, {@code min}; in between
 * {@code min + ½(1 + cos(π·r))·(max − min)} with {@code r = (s − warmup)/(total − warmup)}.
 */
public record CosineSchedule(double maxLr, double minLr, int warmupSteps, int totalSteps) {

  public CosineSchedule {
    semaine.util.Checks.checkNonNegative("maxLr", maxLr);
    semaine.util.Checks.checkNonNegative("minLr", minLr);
    semaine.util.Checks.checkNonNegative("warmupSteps", warmupSteps);
    if (totalSteps < warmupSteps) {
      throw new IllegalArgumentException("totalSteps (" + totalSteps + ") must be >= warmupSteps ("
          + warmupSteps + ")");
    }
  }

  /** The learning rate at step s (0-based). */
  public double lr(int step) {
    if (step < warmupSteps) {
      return maxLr * (step + 1) / warmupSteps;
    }
    if (step >= totalSteps) {
      return minLr;
    }
    double ratio = (double) (step - warmupSteps) / (totalSteps - warmupSteps);
    return minLr + 0.5 * (1 + Math.cos(Math.PI * ratio)) * (maxLr - minLr);
  }

  /** Sets the optimizer's learning rate for step s and returns it. */
  public double apply(Optimizer optimizer, int step) {
    double lr = lr(step);
    optimizer.lr(lr);
    return lr;
  }
}
