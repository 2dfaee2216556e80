package org.ganworkbook.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradeCommandTest {

    private static final Path SOURCES = Path.of("notebooks", "assignments", "source");
    private static final Path RELEASES = Path.of("notebooks", "assignments", "release");

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
    void helpListsTheGradeCommands() {
        assertEquals(0, run("grade", "--help"));
        assertTrue(out.toString().contains("check") && out.toString().contains("release") && out.toString().contains("run"));
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("grade"));
    }

    @Test
    void checkPassesTheAssignmentsAndFailsABrokenOne() throws Exception {
        assertEquals(0, run("grade", "check", SOURCES.toString()), out.toString());
        assertTrue(out.toString().contains("3 of 3 notebooks valid"), out.toString());
        Path broken = tmp.resolve("broken.ipynb");
        Files.writeString(broken, Files.readString(SOURCES.resolve("a1-value-function/a1-value-function.ipynb"))
                .replace("\"schema_version\": 3", "\"schema_version\": 2"));
        assertEquals(1, run("grade", "check", broken.toString()));
        assertTrue(out.toString().contains("FAIL  " + broken) && out.toString().contains("schema_version must be 3"), out.toString());
    }

    @Test
    void releaseWritesTheCommittedFilesAndCheckSpotsStaleOnes() throws Exception {
        Path target = tmp.resolve("release");
        assertEquals(0, run("grade", "release", SOURCES.toString(), "--out", target.toString()), err.toString());
        for (String name : new String[] {"a1-value-function", "a2-maxout-and-generator-loss", "a3-parzen-log-likelihood"}) {
            Path rel = Path.of(name, name + ".ipynb");
            assertEquals(Files.readString(RELEASES.resolve(rel), StandardCharsets.UTF_8),
                    Files.readString(target.resolve(rel), StandardCharsets.UTF_8), name);
        }
        assertEquals(0, run("grade", "release", SOURCES.toString(), "--out", target.toString(), "--check"));
        Files.writeString(target.resolve("a1-value-function/a1-value-function.ipynb"), "{}");
        assertEquals(1, run("grade", "release", SOURCES.toString(), "--out", target.toString(), "--check"));
        assertTrue(out.toString().contains("STALE ") && err.toString().contains("out of date"), out + "\n" + err);
    }

    @Test
    void runRefusesBadArgumentsClearly() throws Exception {
        Path file = tmp.resolve("x.ipynb");
        Files.writeString(file, "{");
        assertEquals(2, run("grade", "run", file.toString(), "--source", tmp.resolve("none").toString(),
                "--out", tmp.resolve("o").toString()));
        assertTrue(err.toString().contains("ERROR"), err.toString());
        assertEquals(2, run("grade", "run", file.toString(), "--source", SOURCES.toString(), "--out",
                tmp.resolve("o").toString(), "--heap", "lots"));
        assertEquals(2, run("grade", "run", tmp.resolve("missing.ipynb").toString(), "--source", SOURCES.toString(), "--out",
                tmp.resolve("o").toString()));
    }

    @Test
    void runReportsAFileThatIsNotANotebookWithoutCrashing() throws Exception {
        Path file = tmp.resolve("a1-value-function.ipynb");
        Files.writeString(file, "{\"cells\": [");
        Path report = tmp.resolve("o");
        assertEquals(1, run("grade", "run", file.toString(), "--source", SOURCES.toString(), "--out", report.toString()));
        assertTrue(out.toString().contains("ERROR") && out.toString().contains("not valid JSON"), out.toString());
        assertTrue(Files.readString(report.resolve("a1-value-function.report.json")).contains("\"status\": \"error\""));
        assertEquals("{\"cells\": [", Files.readString(file));
    }

    @Test
    void runNamesWhatInAFolderIsNotANotebookInsteadOfSkippingItSilently() throws Exception {
        Path submitted = tmp.resolve("submitted");
        Path student = Files.createDirectories(submitted.resolve("ada"));
        Files.writeString(student.resolve("a1-value-function.ipynb"), "{");
        Files.writeString(student.resolve("a1-value-function.ipynb.txt"), "{}");
        Files.createDirectories(student.resolve("odd.ipynb"));
        Files.createDirectories(student.resolve(".ipynb_checkpoints"));
        Files.writeString(student.resolve(".ipynb_checkpoints").resolve("a1-value-function-checkpoint.ipynb"), "{}");
        Files.writeString(student.resolve(".DS_Store"), "");
        Path graded = submitted.resolve("graded");
        Files.createDirectories(graded);
        Files.writeString(graded.resolve("gradebook.csv"), "from an earlier run");
        assertEquals(1, run("grade", "run", submitted.toString(), "--source", SOURCES.toString(), "--out", graded.toString()));
        String console = out.toString();
        assertTrue(console.contains("skip  " + student.resolve("a1-value-function.ipynb.txt") + "  (not a .ipynb file: not graded)"),
                console);
        assertTrue(console.contains("skip  " + student.resolve("odd.ipynb") + "  (a folder: not graded)"), console);
        assertEquals(2, console.lines().filter(l -> l.startsWith("skip  ")).count(), "hidden files, checkpoints and --out are "
                + "not submissions: " + console);
        assertTrue(console.contains("ERROR " + student.resolve("a1-value-function.ipynb")), console);
        assertTrue(err.toString().contains("2 item(s) in " + submitted + " are not notebook files"), err.toString());
    }
}
