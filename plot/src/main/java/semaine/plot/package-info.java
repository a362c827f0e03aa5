/**
 * Figures for every chapter of the book with a matplotlib-like API: {@link semaine.plot.Figure}
 * and {@link semaine.plot.Axes} (subplots, titles, labels, limits, grid, legend), artists
 * ({@code scatter}, {@code plot}, {@code bar}, {@code hist}, {@code imshow}, {@code contour},
 * {@code contourf}, {@code decisionRegions}, {@code surface3d}, {@code text}, {@code annotate},
 * {@code axhline}/{@code axvline}), matplotlib's colours ({@link semaine.plot.Colors}: tab10;
 * {@link semaine.plot.Colormap}: viridis, bwr, coolwarm... as matplotlib's own tables) and a
 * pyplot-like facade, {@link semaine.plot.Plt}. {@code savefig} writes PNG or SVG by extension;
 * {@code show()} opens a window when a display exists and otherwise saves a PNG and prints its
 * path, so nothing fails headless.
 *
 * <h2>Design: one renderer, two back ends</h2>
 * Every artist draws itself through a small package-private {@code Canvas} (polylines, polygons,
 * markers, text, images, clipping) in figure pixels, with one implementation on Java2D (PNG, the
 * window) and one writing SVG elements. Axes, ticks ({@code MaxNLocator}'s algorithm, checked
 * against matplotlib), labels, legend and autoscaling (5 % margins, sticky edges) are ours too, so
 * a scatter drawn over decision regions, a contour line over filled contours or a path on the cost
 * surface share one coordinate system and look the same in both formats.
 *
 * <p>The classes depend on each other one way only (no cycle): a {@code Figure} places its
 * {@code Axes} in pixels and hands each to {@code AxesFrame}, which draws it (artists, ticks,
 * labels, legend) by reading it; the axes knows neither; the window {@code show()} opens gets a
 * rendered image, not the figure; {@code Colors} and {@code Colormap} both read matplotlib's
 * tables from {@code ColorTables}, and the colormap takes its transparent "bad" colour from
 * {@code Colors}.
 *
 * <p>XChart was evaluated and is not used: its charts own their axes, legend and layout, with no
 * public way to add contours, decision regions or a 3-D surface in the same axes, so a figure
 * mixing a chart XChart has (scatter) with one it lacks (decision regions) would need two renderers
 * that do not line up. Its SVG export goes through VectorGraphics2D, which is LGPL; our SVG writer
 * is about 200 lines. The module therefore depends on the JDK and semaine-core only.
 *
 * <h2>Differences from matplotlib</h2>
 * Tick labels are written in full (no offset or "1e6" multiplier); {@code surface3d} is an
 * orthographic view (matplotlib's default is a mild perspective); {@code contourf} bands are
 * rasterised per pixel from the bilinear interpolation of Z (their edges agree with
 * {@code contour}'s lines, which are vector); NaN or infinite points are skipped by
 * {@code scatter} and break a {@code plot} line, as in matplotlib; {@code annotate} always draws
 * its arrow.
 */
package semaine.plot;
