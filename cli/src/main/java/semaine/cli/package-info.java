/**
 * The {@code semaine} command line: picocli commands over the library, the week's tour and the
 * book's examples.
 *
 * <p>The contract (see DESIGN.md, "The CLI contract") is kept in a few classes so that a command only
 * computes: {@link semaine.cli.ResultCommand} prints a command's {@link semaine.cli.Result} as human
 * text or, with {@code --json} ({@link semaine.cli.JsonOption}), as exactly one JSON object on stdout;
 * {@link semaine.cli.Options} holds the option converters whose messages name the option, the value and
 * the rule; {@link semaine.cli.ErrorHandler} turns every failure into one {@code semaine: error: ...}
 * line on stderr and an exit code (0 success, 2 usage error, 1 runtime error). {@link semaine.cli.Main}
 * wires them together and offers {@link semaine.cli.Main#run} for in-process tests.
 */
package semaine.cli;
