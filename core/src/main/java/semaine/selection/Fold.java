package semaine.selection;

/**
 * One train/test split of a cross-validator: the sample indices of each side, ascending.
 *
 * @param train indices of the training samples
 * @param test indices of the test samples
 */
public record Fold(int[] train, int[] test) {}
