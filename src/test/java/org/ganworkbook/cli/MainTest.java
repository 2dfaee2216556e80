package org.ganworkbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ganworkbook.data.DataFile;
import org.ganworkbook.data.Mnist;
import org.ganworkbook.data.DataDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void helpListsTheCommands() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("data") && out.toString().contains("info"), out.toString());
        assertEquals(0, run("data", "fetch", "--help"));
        assertTrue(out.toString().contains("--from"), out.toString());
    }

    /** Every command's help renders: picocli warns on System.err (not the command's err) about a bare %. */
    @Test
    void everyCommandsHelpRendersWithoutAFormatWarning() {
        java.io.PrintStream systemErr = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        try {
            System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
            java.util.List<CommandLine> commands = new java.util.ArrayList<>();
            collect(Main.commandLine(), commands);
            assertTrue(commands.size() > 5, "commands found: " + commands.size());
            for (CommandLine command : commands) {
                String usage = command.getUsageMessage();
                assertTrue(!usage.contains("%n"), command.getCommandSpec().qualifiedName()
                        + "'s help shows an unformatted string:\n" + usage);
            }
        } finally {
            System.setErr(systemErr);
        }
        String warnings = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(warnings.isEmpty(), "picocli printed: " + warnings);
    }

    private static void collect(CommandLine cl, java.util.List<CommandLine> into) {
        into.add(cl);
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals(e.getValue().getCommandName())) { // skip aliases
                collect(e.getValue(), into);
            }
        }
    }

    @Test
    void verifyFailsLoudlyOnAnEmptyFolder() {
        assertEquals(1, run("data", "verify", "--dir", tmp.toString()));
        assertTrue(err.toString().contains("ERROR") && err.toString().contains("was not found"), err.toString());
    }

    @Test
    void fetchFromAFolderThenVerify() throws Exception {
        Path from = Files.createDirectories(tmp.resolve("from"));
        Path real = Mnist.DATASET.dir(DataDirs.resolve());
        for (DataFile f : Mnist.DATASET.files()) {
            Files.createSymbolicLink(from.resolve(f.name()), real.resolve(f.name()).toAbsolutePath());
        }
        Path data = tmp.resolve("data");
        assertEquals(0, run("data", "fetch", "--dir", data.toString(), "--from", from.toString()), err.toString());
        assertTrue(out.toString().contains("MNIST ready"), out.toString());
        assertTrue(Files.isRegularFile(data.resolve("mnist/train-images-idx3-ubyte")));
        assertEquals(0, run("data", "verify", "--dir", data.toString()), err.toString());
    }

    @Test
    void unknownCommandIsAnError() {
        assertEquals(2, run("no-such-command"));
    }

    @Test
    void aSigmaGridWithoutItsCountIsAnErrorThatShowsTheForm() {
        // exit 2 (usage error) before any checkpoint or data is read
        assertEquals(2, run("evaluate", "--sigma-grid", "-1,0", tmp.resolve("none.ckpt").toString()));
        assertTrue(err.toString().contains("--sigma-grid takes START,END,COUNT"), err.toString());
        assertTrue(err.toString().contains("[-1.0, 0.0]"), err.toString());
    }
}
