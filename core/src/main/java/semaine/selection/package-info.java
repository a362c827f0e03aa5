/**
 * Model selection: splitting data into train and test sets, as in scikit-learn's
 * {@code sklearn.model_selection} ({@link semaine.selection.TrainTestSplit} mirrors
 * {@code train_test_split}, with the same permutation for the same seed), cross-validation
 * ({@link semaine.selection.KFold}, {@link semaine.selection.StratifiedKFold},
 * {@link semaine.selection.CrossValidation}'s {@code crossValScore} and {@code crossValidate}), and
 * the search for parameters (day 3): {@link semaine.selection.GridSearchCV} and
 * {@link semaine.selection.RandomizedSearchCV}, whose {@code cv_results_}, {@code best_params_} and
 * random draws are scikit-learn 1.9's.
 */
package semaine.selection;
