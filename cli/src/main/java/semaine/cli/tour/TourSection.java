package semaine.cli.tour;

/**
 * One day of the week in the tour: it computes the day's numbers and figures with the library.
 *
 * <p>Register a new section in {@link Tour#sections()}. A section writes its figures through
 * {@link TourContext#figure(String)} and logs progress with {@link TourContext#log(String)}; it throws
 * on failure (the tour stops with exit code 1).
 */
public interface TourSection {

  /** The day of the week, 1 to 7; sections run in this order. */
  int day();

  /** A short title, shown as "Day N — title". */
  String title();

  /** Computes the section: numbers, tables, figures and optional HTML prose. */
  SectionResult run(TourContext context) throws Exception;
}
