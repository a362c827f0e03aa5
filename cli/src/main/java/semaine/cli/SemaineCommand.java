package semaine.cli;

import picocli.CommandLine.Command;

/**
 * The root command, {@code semaine}, with its subcommands: without a subcommand it shows the list
 * of commands. Its options and texts are {@link RootCommand}'s; {@link Main} builds this whole
 * tree only when the command line does not start with a subcommand's name (picocli reads every
 * subcommand's annotations when it builds a tree, about 0.4 s of CPU on a cold JVM).
 */
@Command(
    subcommands = {DatasetsCommand.class, RegressCommand.class, ClassifyCommand.class,
        ClusterCommand.class, OutliersCommand.class, RlCommand.class, NnCommand.class,
        PredictCommand.class, InspectCommand.class, GenerateCommand.class, TokenizeCommand.class,
        TourCommand.class, ExampleCommand.class, DecomposeCommand.class, SearchCommand.class})
public final class SemaineCommand extends RootCommand {}
