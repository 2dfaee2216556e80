package org.ganworkbook.grading;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ganworkbook.kernel.KernelspecInstaller;
import org.ganworkbook.kernel.KernelCommand;

/**
 * How to start a kernel: an installed Jupyter kernelspec ({@code kernel.json}) found where Jupyter looks
 * for it, or the workbook's own kernel run from the grader's class path ({@link #builtIn()}).
 *
 * <p>The grader starts the kernel itself rather than through Jupyter, so that it owns the process
 * (its working folder, its heap cap, killing it and everything it started); {@link #command} gives the
 * command line with the connection file filled in and the heap cap replaced.
 *
 * @param name        the kernelspec name (e.g. {@code gan-workbook})
 * @param argv        the command, with {@code {connection_file}} where the connection file goes
 * @param env         extra environment variables for the kernel
 * @param location    where the spec was found ("built-in" for {@link #builtIn()})
 * @param interruptByMessage true if interrupts are sent as {@code interrupt_request} messages (else SIGINT)
 */
public record KernelSpec(String name, List<String> argv, Map<String, String> env, String location,
                         boolean interruptByMessage) {

    /**
     * The workbook's kernel, run by this JVM's {@code java} with this JVM's class path (made absolute: the
     * kernel runs in another folder): the installed
     * kernelspec's command line ({@link KernelCommand#argv}, without the start-up archive) and the
     * installer's default environment.
     */
    public static KernelSpec builtIn() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> argv = KernelCommand.argv(java, KernelspecInstaller.DEFAULT_HEAP,
                KernelCommand.absoluteClassPath(System.getProperty("java.class.path")), null);
        return new KernelSpec(KernelspecInstaller.DEFAULT_NAME, List.copyOf(argv), KernelspecInstaller.DEFAULT_ENV,
                "built-in (this program's class path)", true);
    }

    /**
     * The installed kernelspec called {@code name}, searched as Jupyter does: {@code $JUPYTER_PATH}, the
     * user's data folder ({@code $JUPYTER_DATA_DIR} or its default), then the system folders.
     */
    public static Optional<KernelSpec> find(String name) throws IOException {
        for (Path dir : searchPath()) {
            Path file = dir.resolve(name).resolve("kernel.json");
            if (Files.isRegularFile(file)) {
                return Optional.of(parse(name, file));
            }
        }
        return Optional.empty();
    }

    /** The folders searched for {@code <name>/kernel.json}, first match wins. */
    public static List<Path> searchPath() {
        Set<Path> dirs = new LinkedHashSet<>();
        String jupyterPath = System.getenv("JUPYTER_PATH");
        if (jupyterPath != null) {
            for (String entry : jupyterPath.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    dirs.add(Path.of(entry, "kernels"));
                }
            }
        }
        dirs.add(KernelspecInstaller.userKernelsDir());
        String prefix = System.getenv("CONDA_PREFIX") != null ? System.getenv("CONDA_PREFIX") : System.getenv("VIRTUAL_ENV");
        if (prefix != null) {
            dirs.add(Path.of(prefix, "share", "jupyter", "kernels"));
        }
        if (!System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win")) {
            dirs.add(Path.of("/usr/local/share/jupyter/kernels"));
            dirs.add(Path.of("/usr/share/jupyter/kernels"));
        }
        return new ArrayList<>(dirs);
    }

    /** Reads a {@code kernel.json}. */
    static KernelSpec parse(String name, Path file) throws IOException {
        JsonObject spec;
        try {
            spec = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IOException(file + " is not a valid kernel.json: " + e.getMessage(), e);
        }
        List<String> argv = new ArrayList<>();
        JsonElement a = spec.get("argv");
        if (a == null || !a.isJsonArray() || a.getAsJsonArray().isEmpty()) {
            throw new IOException(file + " has no \"argv\" command");
        }
        a.getAsJsonArray().forEach(e -> argv.add(e.getAsString()));
        Map<String, String> env = new LinkedHashMap<>();
        JsonElement e = spec.get("env");
        if (e != null && e.isJsonObject()) {
            e.getAsJsonObject().entrySet().forEach(entry -> env.put(entry.getKey(), entry.getValue().getAsString()));
        }
        JsonElement mode = spec.get("interrupt_mode");
        boolean byMessage = mode != null && "message".equals(mode.getAsString());
        return new KernelSpec(name, List.copyOf(argv), Map.copyOf(env), file.getParent().toString(), byMessage);
    }

    /**
     * The command to run: {@code {connection_file}} filled in, and for a Java command the heap cap
     * ({@code -Xmx}) set to {@code heap} (added before the main class or {@code -jar} if there was none).
     *
     * @param heap a JVM heap size such as {@code 1g}, or null to keep the spec's
     */
    public List<String> command(Path connectionFile, String heap) {
        List<String> cmd = new ArrayList<>();
        boolean javaCommand = Path.of(argv.get(0)).getFileName().toString().matches("java(\\.exe)?");
        boolean heapSet = false;
        for (String arg : argv) {
            String filled = arg.replace("{connection_file}", connectionFile.toString());
            if (javaCommand && heap != null && filled.startsWith("-Xmx")) {
                filled = "-Xmx" + heap;
                heapSet = true;
            }
            cmd.add(filled);
        }
        if (javaCommand && heap != null && !heapSet) {
            cmd.add(1, "-Xmx" + heap);
        }
        return cmd;
    }
}
