package org.ganworkbook.paper;

import org.ganworkbook.data.DataDirs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where command-line training runs keep their checkpoints: {@code <runs>/<run>/}, with {@code <runs>} as
 * {@link DataDirs#runs()} finds it ({@code $GANWB_RUNS}, else {@code <project>/runs}, else
 * {@code ~/.cache/gan-workbook/runs}). The paper's MNIST run is {@code paper-mnist}:
 * <pre>
 * java -jar target/gan-workbook.jar train --out runs/paper-mnist
 * java -jar target/gan-workbook.jar evaluate --select --best runs/paper-mnist/best.ckpt runs/paper-mnist/epoch-*.ckpt
 * </pre>
 */
public final class Runs {

    /** Environment variable naming the folder that holds the runs. */
    public static final String ENV = DataDirs.RUNS_ENV;

    private Runs() {
    }

    /** The folder of run {@code name} (it may not exist). */
    public static Path folder(String name) {
        return DataDirs.runs().path().resolve(name);
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
