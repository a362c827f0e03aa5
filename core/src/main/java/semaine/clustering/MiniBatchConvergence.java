package semaine.clustering;

/**
 * When mini-batch k-means stops, as scikit-learn 1.9's {@code _mini_batch_convergence}: the batch
 * inertia divided by the batch size is smoothed by an exponentially weighted average with weight
 * α = min(2 · batch / (n + 1), 1) (the first step's, which reflects the initialisation, is
 * skipped); the run stops when the centres moved by at most tol (Σ‖Δc‖², with tol &gt; 0), or
 * when the smoothed inertia has not reached a new minimum for {@code max_no_improvement} steps.
 */
final class MiniBatchConvergence {

  private final int batch;
  private final int n;
  private final double tol;
  private final Integer maxNoImprovement;
  private Double ewaInertia;
  private Double ewaInertiaMin;
  private int noImprovement;

  MiniBatchConvergence(int batch, int n, double tol, Integer maxNoImprovement) {
    this.batch = batch;
    this.n = n;
    this.tol = tol;
    this.maxNoImprovement = maxNoImprovement;
  }

  /** True when the run stops after step {@code step} (0-based). */
  boolean converged(long step, double centersSquaredDiff, double batchInertia) {
    double mean = batchInertia / batch;
    if (step == 0) {
      return false; // the first batch's inertia reflects the initialisation
    }
    if (ewaInertia == null) {
      ewaInertia = mean;
    } else {
      double alpha = Math.min(batch * 2.0 / (n + 1), 1);
      ewaInertia = ewaInertia * (1 - alpha) + mean * alpha;
    }
    if (tol > 0.0 && centersSquaredDiff <= tol) {
      return true;
    }
    if (ewaInertiaMin == null || ewaInertia < ewaInertiaMin) {
      noImprovement = 0;
      ewaInertiaMin = ewaInertia;
    } else {
      noImprovement++;
    }
    return maxNoImprovement != null && noImprovement >= maxNoImprovement;
  }

  /** The smoothed batch inertia per sample ({@code inertia_} with compute_labels=False). */
  double smoothedInertia() {
    if (ewaInertia == null) {
      throw new IllegalStateException("compute_labels=False needs at least two minibatch steps"
          + " for its smoothed inertia: raise max_iter or lower batch_size");
    }
    return ewaInertia;
  }
}

