/**
 * Data for the book's chapters, mirroring {@code sklearn.datasets}: scikit-learn's classic datasets
 * bundled with semaine ({@link semaine.data.Datasets#loadIris()}, wine, breast cancer, digits,
 * diabetes; {@code load_*}), sample generators with scikit-learn 1.9's semantics and random draws
 * ({@link semaine.data.Datasets#makeBlobs()}, {@code makeMoons}, {@code makeCircles},
 * {@code makeRegression}), and CSV files ({@link semaine.data.Csv}) for the reader's own data.
 * {@link semaine.data.CsvReader} reads a CSV file's bytes straight into columns of doubles
 * ({@code pandas.read_csv}), in parallel for large files, and block by block
 * ({@code read_csv(chunksize=...)}) for files larger than memory.
 *
 * <p>A {@link semaine.data.Dataset} is the counterpart of scikit-learn's {@code Bunch}: X, y, feature
 * names, target names and description. Unlike the {@code Bunch} it has no pandas frame
 * ({@code as_frame}) and no {@code images} view for digits (each row of X is the image, row by row).
 *
 * <p>For the same seed, make_blobs gives the same doubles as scikit-learn; moons and circles may
 * differ in the last bit of a cosine or sine, and make_regression's targets in the last bits of a dot
 * product (documented on each class).
 */
package semaine.data;
