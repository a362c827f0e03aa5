/**
 * Random numbers identical to NumPy's: {@link semaine.random.RandomState} reproduces the legacy
 * {@code numpy.random.RandomState} (MT19937) stream and its distributions bit for bit, so that every
 * listing of the book that starts with {@code np.random.seed(0)} gives the same numbers in Java.
 *
 * <p>Mirrors {@code numpy.random.mtrand}: {@code seed}, {@code random_sample}/{@code rand},
 * {@code randn}/{@code standard_normal}/{@code normal}, {@code uniform}, {@code randint},
 * {@code choice}, {@code shuffle} and {@code permutation}. Gaussians take their logarithm from
 * {@code GlibcLog}, a pure-Java port of glibc's {@code log} (the C function NumPy calls), so they
 * equal NumPy's on glibc systems; where NumPy uses another C library its Gaussians may differ in rare
 * last bits. See the class documentation.
 */
package semaine.random;
