package org.ganworkbook.cli;

import java.util.concurrent.Callable;
import org.ganworkbook.workbook.Workbook;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gan-workbook info}: what {@link Workbook#info()} reports. */
@Command(name = "info", description = "Print the version, Java, matrix backend, data folder and budget.")
final class InfoCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(Workbook.info());
        return 0;
    }
}
