package org.ganworkbook.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.dflib.jjava.jupyter.kernel.util.PathsHandler;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The line magics, as IJava spells them: {@code %classpath <paths or globs>} and {@code %jars <globs>}
 * add to the class path cells compile and run against; {@code %load <file>} runs a {@code .jsh} /
 * {@code .java} file or the code cells of an {@code .ipynb} notebook as if they were typed in the cell.
 *
 * <p>Relative paths start from the kernel's working directory, which Jupyter sets to the notebook's
 * folder. A path may hold several entries separated by the platform's path separator; {@code *} and
 * {@code ?} match within one path segment.
 */
final class Magics {

    /** What a magic needs from the evaluator. */
    interface Host {
        /** Makes classes in {@code path} (a directory or a jar) visible to later cells. */
        void addToClasspath(Path path);

        /** Evaluates {@code source} as cell code. */
        void evaluate(SourceText source) throws CellException;
    }

    static final List<String> NAMES = List.of("classpath", "jars", "load");

    private Magics() {
    }

    /**
     * Runs one magic line.
     *
     * @param line the line, starting with {@code %}
     * @throws CellException for an unknown magic, a path that matches nothing, or an error in loaded code
     */
    static void run(String line, Host host) throws CellException {
        if (line.startsWith("%%")) {
            throw error("UnknownMagic", "cell magics (%%...) are not supported by this kernel; line magics: "
                    + names());
        }
        List<String> words = CellSource.splitArguments(line.substring(1));
        String name = words.isEmpty() ? "" : words.get(0);
        List<String> args = words.subList(Math.min(1, words.size()), words.size());
        switch (name) {
            case "classpath" -> {
                requireArguments(name, args, "%classpath lib/extra.jar:classes/");
                for (Path path : resolveAll(args, false)) {
                    host.addToClasspath(path);
                }
            }
            case "jars" -> {
                requireArguments(name, args, "%jars lib/*.jar");
                for (Path path : resolveAll(args, true)) {
                    host.addToClasspath(path);
                }
            }
            case "load" -> {
                requireArguments(name, args, "%load utils.jsh");
                for (String arg : args) {
                    Path file = Path.of(arg);
                    if (!Files.isRegularFile(file)) {
                        throw error("FileNotFoundException", "%load: no file " + file.toAbsolutePath().normalize());
                    }
                    host.evaluate(new SourceText("file " + file, read(file)));
                }
            }
            default -> throw error("UnknownMagic", "%" + name + " is not a magic of this kernel; line magics: " + names());
        }
    }

    /** Every path the arguments name; with {@code jarsOnly}, directories contribute the jars they hold. */
    static List<Path> resolveAll(List<String> args, boolean jarsOnly) throws CellException {
        List<Path> paths = new ArrayList<>();
        for (String arg : args) {
            for (String entry : arg.split(File.pathSeparator)) {
                if (entry.isBlank()) {
                    continue;
                }
                List<Path> matches;
                try {
                    matches = PathsHandler.resolveGlobs(entry);
                } catch (RuntimeException e) {
                    throw error("FileNotFoundException", "cannot resolve '" + entry + "': " + e.getMessage());
                }
                if (matches.isEmpty()) {
                    throw error("FileNotFoundException", "nothing matches '" + entry + "' (working directory "
                            + Path.of("").toAbsolutePath() + ")");
                }
                for (Path match : matches) {
                    Path path = match.toAbsolutePath().normalize();
                    if (jarsOnly && Files.isDirectory(path)) {
                        try (Stream<Path> files = Files.list(path)) {
                            files.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(paths::add);
                        } catch (IOException e) {
                            throw error("IOException", "cannot list " + path + ": " + e.getMessage());
                        }
                    } else {
                        paths.add(path);
                    }
                }
            }
        }
        return paths;
    }

    private static String read(Path file) throws CellException {
        try {
            String text = Files.readString(file);
            return file.toString().endsWith(".ipynb") ? notebookCode(text) : text;
        } catch (IOException | RuntimeException e) {
            throw error("IOException", "%load: cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The code cells of a notebook, in order, one after another. */
    static String notebookCode(String json) {
        JsonObject notebook = JsonParser.parseString(json).getAsJsonObject();
        StringBuilder sb = new StringBuilder();
        JsonArray cells = notebook.getAsJsonArray("cells");
        if (cells == null) {
            return "";
        }
        for (JsonElement element : cells) {
            JsonObject cell = element.getAsJsonObject();
            if (!"code".equals(cell.get("cell_type").getAsString())) {
                continue;
            }
            JsonElement source = cell.get("source");
            if (source.isJsonArray()) {
                source.getAsJsonArray().forEach(line -> sb.append(line.getAsString()));
            } else {
                sb.append(source.getAsString());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void requireArguments(String name, List<String> args, String example) throws CellException {
        if (args.isEmpty()) {
            throw error("MagicArgumentError", "%" + name + " needs at least one argument, for example: " + example);
        }
    }

    private static String names() {
        return String.join(", ", NAMES.stream().map(n -> "%" + n).toList());
    }

    private static CellException error(String ename, String message) {
        return new CellException(ename, message, List.of(ename + ": " + message));
    }
}
