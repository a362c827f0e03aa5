/**
 * Model selection: splitting data into train and test sets, as in scikit-learn's
 * {@code sklearn.model_selection} ({@link semaine.selection.TrainTestSplit} mirrors
 * {@code train_test_split}, with the same permutation for the same seed).
 */
package semaine.selection;
