package semaine.data;

/**
 * Samples with integer class labels, as returned by {@link MakeMoons} and {@link MakeCircles}.
 *
 * @param X samples, shape (n_samples, n_features)
 * @param y the class of each sample, shape (n_samples,)
 */
public record LabeledSamples(double[][] X, int[] y) {}
