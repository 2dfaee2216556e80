package org.ganworkbook.cli;

import java.util.List;
import org.ganworkbook.workbook.Workbook;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Root command {@code gan-workbook}.
 *
 * <pre>
 * java -jar target/gan-workbook.jar data fetch        # download + verify MNIST
 * java -jar target/gan-workbook.jar data verify       # check what is there
 * java -jar target/gan-workbook.jar info              # version, Java, GEMM backend, data folder
 * java -jar target/gan-workbook.jar grade release notebooks/assignments/source --out notebooks/assignments/release
 * java -jar target/gan-workbook.jar grade run my.ipynb --source a1.ipynb --out grades   # autograde
 * </pre>
 *
 * <p>To add a command: write a class annotated with picocli's {@code @Command} that extends
 * {@link CliCommand} (its {@code call()} returns the exit code, 0 = success; options it shares with other
 * commands come as a {@code @Mixin}, e.g. {@link DataOptions}) and add it to {@link #SUBCOMMANDS}.
 */
@Command(name = "gan-workbook", mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Goodfellow et al. 2014, \"Generative Adversarial Nets\": data, training and evaluation "
                + "from the command line.")
public final class Main implements Runnable {

    /** Every subcommand, in the order {@code --help} lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(DataCommand.class, InfoCommand.class, TrainCommand.class,
            SampleCommand.class, EvaluateCommand.class, GradeCommand.class);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** @return the configured command line (tests call {@code execute} on it) */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        for (Class<?> sub : SUBCOMMANDS) {
            cl.addSubcommand(sub);
        }
        cl.addSubcommand(new CommandLine.HelpCommand());
        // a bad checkpoint or data file is the user's to fix: one clear line, no stack trace
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof org.ganworkbook.gan.CheckpointException
                    || ex instanceof org.ganworkbook.data.DataFileException) {
                cmd.getErr().println("ERROR: " + ex.getMessage());
                return 1;
            }
            throw ex;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reports the jar's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"gan-workbook " + Workbook.version()};
        }
    }
}
