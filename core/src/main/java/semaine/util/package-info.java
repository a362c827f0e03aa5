/**
 * Small helpers shared by every chapter: argument checks with messages that name the argument, the
 * value and the rule ({@link semaine.util.Checks}), and a minimal JSON reader and writer
 * ({@link semaine.util.Json}) for the CLI's {@code --json} output, reference vectors and model
 * configuration files, so that core needs no third-party dependency.
 */
package semaine.util;
