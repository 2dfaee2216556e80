package org.ganworkbook.cli;

import java.nio.file.Path;
import org.ganworkbook.paper.Experiment;
import org.ganworkbook.paper.ExperimentData;
import picocli.CommandLine.Option;

/**
 * The options of every command that reads an experiment's data ({@code train}, {@code evaluate},
 * {@code sample}), declared once and mixed in with {@code @Mixin}: where the data folder is, and the
 * Toronto Face Database file the TFD experiments need.
 */
final class DataOptions {

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (default: $GANWB_DATA, else <project>/data).")
    Path dataDir;

    @Option(names = "--tfd", paramLabel = "FILE",
            description = "Your TFD_48x48.mat, for the paper-tfd experiments (default: $GANWB_TFD, else"
                    + " $PYLEARN2_DATA_PATH/faces/TFD/, else <data>/faces/).")
    Path tfdFile;

    /** @return the experiment's data, from the folders these options name (or the defaults) */
    ExperimentData load(Experiment experiment) {
        return experiment.load(dataDir, tfdFile);
    }
}
