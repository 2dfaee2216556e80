package org.ganworkbook.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * What every command of the command line has: picocli's model of itself, through which it writes (so
 * tests and {@link Main} can redirect its output). A command extends this and implements {@code call()},
 * returning its exit code.
 */
abstract class CliCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** @return the command's standard output, as picocli holds it */
    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** @return the command's error output, as picocli holds it */
    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * A command that only groups subcommands ({@code data}, {@code grade}): run on its own, it prints its
     * usage, which lists them.
     */
    abstract static class Group implements Runnable {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public final void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }
}
