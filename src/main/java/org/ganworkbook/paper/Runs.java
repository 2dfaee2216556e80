package org.ganworkbook.paper;

import org.ganworkbook.workbook.DataDirs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where command-line training runs keep their checkpoints: {@code $GANWB_RUNS/<run>/} if the environment
 * variable is set, else {@code <project>/runs/<run>/} (git-ignored), else
 * {@code ~/.cache/gan-workbook/runs/<run>/}. The paper's MNIST run is {@code paper-mnist}:
 * <pre>
 * java -jar target/gan-workbook.jar train --out runs/paper-mnist
 * java -jar target/gan-workbook.jar evaluate --select --best runs/paper-mnist/best.ckpt runs/paper-mnist/epoch-*.ckpt
 * </pre>
 */
public final class Runs {

    /** Environment variable naming the folder that holds the runs. */
    public static final String ENV = "GANWB_RUNS";

    private Runs() {
    }

    /** The folder of run {@code name} (it may not exist). */
    public static Path folder(String name) {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().resolve(name);
        }
        Path project = DataDirs.projectRoot(Path.of(System.getProperty("user.dir")));
        Path base = project != null ? project.resolve("runs")
                : Path.of(System.getProperty("user.home"), ".cache", "gan-workbook", "runs");
        return base.resolve(name);
    }

    /**
     * The checkpoint to use from run {@code name}: {@code best.ckpt} (chosen by {@code evaluate --select})
     * if it exists, else the latest {@code checkpoint.ckpt}; empty if the run has neither.
     */
    public static Optional<Path> checkpoint(String name) {
        Path dir = folder(name);
        for (String file : new String[]{"best.ckpt", "checkpoint.ckpt"}) {
            Path p = dir.resolve(file);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
