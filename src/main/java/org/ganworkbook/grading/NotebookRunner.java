package org.ganworkbook.grading;

import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every code cell of a notebook in one kernel, top to bottom, within a per-cell and a total time
 * limit, and keeps going whatever a cell does.
 *
 * <p>A cell that ends the kernel (System.exit, a crash) or runs past its time limit would otherwise
 * take every later cell with it: the first leaves no kernel, the second may leave a loop running that
 * ignored the interrupt. In both cases the runner stops the kernel, starts a fresh one, runs the
 * earlier cells again (their outputs are not kept; the ones that failed the same way are skipped) and
 * goes on with the next cell, at most {@link Settings#maxRestarts} times. So a hostile or broken cell
 * costs the points of its own exercise (and of cells that need what it should have defined), not the
 * whole notebook. Once the total time is used up, the remaining cells are reported as not run.
 */
final class NotebookRunner {

    /**
     * How to run.
     *
     * @param kernel         what to start
     * @param heap           the kernel's heap cap (e.g. {@code 1g}); null keeps the kernelspec's
     * @param cellTimeout    time limit per cell
     * @param totalTimeout   time limit for the whole notebook, restarts included
     * @param startupTimeout time a kernel may take to start
     * @param startAttempts  kernel starts tried before giving up
     * @param maxRestarts    kernel restarts allowed after a cell killed or hung it
     */
    record Settings(KernelSpec kernel, String heap, Duration cellTimeout, Duration totalTimeout,
                    Duration startupTimeout, int startAttempts, int maxRestarts) {
    }

    /**
     * What happened.
     *
     * @param runs     per notebook cell, its run (null for markdown and empty cells)
     * @param notes    restarts, replays, start-up retries
     * @param restarts kernel restarts after the first start
     */
    record Result(CellRun[] runs, List<String> notes, int restarts) {
    }

    private final Settings settings;
    private final Path workDir;
    private final Path runDir;
    private final List<String> notes = new ArrayList<>();

    NotebookRunner(Settings settings, Path workDir, Path runDir) {
        this.settings = settings;
        this.workDir = workDir;
        this.runDir = runDir;
    }

    /**
     * Runs the cells. Throws only if the very first kernel cannot be started.
     *
     * @throws RunningKernel.StartException if no kernel could be started at all
     */
    Result run(List<JsonObject> cells) throws RunningKernel.StartException {
        long deadline = System.nanoTime() + settings.totalTimeout().toNanos();
        CellRun[] runs = new CellRun[cells.size()];
        List<Integer> replayable = new ArrayList<>();
        int restarts = 0;
        RunningKernel kernel = startWithRetries(deadline);
        try {
            for (int i = 0; i < cells.size(); i++) {
                JsonObject cell = cells.get(i);
                String code = Ipynb.source(cell);
                if (!"code".equals(Ipynb.cellType(cell)) || code.isBlank()) {
                    continue;
                }
                Duration left = Duration.ofNanos(deadline - System.nanoTime());
                if (left.isNegative() || left.isZero()) {
                    runs[i] = CellRun.notRun("not run: the submission used up its total time limit of "
                            + settings.totalTimeout().toSeconds() + " s");
                    continue;
                }
                if (kernel == null) {
                    runs[i] = CellRun.notRun("not run: the kernel could not be started again after an earlier cell "
                            + "stopped it");
                    continue;
                }
                Duration limit = settings.cellTimeout().compareTo(left) < 0 ? settings.cellTimeout() : left;
                CellRun run = kernel.execute(code, limit);
                runs[i] = run;
                boolean broken = run.end() == CellRun.End.TIMEOUT || run.end() == CellRun.End.DIED || !kernel.isAlive();
                if (!broken) {
                    replayable.add(i);
                    continue;
                }
                kernel.close();
                kernel = null;
                if (restarts >= settings.maxRestarts()) {
                    notes.add(label(cells, i) + " " + describe(run) + "; the kernel was not restarted again (at most "
                            + settings.maxRestarts() + " restarts), so the later cells were not run");
                    continue;
                }
                restarts++;
                kernel = restart(i, run, cells, replayable, deadline);
            }
        } finally {
            if (kernel != null) {
                kernel.close();
            }
        }
        return new Result(runs, List.copyOf(notes), restarts);
    }

    /** A fresh kernel with the replayable cells run again, or null if that failed. */
    private RunningKernel restart(int failed, CellRun run, List<JsonObject> cells, List<Integer> replayable, long deadline) {
        RunningKernel kernel;
        try {
            kernel = startWithRetries(deadline);
        } catch (RunningKernel.StartException e) {
            notes.add(label(cells, failed) + " " + describe(run) + "; a new kernel could not be started: " + e.getMessage());
            return null;
        }
        for (int j : replayable) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                break;
            }
            CellRun again = kernel.execute(Ipynb.source(cells.get(j)), settings.cellTimeout().compareTo(left) < 0
                    ? settings.cellTimeout() : left);
            if (again.end() == CellRun.End.TIMEOUT || again.end() == CellRun.End.DIED || !kernel.isAlive()) {
                notes.add(label(cells, failed) + " " + describe(run) + "; after the restart, re-running " + label(cells, j) + " "
                        + describe(again) + ", so the grader gave up on the later cells");
                kernel.close();
                return null;
            }
        }
        notes.add(label(cells, failed) + " " + describe(run) + "; the grader started a new kernel and ran the "
                + replayable.size() + " earlier cell(s) again before going on");
        return kernel;
    }

    /** "cell 7 (a1_value_tests)", or "cell 7" for a cell without a grade_id. */
    static String label(List<JsonObject> cells, int i) {
        String id = NbgraderCell.of(cells.get(i)).map(NbgraderCell::gradeId).orElse(null);
        return "cell " + i + (id != null ? " ('" + id + "')" : "");
    }

    private static String describe(CellRun run) {
        return switch (run.end()) {
            case TIMEOUT -> "ran past its time limit";
            case DIED -> "stopped the kernel (exit status " + run.exitCode() + ")";
            default -> "left the kernel unusable";
        };
    }

    private RunningKernel startWithRetries(long deadline) throws RunningKernel.StartException {
        RunningKernel.StartException last = null;
        for (int attempt = 1; attempt <= settings.startAttempts(); attempt++) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                break;
            }
            Duration timeout = settings.startupTimeout().compareTo(left) < 0 ? settings.startupTimeout() : left;
            try {
                RunningKernel kernel = RunningKernel.start(settings.kernel(), workDir, runDir, settings.heap(), timeout);
                if (attempt > 1) {
                    notes.add("the kernel started on attempt " + attempt);
                }
                return kernel;
            } catch (RunningKernel.StartException e) {
                last = e;
                notes.add("kernel start attempt " + attempt + " of " + settings.startAttempts() + " failed: "
                        + firstLine(e.getMessage()));
            }
        }
        throw last != null ? last : new RunningKernel.StartException("no time left to start a kernel");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " ...";
    }
}
