package org.ganworkbook.cli;

import org.ejml.data.FMatrixRMaj;
import org.ganworkbook.eval.NearestNeighbours;
import org.ganworkbook.eval.NeighbourGrid;
import org.ganworkbook.gan.Checkpoint;
import org.ganworkbook.gan.Samples;
import org.ganworkbook.nn.Mlp;
import org.ganworkbook.paper.Experiment;
import org.ganworkbook.paper.ExperimentData;
import org.ganworkbook.paper.Figures;
import org.ganworkbook.plot.ImageGrid;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** {@code gan-workbook sample}: PNG pictures of a checkpoint's generator (sample grid, Figures 2 and 3). */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw a checkpoint's samples, Figure 2a and Figure 3 as PNG files.",
                "samples.png (a grid), figure2.png (4 rows of 5 samples + the nearest training image to the 5th,",
                "outlined) and figure3.png (digits along straight lines in z-space)."})
final class SampleCommand extends CliCommand {

    @Option(names = "--checkpoint", required = true, paramLabel = "FILE", description = "A checkpoint written by train.")
    Path checkpoint;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the PNG files.")
    Path out;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of the noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--count", defaultValue = "100", paramLabel = "N", description = "Samples in samples.png (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--columns", defaultValue = "10", paramLabel = "N", description = "Columns of samples.png (default: ${DEFAULT-VALUE}).")
    int columns;

    @Option(names = "--scale", defaultValue = "2", paramLabel = "N", description = "Pixels per image pixel (default: ${DEFAULT-VALUE}).")
    int scale;


    @CommandLine.Mixin
    DataOptions dataOptions;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = out();
        Checkpoint ck = Checkpoint.read(checkpoint);
        Mlp g = ck.generator();
        int side = (int) Math.round(Math.sqrt(g.outputSize()));
        if (side * side != g.outputSize()) {
            err().println("ERROR: G makes " + g.outputSize() + " values, not a square image");
            return 1;
        }
        Files.createDirectories(out);
        SplittableRandom rng = new SplittableRandom(seed);
        FMatrixRMaj x = Samples.sample(g, ck.config().noise(), count, rng);
        write(ImageGrid.square(side).columns(columns).scale(scale).render(x), "samples.png", stdout);

        ExperimentData training = dataOptions.load(Experiment.of(ck.config()));
        NeighbourGrid grid = Figures.figure2(g, ck.config().noise(), NearestNeighbours.of(training.train()), rng);
        write(Figures.render(grid, side, scale), "figure2.png", stdout);
        stdout.println("  nearest training images to the 5th sample of each row: "
                + java.util.Arrays.toString(grid.neighbours()));

        int strips = 4;
        FMatrixRMaj path = Figures.figure3(g, ck.config().noise(), strips, 4, 6, rng);
        write(Figures.renderStrips(path, strips, side, scale), "figure3.png", stdout);
        stdout.println("from " + ck + ", noise seed " + seed);
        return 0;
    }

    private void write(BufferedImage image, String name, PrintWriter stdout) throws IOException {
        Path file = out.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        stdout.println("wrote " + file + " (" + image.getWidth() + "x" + image.getHeight() + ")");
    }
}
