package semaine.svm;

/**
 * The solver's matrix Q_st = y_s·y_t·K(x_s, x_t) in solver positions (libsvm's {@code QMatrix}):
 * the solver asks for row i over the first {@code len} positions only (the active set, kept at the
 * front by {@link #swap}), in float as libsvm stores it.
 */
interface QMatrix {

  /**
   * Row i over positions [0, len), signed; the entries past len are unspecified. A request the
   * cache counts (its hit rate).
   */
  float[] row(int i, int len);

  /**
   * Row i over [0, len) again, right after {@link #row} asked for it over a shorter prefix (the
   * G_bar update after a step); not counted as a new request.
   */
  float[] longer(int i, int len);

  /** Exchanges positions i and j (libsvm's {@code swap_index}). */
  void swap(int i, int j);
}
