/**
 * Random numbers identical to NumPy's: {@link semaine.random.RandomState} reproduces the legacy
 * {@code numpy.random.RandomState} (MT19937) stream and its distributions bit for bit, so that every
 * listing of the book that starts with {@code np.random.seed(0)} gives the same numbers in Java.
 *
 * <p>Mirrors {@code numpy.random.mtrand}: {@code seed}, {@code random_sample}/{@code rand},
 * {@code randn}/{@code standard_normal}/{@code normal}, {@code uniform}, {@code randint},
 * {@code choice}, {@code shuffle} and {@code permutation}. Gaussians call the C library's
 * {@code log} like NumPy when the JVM has native access ({@code --enable-native-access=ALL-UNNAMED});
 * without it {@link java.lang.Math#log} is used and a rare Gaussian (about 1 in 2,500) can differ
 * from NumPy's in the last bit; see the class documentation.
 */
package semaine.random;
