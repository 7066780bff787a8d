package org.roadcoder.app.cli;

import java.io.PrintWriter;
import org.roadcoder.data.DataException;
import org.roadcoder.model.runtime.Dl4jRuntime;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root command: {@code roadcoder <subcommand>}. */
@Command(name = "roadcoder", mixinStandardHelpOptions = true, version = "roadcoder 0.1.0",
        description = "Codes iRAP / EuroRAP road-safety attributes from survey imagery.",
        subcommands = {CommandLine.HelpCommand.class, SimulateCommand.class, ValidateCommand.class, TrainCommand.class,
                EvaluateCommand.class, PredictCommand.class, FeaturizeCommand.class, SearchCommand.class, UiCommand.class})
public final class RoadcoderCommand implements Runnable {

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line: DL4J runtime set up, user mistakes printed as one line. */
    public static CommandLine commandLine() {
        Dl4jRuntime.configure();
        CommandLine cl = new CommandLine(new RoadcoderCommand());
        cl.setExecutionExceptionHandler(RoadcoderCommand::handle);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + ex.getMessage());
            err.println("run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage");
            return ExitCodes.USAGE;
        });
        return cl;
    }

    private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean verbose = parsed.matchedOption("--verbose") != null
                || (parsed.hasSubcommand() && hasVerbose(parsed));
        if (ex instanceof DataException) {
            err.println("error: " + ex.getMessage());
        } else {
            err.println("error: " + ex);
            if (!verbose) {
                err.println("(this looks like a bug in roadcoder; run again with --verbose for the stack trace)");
            }
        }
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ex instanceof DataException ? ExitCodes.DATA : ExitCodes.SOFTWARE;
    }

    private static boolean hasVerbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.matchedOption("--verbose") != null) {
                return true;
            }
        }
        return false;
    }
}
