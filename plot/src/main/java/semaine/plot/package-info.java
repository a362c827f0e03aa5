/**
 * Figures for every chapter of the book, with a matplotlib-like API: scatter plots, fitted lines,
 * contours, decision regions and the cost bowl, saved as PNG or SVG headless and shown in a window
 * when a display exists. Not written yet: see the issue tracker ("Plots").
 */
package semaine.plot;
