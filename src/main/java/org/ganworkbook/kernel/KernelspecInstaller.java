package org.ganworkbook.kernel;

import com.google.gson.GsonBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the kernelspec that lets Jupyter start {@link WorkbookKernel}:
 * {@code <kernels dir>/<name>/kernel.json} plus a copy of the workbook jar next to it, so that
 * {@code mvn clean} or a rebuild never breaks an installed kernel. Running it again replaces both.
 *
 * <pre>
 * java -cp target/gan-workbook.jar org.ganworkbook.kernel.KernelspecInstaller --user \
 *      --env GANWB_DATA=$PWD/data
 * </pre>
 *
 * <p>The JVM that will run the kernel is checked first: it must be Java 17 or newer and a full JDK
 * (JShell needs the {@code jdk.jshell} and {@code jdk.compiler} modules).
 */
@Command(name = "KernelspecInstaller", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Installs the GAN Workbook Java kernel for Jupyter (writes kernel.json and copies the jar).")
public final class KernelspecInstaller implements Callable<Integer> {

    /** Name of the kernelspec directory (what notebooks record as {@code kernelspec.name}). */
    public static final String DEFAULT_NAME = "gan-workbook";
    /** Name Jupyter shows in its kernel list. */
    public static final String DEFAULT_DISPLAY_NAME = "Java (GAN Workbook)";
    /** Default heap cap: room for the MNIST arrays and models, well below this machine class's memory. */
    public static final String DEFAULT_HEAP = "3g";
    /**
     * Environment every kernel gets unless {@code --env} overrides it: OpenBLAS on one thread, so that
     * {@link org.ganworkbook.linalg.Gemm} splits each product over its own Java threads: OpenBLAS's own
     * threads spin while they wait and take cores the training step needs (the step benchmark,
     * {@code org.ganworkbook.bench.GanStepBenchmark}, run with and without OPENBLAS_NUM_THREADS=1, shows
     * the difference on a given machine).
     */
    public static final Map<String, String> DEFAULT_ENV = Map.of("OPENBLAS_NUM_THREADS", "1");
    /** File name of the jar inside the kernel directory. */
    public static final String JAR_NAME = "gan-workbook.jar";
    /** File name of the class-data-sharing archive inside the kernel directory. */
    public static final String ARCHIVE_NAME = "gan-workbook.jsa";

    @Option(names = "--user", description = "Install for the current user (the default).")
    boolean user;

    @Option(names = "--prefix", paramLabel = "DIR", description = "Install into DIR/share/jupyter/kernels (e.g. a virtualenv or conda prefix).")
    Path prefix;

    @Option(names = "--kernels-dir", paramLabel = "DIR", description = "Install into DIR directly (DIR/<name>/kernel.json).")
    Path kernelsDir;

    @Option(names = "--name", description = "Kernelspec name (default: ${DEFAULT-VALUE}).")
    String name = DEFAULT_NAME;

    @Option(names = "--display-name", description = "Name shown by Jupyter (default: ${DEFAULT-VALUE}).")
    String displayName = DEFAULT_DISPLAY_NAME;

    @Option(names = "--heap", description = "Maximum heap of the kernel JVM, as for -Xmx (default: ${DEFAULT-VALUE}).")
    String heap = DEFAULT_HEAP;

    @Option(names = "--jar", paramLabel = "PATH", description = "The workbook jar (default: the jar this installer runs from).")
    Path jar;

    @Option(names = "--java", paramLabel = "PATH", description = "The java executable of a JDK >= 17 (default: the one running the installer).")
    Path java;

    @Option(names = "--env", paramLabel = "KEY=VALUE", description = "Environment variable for the kernel (repeatable), e.g. GANWB_DATA=/path/to/data.")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--no-cds", description = "Do not create the start-up archive (class data sharing); the kernel then starts about 0.3 s slower.")
    boolean noCds;

    /** Command-line entry point; exits with 0 on success, 1 on error, 2 on a usage error. */
    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new KernelspecInstaller());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + e.getMessage());
            return 1;
        });
        System.exit(commandLine.execute(args));
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if ((prefix != null ? 1 : 0) + (kernelsDir != null ? 1 : 0) + (user ? 1 : 0) > 1) {
            throw new IllegalArgumentException("choose one of --user, --prefix and --kernels-dir");
        }
        Path kernels = kernelsDir != null ? kernelsDir
                : prefix != null ? prefix.resolve("share").resolve("jupyter").resolve("kernels")
                : userKernelsDir();
        Path javaPath = (java != null ? java : Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java"))
                .toAbsolutePath().normalize();
        Path jarPath = (jar != null ? jar : runningJar()).toAbsolutePath().normalize();
        Path installed = install(kernels, name, displayName, heap, jarPath, javaPath, env, !noCds);
        System.out.println("Installed Jupyter kernel '" + name + "' (" + displayName + ") in " + installed);
        System.out.println("  java: " + javaPath + " (Java " + javaMajorVersion(javaPath) + "), heap cap " + heap);
        Path archive = installed.resolve(ARCHIVE_NAME);
        System.out.println(Files.exists(archive)
                ? String.format("  start-up archive (class data sharing): %s, %.0f MB", archive.getFileName(), Files.size(archive) / 1e6)
                : "  start-up archive: " + (noCds ? "not requested" : "could not be created (see above); the kernel works, it starts a little slower"));
        System.out.println("  start a notebook and pick \"" + displayName + "\", or: jupyter console --kernel " + name);
        return 0;
    }

    /**
     * Writes {@code kernels/name/kernel.json} and copies {@code jar} next to it; with {@code cds}, also
     * records a class-data-sharing archive of a scripted kernel session ({@link CdsArchiveRecorder}) and
     * lets the kernel use it. If the archive cannot be made, the kernel is installed without it.
     *
     * @return the kernel directory
     * @throws IllegalArgumentException if the jar is missing, the Java is older than 17 or not a JDK, or
     *                                  the heap size or name is malformed
     */
    static Path install(Path kernels, String name, String displayName, String heap, Path jar, Path java,
                        Map<String, String> env, boolean cds) throws IOException, InterruptedException {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("kernel name '" + name + "' may contain only letters, digits, '.', '_' and '-'");
        }
        if (!heap.matches("\\d+[kKmMgGtT]?")) {
            throw new IllegalArgumentException("--heap '" + heap + "' is not a JVM heap size; use e.g. 3g or 1500m");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("the workbook jar " + jar + " does not exist; build it with "
                    + "'mvn -DskipTests package' or pass --jar");
        }
        checkJava(java);
        Path dir = kernels.resolve(name).toAbsolutePath().normalize();
        Files.createDirectories(dir);
        Path installedJar = dir.resolve(JAR_NAME);
        Path archive = dir.resolve(ARCHIVE_NAME);
        if (Files.exists(archive)) { // an archive of another jar would only be ignored
            archive.toFile().setWritable(true); // the JVM writes it read-only
            Files.delete(archive);
        }
        if (!Files.exists(installedJar) || !Files.isSameFile(jar, installedJar)) {
            Path tmp = Files.createTempFile(dir, JAR_NAME, ".tmp");
            Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, installedJar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        Map<String, String> kernelEnv = new TreeMap<>(DEFAULT_ENV);
        kernelEnv.putAll(env);
        writeSpec(dir, argv(java, heap, installedJar, null), displayName, kernelEnv);
        if (cds && createArchive(java, heap, installedJar, archive)) {
            writeSpec(dir, argv(java, heap, installedJar, archive), displayName, kernelEnv);
        }
        return dir;
    }

    private static void writeSpec(Path dir, List<String> argv, String displayName, Map<String, String> env)
            throws IOException {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", displayName);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.put("env", new TreeMap<>(env));
        spec.put("metadata", Map.of("debugger", false));
        String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec);
        Files.writeString(dir.resolve("kernel.json"), json + "\n", StandardCharsets.UTF_8);
    }

    /**
     * Runs {@link CdsArchiveRecorder} with the kernel's java, heap and class path, which writes the archive.
     *
     * @return true if the archive was written
     */
    static boolean createArchive(Path java, String heap, Path jar, Path archive) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:ArchiveClassesAtExit=" + archive, "-Xmx" + heap,
                "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8", "-cp", jar.toString(), CdsArchiveRecorder.class.getName()));
        Path log = Files.createTempFile("ganwb-cds-", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean done = process.waitFor(180, TimeUnit.SECONDS);
            if (!done) {
                process.destroyForcibly();
            }
            if (done && process.exitValue() == 0 && Files.isRegularFile(archive) && Files.size(archive) > 0) {
                return true;
            }
            List<String> lines = Files.readAllLines(log);
            System.err.println("warning: the start-up archive could not be created (" + (done ? "exit code "
                    + process.exitValue() : "timed out") + "); last output:");
            lines.subList(Math.max(0, lines.size() - 10), lines.size()).forEach(l -> System.err.println("    " + l));
            Files.deleteIfExists(archive);
            return false;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The command Jupyter runs ({@link KernelCommand#argv}, with the installed jar as the class path). */
    static List<String> argv(Path java, String heap, Path jar, Path archive) {
        return KernelCommand.argv(java, heap, jar.toString(), archive);
    }

    /** Fails unless {@code java} runs and is a JDK of version 17 or newer. */
    static void checkJava(Path java) throws IOException, InterruptedException {
        if (!Files.isExecutable(java)) {
            throw new IllegalArgumentException("no java executable at " + java + "; pass --java /path/to/jdk-17+/bin/java");
        }
        int major = javaMajorVersion(java);
        if (major < 17) {
            throw new IllegalArgumentException("Java at " + java + " is version " + major
                    + "; the kernel needs Java 17 or newer. Pass --java /path/to/jdk-17+/bin/java");
        }
        String modules = run(java, "--list-modules");
        if (!modules.contains("jdk.jshell") || !modules.contains("jdk.compiler")) {
            throw new IllegalArgumentException("Java at " + java + " is a runtime without the compiler (no jdk.jshell "
                    + "module); the kernel needs a full JDK. Pass --java /path/to/jdk-17+/bin/java");
        }
    }

    /** The feature version of {@code java} (8 for "1.8.0_392", 17 for "17.0.15"). */
    static int javaMajorVersion(Path java) throws IOException, InterruptedException {
        return parseMajorVersion(run(java, "-version"));
    }

    static int parseMajorVersion(String versionOutput) {
        Matcher m = Pattern.compile("version \"(\\d+)(?:\\.(\\d+))?").matcher(versionOutput);
        if (!m.find()) {
            throw new IllegalArgumentException("cannot read the Java version from: " + versionOutput.strip());
        }
        int first = Integer.parseInt(m.group(1));
        return first == 1 && m.group(2) != null ? Integer.parseInt(m.group(2)) : first;
    }

    private static String run(Path java, String option) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(java.toString(), option).redirectErrorStream(true).start();
        String text;
        try (InputStream in = process.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalArgumentException(java + " " + option + " did not finish");
        }
        return text;
    }

    /**
     * Jupyter's per-user data directory plus {@code kernels}, as {@code jupyter --data-dir} reports it
     * (the grader looks for installed kernels there too).
     */
    public static Path userKernelsDir() {
        String dataDir = System.getenv("JUPYTER_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) {
            return Path.of(dataDir, "kernels");
        }
        Path home = Path.of(System.getProperty("user.home"));
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Jupyter").resolve("kernels");
        }
        if (isWindows()) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home.toString(), "jupyter", "kernels");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path data = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return data.resolve("jupyter").resolve("kernels");
    }

    private static boolean isWindows() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win");
    }

    private static Path runningJar() {
        try {
            Path location = Path.of(KernelspecInstaller.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                throw new IllegalArgumentException("not running from a jar (" + location + "); pass --jar target/gan-workbook.jar");
            }
            return location;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            throw new IllegalArgumentException("cannot tell which jar is running; pass --jar target/gan-workbook.jar");
        }
    }
}
