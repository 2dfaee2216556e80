package org.ganworkbook.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.ganworkbook.grading.Assignment;
import org.ganworkbook.grading.Gradebook;
import org.ganworkbook.grading.Grader;
import org.ganworkbook.grading.Ipynb;
import org.ganworkbook.grading.KernelSpec;
import org.ganworkbook.grading.MetadataCheck;
import org.ganworkbook.grading.NotebookFormatException;
import org.ganworkbook.grading.Release;
import org.ganworkbook.grading.SubmissionReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gan-workbook grade check|release|run}: nbgrader-compatible assignments without nbgrader. */
@Command(name = "grade", mixinStandardHelpOptions = true, description = "Check, release and grade the assignments (nbgrader-compatible notebooks).",
        subcommands = {GradeCommand.CheckCmd.class, GradeCommand.ReleaseCmd.class, GradeCommand.RunCmd.class})
final class GradeCommand extends CliCommand.Group {

    /** The notebooks named: files as they are, folders searched for *.ipynb (checkpoints skipped), sorted. */
    static List<Path> notebooks(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".ipynb") && Files.isRegularFile(p))
                    .filter(p -> !p.toString().contains(".ipynb_checkpoints")).sorted().toList();
        }
    }

    /**
     * What a folder walk for notebooks passes over, so that nothing handed in goes unmentioned: files not
     * named *.ipynb and folders named *.ipynb. Hidden files, Jupyter's .ipynb_checkpoints and the
     * {@code except} folder (where reports go) are left out.
     */
    static List<Path> notNotebooks(Path folder, Path except) throws IOException {
        Path skip = except.toAbsolutePath().normalize();
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> !p.equals(folder))
                    .filter(p -> !p.toAbsolutePath().normalize().startsWith(skip))
                    .filter(p -> !hidden(folder.relativize(p)))
                    .filter(p -> p.getFileName().toString().endsWith(".ipynb") ? Files.isDirectory(p) : Files.isRegularFile(p))
                    .sorted().toList();
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check source notebooks: nbgrader's metadata schema (version 3), unique grade ids, points, "
                    + "solution and hidden-test markers, and the Java test conventions.")
    static final class CheckCmd extends CliCommand {
        @Parameters(paramLabel = "NOTEBOOK|DIR", arity = "1..*", description = "Source notebooks or folders of them.")
        List<Path> paths;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = out();
            int bad = 0;
            int n = 0;
            for (Path root : paths) {
                for (Path nb : notebooks(root)) {
                    n++;
                    List<String> problems = new ArrayList<>();
                    try {
                        MetadataCheck.check(Ipynb.read(nb), true).forEach(p -> problems.add(p.toString()));
                    } catch (NotebookFormatException e) {
                        problems.add(e.getMessage());
                    }
                    if (problems.isEmpty()) {
                        out.println("ok    " + nb);
                    } else {
                        bad++;
                        out.println("FAIL  " + nb);
                        problems.forEach(p -> out.println("        " + p));
                    }
                }
            }
            out.println((n - bad) + " of " + n + " notebooks valid");
            return bad == 0 && n > 0 ? 0 : 1;
        }
    }

    @Command(name = "release", mixinStandardHelpOptions = true,
            description = {"Make the student version of source notebooks: solutions replaced by a placeholder that "
                    + "throws, hidden tests removed, written answers replaced by a prompt, outputs cleared, locked cells "
                    + "marked read-only, nbgrader checksums added.",
                    "A folder is released file by file into the same layout under --out "
                    + "(source/a1/a1.ipynb -> release/a1/a1.ipynb with --out release)."})
    static final class ReleaseCmd extends CliCommand {
        @Parameters(paramLabel = "SOURCE", description = "A source notebook, or a folder of them.")
        Path source;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the student versions go.")
        Path out;

        @Option(names = "--check", description = "Write nothing; exit 1 if a released file under --out is missing "
                + "or differs from what release would write (for CI).")
        boolean check;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = out();
            PrintWriter err = err();
            List<Path> sources = notebooks(source);
            if (sources.isEmpty()) {
                err.println("ERROR: no notebooks in " + source);
                return 1;
            }
            int failed = 0;
            for (Path nb : sources) {
                Path target = Files.isDirectory(source) ? this.out.resolve(source.relativize(nb)) : this.out.resolve(nb.getFileName());
                try {
                    String released = Release.of(Ipynb.read(nb)).toJson();
                    if (check) {
                        boolean same = Files.isRegularFile(target)
                                && Files.readString(target, StandardCharsets.UTF_8).equals(released);
                        out.println((same ? "ok    " : "STALE ") + target);
                        failed += same ? 0 : 1;
                    } else {
                        Files.createDirectories(target.toAbsolutePath().getParent());
                        Files.writeString(target, released, StandardCharsets.UTF_8);
                        out.println("wrote " + target);
                    }
                } catch (NotebookFormatException | Release.ReleaseException e) {
                    failed++;
                    err.println("ERROR: " + nb + ": " + e.getMessage());
                }
            }
            if (check && failed > 0) {
                err.println(failed + " released notebook(s) out of date: run  gan-workbook grade release " + source
                        + " --out " + this.out);
            }
            return failed == 0 ? 0 : 1;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Grade submissions with the real Java kernel: locked and test cells (hidden tests too) are "
                    + "restored from the source version, each submission runs in its own kernel and temporary folder, "
                    + "and every graded cell gets its points and feedback.",
                    "Writes <name>.graded.ipynb, <name>.report.json and <name>.report.html per submission; for a folder, "
                    + "also gradebook.csv, cells.csv, summary.txt and summary.html.",
                    "Students: grade your own work against the released notebook (it has no hidden tests)."})
    static final class RunCmd extends CliCommand {
        @Parameters(paramLabel = "SUBMISSION", description = "A submitted notebook, or a folder of them "
                + "(e.g. submitted/<student>/<assignment>/*.ipynb).")
        Path submission;

        @Option(names = "--source", required = true, paramLabel = "NOTEBOOK|DIR",
                description = "The source version (with hidden tests), or a folder of source notebooks; submissions are "
                        + "matched by grade ids and file name.")
        Path source;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where reports go.")
        Path outDir;

        @Option(names = "--kernel", paramLabel = "NAME", defaultValue = "gan-workbook",
                description = "Installed Jupyter kernelspec to run the notebooks with (default: ${DEFAULT-VALUE}); if it is "
                        + "not installed, this program's own kernel is used.")
        String kernel;

        @Option(names = "--cell-timeout", paramLabel = "SECONDS", defaultValue = "30",
                description = "Time limit per cell (default: ${DEFAULT-VALUE}, as nbgrader).")
        int cellTimeout;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
                description = "Time limit per submission (default: ${DEFAULT-VALUE}).")
        int timeout;

        @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "1g",
                description = "Heap cap of the grading kernel (default: ${DEFAULT-VALUE}).")
        String heap;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = out();
            PrintWriter err = err();
            if (cellTimeout <= 0 || timeout <= 0 || !heap.matches("\\d+[kKmMgG]?")) {
                err.println("ERROR: --cell-timeout and --timeout must be > 0 and --heap a size such as 1g or 800m");
                return 2;
            }
            List<Assignment> assignments = new ArrayList<>();
            for (Path nb : notebooks(source)) {
                try {
                    assignments.add(Assignment.load(nb));
                } catch (IOException e) {
                    err.println("ERROR: " + e.getMessage());
                    return 2;
                }
            }
            if (assignments.isEmpty()) {
                err.println("ERROR: no source notebooks in " + source);
                return 2;
            }
            KernelSpec kernelSpec = KernelSpec.find(kernel).orElse(null);
            if (kernelSpec == null) {
                kernelSpec = KernelSpec.builtIn();
                out.println("note: no kernelspec '" + kernel + "' is installed (looked in " + KernelSpec.searchPath()
                        + "); using this program's own kernel");
            }
            Grader grader = new Grader(Grader.Options.defaults(kernelSpec).withCellTimeout(Duration.ofSeconds(cellTimeout))
                    .withTotalTimeout(Duration.ofSeconds(timeout)).withHeap(heap), assignments);
            boolean folder = Files.isDirectory(submission);
            List<Path> files = folder ? notebooks(submission).stream()
                    .filter(p -> !p.toAbsolutePath().normalize().startsWith(outDir.toAbsolutePath().normalize())).toList()
                    : List.of(submission);
            List<Path> skipped = folder ? notNotebooks(submission, outDir) : List.of();
            for (Path p : skipped) {
                out.println("skip  " + p + "  (" + (Files.isDirectory(p) ? "a folder" : "not a .ipynb file") + ": not graded)");
            }
            if (files.isEmpty()) {
                err.println("ERROR: no .ipynb files in " + submission);
                return 2;
            }
            if (!folder && !Files.isRegularFile(submission)) {
                err.println("ERROR: no such file: " + submission);
                return 2;
            }
            List<SubmissionReport> reports = new ArrayList<>();
            for (Path file : files) {
                Path rel = folder ? submission.relativize(file) : file.getFileName();
                String name = stem(rel.getFileName().toString());
                Path dir = rel.getParent() == null ? outDir : outDir.resolve(rel.getParent());
                String student = folder && rel.getNameCount() > 1 ? rel.getName(0).toString() : name;
                SubmissionReport r = grader.grade(file, student, dir, name);
                reports.add(r);
                out.println(line(r, dir.resolve(name + ".report.html")));
                out.flush();
            }
            if (folder) {
                Gradebook book = new Gradebook(reports);
                book.write(outDir);
                out.println();
                out.print(book.summaryText());
                out.println("gradebook: " + outDir.resolve("gradebook.csv") + ", summary: " + outDir.resolve("summary.html"));
            }
            if (!skipped.isEmpty()) {
                err.println(skipped.size() + " item(s) in " + submission + " are not notebook files and were not graded "
                        + "(the 'skip' lines above); rename a notebook saved under another name to .ipynb and run again");
            }
            long errors = reports.stream().filter(r -> !r.graded()).count();
            if (errors > 0) {
                err.println(errors + " of " + reports.size() + " submission(s) could not be graded (see their reports)");
            }
            return errors == 0 ? 0 : 1;
        }

        private static String line(SubmissionReport r, Path html) {
            if (!r.graded()) {
                return String.format(Locale.ROOT, "ERROR %-40s %s (%.1f s)%n      %s", r.submission(), r.error(), r.seconds(), html);
            }
            return String.format(Locale.ROOT, "%-5s %-40s %s/%s points (tests %s/%s, %s waiting for manual grading) "
                            + "in %.1f s%s%n      %s", "ok", r.submission(), num(r.score()), num(r.maxScore()),
                    num(r.autogradedScore()), num(r.autogradedMax()), num(r.pendingManualPoints()), r.seconds(),
                    r.kernelRestarts() > 0 ? ", kernel restarted " + r.kernelRestarts() + "x" : "", html);
        }

        private static String num(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }

        private static String stem(String file) {
            return file.endsWith(".ipynb") ? file.substring(0, file.length() - 6) : file;
        }
    }
}
