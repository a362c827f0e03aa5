package semaine.cli.tour;

/**
 * A section that has run: its day, title, wall-clock time and result.
 *
 * @param seconds the time {@link TourSection#run} took, in seconds
 */
public record SectionRun(int day, String title, double seconds, SectionResult result) {}
