package org.ganworkbook.paper;

import org.ejml.data.FMatrixRMaj;
import org.ganworkbook.gan.Samples;
import org.ganworkbook.nn.Mlp;
import org.ganworkbook.sampling.NoisePrior;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The generator's images for one fixed set of {@value #COUNT} noise vectors, saved at every monitoring point
 * of a run ({@code <run>/}{@value #FOLDER}{@code /epoch-NNNN.png}), so that the same z can be watched
 * through training (notebook 07's filmstrip). The z come from their own seed ({@value #SEED}), never from the
 * training's streams, so the same vectors can be fed to any checkpoint of the config afterwards.
 *
 * <p>A sheet is an 8-bit grayscale PNG of 10 × 10 tiles without padding, z number i at row i / 10,
 * column i % 10, pixel value round(255·x); {@link #read} gives the images back (to within 1/510).
 */
public final class FixedNoiseSheets {

    /** Sub-folder of a run folder holding the sheets. */
    public static final String FOLDER = "fixed-z";
    /** Number of fixed noise vectors. */
    public static final int COUNT = 100;
    /** Seed of the fixed noise vectors. */
    public static final long SEED = 100;
    private static final int COLUMNS = 10;
    private static final Pattern NAME = Pattern.compile("epoch-(\\d+)\\.png");

    private FixedNoiseSheets() {
    }

    /** The fixed noise vectors of a prior: a new [{@value #COUNT}, latentDim] matrix, the same on every call. */
    public static FMatrixRMaj noise(NoisePrior prior, int latentDim) {
        return Samples.noise(prior, COUNT, latentDim, new SplittableRandom(SEED));
    }

    /** G's images of the fixed noise ({@code [COUNT, d]}, new); G is not modified. */
    public static FMatrixRMaj images(Mlp g, NoisePrior prior) {
        return Samples.generate(g, noise(prior, g.inputSize()));
    }

    /** The file of {@code epoch}'s sheet in run folder {@code runDir} (it may not exist). */
    public static Path file(Path runDir, int epoch) {
        return runDir.resolve(FOLDER).resolve(String.format(Locale.ROOT, "epoch-%04d.png", epoch));
    }

    /**
     * Writes {@code images} ([{@value #COUNT}, side²], values in [0, 1], clipped) as {@code epoch}'s sheet,
     * atomically; returns the file.
     */
    public static Path write(Path runDir, int epoch, FMatrixRMaj images) throws IOException {
        int side = side(images.numCols);
        int rows = (images.numRows + COLUMNS - 1) / COLUMNS;
        BufferedImage sheet = new BufferedImage(COLUMNS * side, rows * side, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = sheet.getRaster();
        for (int i = 0; i < images.numRows; i++) {
            int x0 = (i % COLUMNS) * side;
            int y0 = (i / COLUMNS) * side;
            for (int p = 0; p < side * side; p++) {
                float v = images.data[i * images.numCols + p];
                int level = Math.round(255 * Math.max(0f, Math.min(1f, v)));
                raster.setSample(x0 + p % side, y0 + p / side, 0, level);
            }
        }
        Path file = file(runDir, epoch);
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        if (!ImageIO.write(sheet, "png", tmp.toFile())) {
            throw new IOException("no PNG writer in this Java runtime");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /** The images of a sheet written by {@link #write}: a new [{@value #COUNT}, side²] matrix in [0, 1]. */
    public static FMatrixRMaj read(Path sheet, int side) throws IOException {
        BufferedImage img = ImageIO.read(sheet.toFile());
        if (img == null || img.getWidth() != COLUMNS * side || img.getHeight() % side != 0) {
            throw new IOException(sheet + " is not a sheet of " + COLUMNS + " columns of " + side + "x" + side
                    + " tiles (written by train's held-out monitoring)");
        }
        int n = COLUMNS * (img.getHeight() / side);
        FMatrixRMaj out = new FMatrixRMaj(n, side * side);
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < side * side; p++) {
                int v = img.getRaster().getSample((i % COLUMNS) * side + p % side, (i / COLUMNS) * side + p / side, 0);
                out.data[i * side * side + p] = v / 255f;
            }
        }
        return out;
    }

    /** The sheets of a run folder by epoch (empty if it has none). */
    public static TreeMap<Integer, Path> list(Path runDir) throws IOException {
        TreeMap<Integer, Path> sheets = new TreeMap<>();
        Path dir = runDir.resolve(FOLDER);
        if (!Files.isDirectory(dir)) {
            return sheets;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.matches()) {
                    sheets.put(Integer.parseInt(m.group(1)), f);
                }
            });
        }
        return sheets;
    }

    private static int side(int d) {
        int side = (int) Math.round(Math.sqrt(d));
        if (side * side != d) {
            throw new IllegalArgumentException("images of " + d + " pixels are not square; a sheet needs side² pixels");
        }
        return side;
    }
}
