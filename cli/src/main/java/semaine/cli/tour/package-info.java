/**
 * The tour: one section per day of the book's week, run in order by {@code semaine tour}, which writes
 * a self-contained {@code index.html} with each day's numbers, tables and figures.
 *
 * <p>A day is a {@link semaine.cli.tour.TourSection}; it is registered by adding it to the list in
 * {@link semaine.cli.tour.Tour#sections()}. {@link semaine.cli.tour.TourPage} renders the page.
 */
package semaine.cli.tour;
