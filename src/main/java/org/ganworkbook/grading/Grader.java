package org.ganworkbook.grading;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.ganworkbook.Version;

/**
 * Grades submissions: for each one, restores the locked cells from the source version
 * ({@link Restorer}), runs the notebook in a kernel of its own started in a fresh temporary folder
 * ({@link NotebookRunner}), scores every graded cell ({@link Scorer}) and writes the graded notebook
 * and its reports ({@link ReportWriter}).
 *
 * <p>{@link #grade} never throws and never writes to the submission: whatever the file holds (not
 * JSON, a notebook that loops, exits, throws, fills the heap, prints to stderr, edits its tests), the
 * result is a report, either graded (with partial points) or with {@code status = "error"} and the
 * reason. The file's SHA-256 is taken before and checked after grading.
 *
 * <p>Isolation: one kernel process per submission, started in its own temporary working folder (so
 * relative file writes land there and are listed in the report), with a capped heap, killed with
 * everything it started when grading ends. It is not a security sandbox: code in a submission can do
 * whatever the user running the grader can. Grade untrusted work in a container or a throw-away account.
 */
public final class Grader {

    /**
     * Grading settings.
     *
     * @param kernel         the kernel to run notebooks with
     * @param heap           the kernel's heap cap (e.g. {@code 1g}); null keeps the kernelspec's
     * @param cellTimeout    time limit per cell (nbgrader's default is 30 s)
     * @param totalTimeout   time limit per submission, kernel restarts included
     * @param startupTimeout time a kernel may take to start and run a first empty cell
     * @param startAttempts  kernel starts tried before giving up
     * @param maxRestarts    kernel restarts allowed per submission after a cell stopped or hung it
     */
    public record Options(KernelSpec kernel, String heap, Duration cellTimeout, Duration totalTimeout,
                          Duration startupTimeout, int startAttempts, int maxRestarts) {

        /** The defaults: 1 GB heap, 30 s per cell, 10 minutes per submission, 60 s start-up, 3 attempts, 3 restarts. */
        public static Options defaults(KernelSpec kernel) {
            return new Options(kernel, "1g", Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofSeconds(60), 3, 3);
        }

        /** The same options with another cell time limit. */
        public Options withCellTimeout(Duration d) {
            return new Options(kernel, heap, d, totalTimeout, startupTimeout, startAttempts, maxRestarts);
        }

        /** The same options with another kernel heap cap. */
        public Options withHeap(String h) {
            return new Options(kernel, h, cellTimeout, totalTimeout, startupTimeout, startAttempts, maxRestarts);
        }

        /** The same options with another total time limit. */
        public Options withTotalTimeout(Duration d) {
            return new Options(kernel, heap, cellTimeout, d, startupTimeout, startAttempts, maxRestarts);
        }
    }

    private final Options options;
    private final List<Assignment> assignments;

    /**
     * @param options     how to run
     * @param assignments the assignments submissions may belong to (at least one)
     */
    public Grader(Options options, List<Assignment> assignments) {
        if (assignments.isEmpty()) {
            throw new IllegalArgumentException("the grader needs at least one source notebook");
        }
        this.options = options;
        this.assignments = List.copyOf(assignments);
    }

    /**
     * Grades one submission and writes {@code <out>/<name>.graded.ipynb}, {@code .report.json} and
     * {@code .report.html}. Never throws; a submission that cannot be graded gets an error report.
     *
     * @param submission the notebook a student handed in (only read)
     * @param student    who handed it in
     * @param outDir     where the results go
     * @param name       the file name stem of the results
     */
    public SubmissionReport grade(Path submission, String student, Path outDir, String name) {
        long start = System.nanoTime();
        String sha = null;
        SubmissionReport report;
        try {
            byte[] bytes = Files.readAllBytes(submission);
            sha = sha256(bytes);
            report = gradeBytes(submission, bytes, sha, student, outDir, name, start);
        } catch (Throwable t) { // the grader must survive anything, including its own bugs
            report = failure(submission, student, null, describe(t), sha, start);
        }
        boolean unchanged = sha != null && unchanged(submission, sha);
        report = withUnchanged(report, unchanged, start);
        try {
            ReportWriter.write(report, outDir, name);
        } catch (IOException | RuntimeException e) {
            List<String> notes = new ArrayList<>(report.notes());
            notes.add("the reports could not be written: " + e.getMessage());
            report = copyWithNotes(report, notes);
        }
        return report;
    }

