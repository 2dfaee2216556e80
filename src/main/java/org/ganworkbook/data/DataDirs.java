package org.ganworkbook.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the data directory, by the first rule that applies:
 * <ol>
 *   <li>a directory passed explicitly (a CLI {@code --dir}, a notebook argument);
 *   <li>the environment variable {@code GANWB_DATA} (the project's kernelspec sets it);
 *   <li>{@code <project>/data}, where {@code <project>} is the nearest folder at or above the working
 *       directory whose {@code pom.xml} is this project's (so notebooks opened from
 *       {@code notebooks/} and tests run by Maven both find it);
 *   <li>{@code ~/.cache/gan-workbook} otherwise.
 * </ol>
 * The directory need not exist yet; the fetcher creates it.
 *
 * <p>Command-line training runs live by the same rule ({@link #runs()}): {@code $GANWB_RUNS}, else
 * {@code <project>/runs} (git-ignored), else {@code ~/.cache/gan-workbook/runs}.
 */
public final class DataDirs {

    /** Environment variable that names the data directory. */
    public static final String ENV = "GANWB_DATA";

    /** Environment variable that names the folder holding training runs. */
    public static final String RUNS_ENV = "GANWB_RUNS";

    /** Marker of this project's pom.xml. */
    private static final String ARTIFACT = "<artifactId>gan-workbook</artifactId>";

    /**
     * The chosen directory and the rule that chose it.
     *
     * @param path the data directory (absolute)
     * @param reason which rule picked it, for messages
     */
    public record Choice(Path path, String reason) {
        @Override
        public String toString() {
            return path + " (" + reason + ")";
        }
    }

    private DataDirs() {
    }

    /** @return the data directory for this process (no explicit choice) */
    public static Path resolve() {
        return resolve(null);
    }

    /**
     * @param explicit a directory the caller names, or {@code null}
     * @return the data directory by the rules above
     */
    public static Path resolve(Path explicit) {
        return choose(explicit).path();
    }

    /** @return the data directory and the rule that picked it */
    public static Choice choose(Path explicit) {
        return choose(explicit, System.getenv(), Path.of(System.getProperty("user.dir")),
                Path.of(System.getProperty("user.home")));
    }

    /** The rules with their inputs made explicit (for tests). */
    static Choice choose(Path explicit, Map<String, String> env, Path workingDir, Path home) {
        return choose(explicit, ENV, "data", home.resolve(".cache").resolve("gan-workbook"), env, workingDir);
    }

    /** The folder that holds training runs, one sub-folder per run, and the rule that picked it. */
    public static Choice runs() {
        return runs(System.getenv(), Path.of(System.getProperty("user.dir")), Path.of(System.getProperty("user.home")));
    }

    /** {@link #runs()} with its inputs made explicit (for tests). */
    static Choice runs(Map<String, String> env, Path workingDir, Path home) {
        return choose(null, RUNS_ENV, "runs", home.resolve(".cache").resolve("gan-workbook").resolve("runs"), env,
                workingDir);
    }

    /** The one rule: explicit, else {@code $envVar}, else {@code <project>/<inProject>}, else {@code outside}. */
    private static Choice choose(Path explicit, String envVar, String inProject, Path outside, Map<String, String> env,
                                 Path workingDir) {
        if (explicit != null) {
            return new Choice(explicit.toAbsolutePath().normalize(), "given explicitly");
        }
        String fromEnv = env.get(envVar);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new Choice(Path.of(fromEnv).toAbsolutePath().normalize(), "from $" + envVar);
        }
        Path project = projectRoot(workingDir);
        if (project != null) {
            return new Choice(project.resolve(inProject), "the project's " + inProject + " folder");
        }
        return new Choice(Objects.requireNonNull(outside).toAbsolutePath(), "default outside a project checkout");
    }

    /**
     * @param start where to begin
     * @return the nearest folder at or above {@code start} holding this project's pom.xml, or null
     */
    public static Path projectRoot(Path start) {
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            Path pom = p.resolve("pom.xml");
            if (Files.isRegularFile(pom) && isOurPom(pom)) {
                return p;
            }
        }
        return null;
    }

    private static boolean isOurPom(Path pom) {
        try {
            return Files.readString(pom).contains(ARTIFACT);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
