/**
 * Showing episodes: {@link semaine.rl.render.GifWriter} (animated GIF with the JDK's encoder) and
 * {@link semaine.rl.render.LiveWindow} (Gymnasium's {@code render_mode="human"}, when a display
 * exists).
 */
package semaine.rl.render;
