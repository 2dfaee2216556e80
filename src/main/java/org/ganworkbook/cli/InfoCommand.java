package org.ganworkbook.cli;

import org.ganworkbook.workbook.Workbook;
import picocli.CommandLine.Command;

/** {@code gan-workbook info}: what {@link Workbook#info()} reports. */
@Command(name = "info", description = "Print the version, Java, matrix backend, data folder and budget.")
final class InfoCommand extends CliCommand {

    @Override
    public Integer call() {
        out().println(Workbook.info());
        return 0;
    }
}
