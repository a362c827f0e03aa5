/**
 * Classification, day 3 of the book: {@link semaine.classification.KNeighborsClassifier}
 * (scikit-learn 1.9's {@code sklearn.neighbors.KNeighborsClassifier}) and the small
 * {@link semaine.classification.Classifier} interface that model selection uses. The neighbour
 * search itself lives in {@code semaine.neighbors}; scores are in {@code semaine.metrics}.
 */
package semaine.classification;