    private SubmissionReport gradeBytes(Path submission, byte[] bytes, String sha, String student, Path outDir,
                                        String name, long start) throws IOException {
        Ipynb nb;
        try {
            nb = Ipynb.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (NotebookFormatException e) {
            Assignment guess = byFileName(submission).orElse(null);
            return failure(submission, student, guess, "the file is not a notebook that can be graded ("
                    + e.getMessage() + "); open it in Jupyter to see what is wrong, or hand in a fresh copy", sha, start);
        }
        Optional<Assignment> match = match(submission, nb);
        if (match.isEmpty()) {
            return failure(submission, student, byFileName(submission).orElse(null), "this notebook has none of the "
                    + "graded cells of " + (assignments.size() == 1 ? assignments.get(0).path().getFileName()
                    : "the source notebooks") + " (no grade_id in common): was the right --source given, or was the work "
                    + "copied into a new notebook? Copy it back into the handed-out notebook's cells", sha, start);
        }
        Assignment assignment = match.get();
        Restorer.Prepared prepared = Restorer.prepare(nb, assignment.source(), assignment.released());
        List<String> notes = new ArrayList<>(prepared.notes());
        prepared.cellNotes().forEach((id, note) -> notes.add("'" + id + "': " + note));
        if (sameFile(submission, assignment.path())) {
            notes.add("the submission is the very file it is graded against, so edits to its locked cells cannot be "
                    + "detected; grade a copy against the released or source version instead");
        }
        Path tmp = Files.createTempDirectory("ganwb-grade-");
        try {
            Path work = Files.createDirectories(tmp.resolve("work"));
            List<JsonObject> cells = prepared.notebook().cells();
            NotebookRunner.Result result;
            try {
                result = new NotebookRunner(new NotebookRunner.Settings(options.kernel(), options.heap(),
                        options.cellTimeout(), options.totalTimeout(), options.startupTimeout(), options.startAttempts(),
                        options.maxRestarts()), work, tmp).run(cells);
            } catch (RunningKernel.StartException e) {
                return failure(submission, student, assignment, "the kernel could not be started: " + e.getMessage(), sha, start);
            }
            notes.addAll(result.notes());
            for (int i = 0; i < cells.size(); i++) {
                CellRun run = result.runs()[i];
                if (run != null) {
                    cells.get(i).add("outputs", run.outputs());
                    cells.get(i).add("execution_count", run.executionCount() == null ? com.google.gson.JsonNull.INSTANCE
                            : new com.google.gson.JsonPrimitive(run.executionCount()));
                }
            }
            List<CellResult> results = new Scorer(cells, result.runs(), assignment.released(), prepared.cellNotes(),
                    options.cellTimeout(), options.heap()).results();
            for (int i = 0; i < cells.size(); i++) {
                CellRun run = result.runs()[i];
                NbgraderCell meta = NbgraderCell.of(cells.get(i)).orElse(null);
                if (run != null && run.wroteToStderr() && (meta == null || meta.role() != NbgraderCell.Role.TESTS)) {
                    notes.add(NotebookRunner.label(cells, i) + " wrote to stderr; it is not graded itself, but a test "
                            + "cell that prints to stderr (also through the methods it calls) scores 0");
                }
            }
            Files.createDirectories(outDir);
            prepared.notebook().write(outDir.resolve(name + ".graded.ipynb"));
            return report(submission, student, assignment, results, notes, result.restarts(), sha, filesIn(work), start);
        } finally {
            deleteTree(tmp);
        }
    }

    private SubmissionReport report(Path submission, String student, Assignment assignment, List<CellResult> results,
                                    List<String> notes, int restarts, String sha, List<String> files, long start) {
        double score = 0;
        double max = 0;
        double auto = 0;
        double autoMax = 0;
        double pending = 0;
        for (CellResult r : results) {
            max += r.maxPoints();
            if (r.points() != null) {
                score += r.points();
            } else {
                pending += r.maxPoints();
            }
            if ("tests".equals(r.kind())) {
                autoMax += r.maxPoints();
                auto += r.points() == null ? 0 : r.points();
            }
        }
        return new SubmissionReport(submission.toString(), student, assignment.name(), assignment.path().toString(),
                SubmissionReport.GRADED, null, score, max, auto, autoMax, pending, results, notes, seconds(start),
                restarts, kernelLabel(), sha, true, files, now(), grader());
    }

    private SubmissionReport failure(Path submission, String student, Assignment assignment, String error, String sha,
                                     long start) {
        double max = assignment == null ? 0 : assignment.totalPoints();
        double autoMax = assignment == null ? 0 : assignment.autogradedPoints();
        return new SubmissionReport(submission.toString(), student, assignment == null ? "" : assignment.name(),
                assignment == null ? "" : assignment.path().toString(), SubmissionReport.FAILED, error, 0, max, 0,
                autoMax, 0, List.of(), List.of(), seconds(start), 0, kernelLabel(), sha, true, List.of(), now(), grader());
    }

    /**
     * The assignment a submission belongs to: among the sources it shares grade ids with, the one of the
     * same file name, else the one with the most grade ids in common. None if it shares no grade id with
     * any source (then restoring cells would only produce a misleading zero).
     */
    Optional<Assignment> match(Path submission, Ipynb nb) {
        List<String> ids = new ArrayList<>();
        for (JsonObject cell : nb.cells()) {
            NbgraderCell.of(cell).map(NbgraderCell::gradeId).ifPresent(ids::add);
        }
        List<Assignment> candidates = assignments.stream().filter(a -> ids.stream().anyMatch(a.gradeIds()::contains)).toList();
        String file = submission.getFileName().toString();
        return candidates.stream().filter(a -> a.path().getFileName().toString().equals(file)).findFirst()
                .or(() -> candidates.stream().max(Comparator.comparingLong(a -> ids.stream().filter(a.gradeIds()::contains).count())));
    }

    private Optional<Assignment> byFileName(Path submission) {
        String file = submission.getFileName().toString();
        return assignments.stream().filter(a -> a.path().getFileName().toString().equals(file)).findFirst()
                .or(() -> assignments.size() == 1 ? Optional.of(assignments.get(0)) : Optional.empty());
    }

    private String kernelLabel() {
        return options.kernel().name() + " (" + options.kernel().location() + ")"
                + (options.heap() != null ? ", heap " + options.heap() : "");
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static List<String> filesIn(Path work) {
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(work)) {
            walk.filter(Files::isRegularFile).limit(50).forEach(p -> {
                long size;
                try {
                    size = Files.size(p);
                } catch (IOException e) {
                    size = -1;
                }
                files.add(work.relativize(p) + " (" + size + " bytes)");
            });
        } catch (IOException | RuntimeException e) {
            files.add("(the working folder could not be listed: " + e.getMessage() + ")");
        }
        return files;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    p.toFile().setWritable(true);
                    Files.deleteIfExists(p);
                } catch (IOException | RuntimeException e) {
                    // best effort: a file the submission locked stays in the system's temporary folder
                }
            });
        } catch (IOException | RuntimeException e) {
            // as above
        }
    }

    private static boolean unchanged(Path file, String sha) {
        try {
            return sha.equals(sha256(Files.readAllBytes(file)));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SubmissionReport withUnchanged(SubmissionReport r, boolean unchanged, long start) {
        List<String> notes = new ArrayList<>(r.notes());
        if (!unchanged && r.submissionSha256() != null) {
            notes.add("the submission file changed on disk while it was graded (not by the grader, which only reads "
                    + "it; perhaps by the notebook's own code). The grade is for the content as it was read.");
        }
        return new SubmissionReport(r.submission(), r.student(), r.assignment(), r.source(), r.status(), r.error(),
                r.score(), r.maxScore(), r.autogradedScore(), r.autogradedMax(), r.pendingManualPoints(), r.cells(),
                notes, seconds(start), r.kernelRestarts(), r.kernel(), r.submissionSha256(), unchanged, r.filesWritten(),
                r.gradedAt(), r.grader());
    }

    private static SubmissionReport copyWithNotes(SubmissionReport r, List<String> notes) {
        return new SubmissionReport(r.submission(), r.student(), r.assignment(), r.source(), r.status(), r.error(),
                r.score(), r.maxScore(), r.autogradedScore(), r.autogradedMax(), r.pendingManualPoints(), r.cells(),
                notes, r.seconds(), r.kernelRestarts(), r.kernel(), r.submissionSha256(), r.submissionUnchanged(),
                r.filesWritten(), r.gradedAt(), r.grader());
    }

    private static String describe(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "the grader ran out of memory while grading this submission";
        }
        if (t instanceof IOException) {
            return "the file could not be read: " + t.getMessage();
        }
        return "the grader failed on this submission (" + t + "); please report this";
    }

    private static double seconds(long start) {
        return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String grader() {
        return "gan-workbook grade " + Version.get();
    }
}
