/**
 * Datasets for the book's chapters: scikit-learn's classic datasets bundled with semaine
 * ({@link semaine.data.Datasets#loadIris()}, wine, breast cancer, digits, diabetes; mirrors
 * {@code sklearn.datasets.load_*}), synthetic generators, and CSV files
 * ({@link semaine.data.Csv}) for the reader's own data.
 *
 * <p>A {@link semaine.data.Dataset} is the counterpart of scikit-learn's {@code Bunch}: X, y, feature
 * names, target names and description. Unlike the {@code Bunch} it has no pandas frame
 * ({@code as_frame}) and no {@code images} view for digits (each row of X is the image, row by row).
 */
package semaine.data;
