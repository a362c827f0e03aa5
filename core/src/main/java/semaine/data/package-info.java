/**
 * Data sets for the book's chapters: sample generators with scikit-learn 1.9's semantics and random
 * draws ({@link semaine.data.MakeBlobs}, {@link semaine.data.MakeMoons},
 * {@link semaine.data.MakeCircles}, {@link semaine.data.MakeRegression}), mirroring
 * {@code sklearn.datasets}. For the same seed, make_blobs gives the same doubles as scikit-learn;
 * moons and circles may differ in the last bit of a cosine or sine, and make_regression's targets
 * in the last bits of a dot product (documented on each class).
 */
package semaine.data;
