package org.ganworkbook.kernel;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One JShell and the state of a notebook's cells in it. Runs a cell's magics and snippets in order and
 * turns the last expression's value into display data.
 *
 * <p>Not thread-safe: every method except {@link #stop()} must be called from the same thread (the
 * evaluator's runner). {@link #stop()} may be called from any thread while a snippet runs.
 */
final class JShellSession {

    /** Imports every cell sees: JShell's defaults plus {@code java.time}, like JJava, and the notebook API. */
    static final List<String> STARTUP_IMPORTS = List.of(
            "import java.io.*;",
            "import java.math.*;",
            "import java.net.*;",
            "import java.nio.file.*;",
            "import java.time.*;",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "import java.util.function.*;",
            "import java.util.prefs.*;",
            "import java.util.regex.*;",
            "import java.util.stream.*;",
            "import static org.ganworkbook.kernel.Notebook.*;");

    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final CellExecutionControl control;
    private final Renderer renderer;
    /** Where each snippet came from, by snippet id, for error messages. */
    private final Map<String, CellErrors.Origin> origins = new HashMap<>();

    /**
     * Creates JShell (slow: about a second on a cold JVM), adds {@code classpath}, runs the start-up
     * imports and warms the compiler up with a throw-away snippet.
     *
     * @param cancelled checked after each snippet compiles: if true, the snippet is not run
     */
    JShellSession(Renderer renderer, List<Path> classpath, BooleanSupplier cancelled) {
        this.renderer = renderer;
        CellExecutionControl.Provider provider = new CellExecutionControl.Provider();
        this.shell = JShell.builder()
                .executionEngine(provider, Map.of())
                .compilerOptions("-proc:none")
                .build();
        this.control = provider.control();
        this.control.setCancelled(cancelled);
        this.analysis = shell.sourceCodeAnalysis();
        for (Path path : classpath) {
            addToClasspath(path);
        }
        for (String imp : STARTUP_IMPORTS) {
            for (SnippetEvent event : shell.eval(imp)) {
                if (event.status() == Snippet.Status.REJECTED) {
                    throw new IllegalStateException("start-up snippet rejected: " + imp);
                }
            }
        }
        // compile and run one throw-away snippet so the first cell does not pay for warming javac up
        shell.eval("int $ganwbWarmUp = 1;").forEach(e -> shell.drop(e.snippet()));
    }

    SourceCodeAnalysis analysis() {
        return analysis;
    }

    void addToClasspath(Path path) {
        shell.addToClasspath(path.toString());
        KernelLog.info("class path += " + path);
    }

    /** Stops the snippet that is running, if any (JShell's stop; callable from any thread). */
    void stop() {
        try {
            shell.stop();
        } catch (Throwable t) {
            KernelLog.warn("JShell stop failed: " + t);
        }
    }

    void close() {
        shell.close();
    }

    /**
     * Runs a cell.
     *
     * @param interrupted  tells whether the user (or the {@link MemoryGuard}) asked to stop; checked between snippets
     * @param memoryStopped why the {@link MemoryGuard} stopped the cell, or null if it did not
     * @return the rendered value of the cell's last snippet if that is an expression, else null
     */
    DisplayData runCell(SourceText cell, BooleanSupplier interrupted, Supplier<String> memoryStopped)
            throws CellException {
        Notebook.startCell();
        List<DeclarationSnippet> declared = new ArrayList<>();
        DisplayData value;
        try {
            value = runSource(cell, interrupted, declared);
        } catch (CellException e) {
            String why = memoryStopped.get();
            if (why != null) {
                // stopped by the guard before the heap filled: an out-of-memory error all the same
                throw afterOutOfMemory(declared, "Java heap space (" + why + ")", List.of());
            }
            if (!OUT_OF_MEMORY.equals(e.ename())) {
                throw e;
            }
            throw afterOutOfMemory(declared, e.evalue(), e.traceback());
        } catch (OutOfMemoryError e) {
            // JShell itself ran out (compiling, or reporting the cell's own OutOfMemoryError)
            HeapReserve.release();
            throw afterOutOfMemory(declared, "Java heap space", List.of());
        }
        List<DeclarationSnippet> unresolved = declared.stream()
                .filter(s -> shell.status(s) == Snippet.Status.RECOVERABLE_DEFINED
                        || shell.status(s) == Snippet.Status.RECOVERABLE_NOT_DEFINED)
                .toList();
        if (!unresolved.isEmpty()) {
            throw CellErrors.unresolved(unresolved, s -> shell.unresolvedDependencies(s).toList(), origins::get);
        }
        return value;
    }

    /** Runs the magics and code of {@code source} in order; returns the last expression's value. */
    private DisplayData runSource(SourceText source, BooleanSupplier interrupted, List<DeclarationSnippet> declared)
            throws CellException {
        DisplayData value = null;
        for (CellSource.Part part : CellSource.split(source.text())) {
            checkInterrupted(interrupted);
            if (part.magic()) {
                value = null;
                Magics.run(part.text(), new Magics.Host() {
                    @Override
                    public void addToClasspath(Path path) {
                        JShellSession.this.addToClasspath(path);
                    }

                    @Override
                    public void evaluate(SourceText loaded) throws CellException {
                        runSource(loaded, interrupted, declared);
                    }
                });
            } else {
                value = runCode(part.text(), part.offset(), source, interrupted, declared);
            }
        }
        return value;
    }

    private DisplayData runCode(String code, int offset, SourceText source, BooleanSupplier interrupted,
                                List<DeclarationSnippet> declared) throws CellException {
        String remaining = code;
        int position = offset;
        DisplayData value = null;
        while (!remaining.isBlank()) {
            checkInterrupted(interrupted);
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            String snippet;
            String next;
            switch (info.completeness()) {
                case EMPTY:
                    return value;
                case COMPLETE:
                case COMPLETE_WITH_SEMI:
                    snippet = info.source();
                    next = info.remaining();
                    break;
                default:
                    // incomplete or unparsable: let the compiler say what is wrong
                    snippet = remaining;
                    next = "";
                    break;
            }
            // JShell numbers stack-trace lines from the snippet's first non-blank character
            int blank = snippet.length() - snippet.stripLeading().length();
            value = runSnippet(snippet.substring(blank), new CellErrors.Origin(source, position + blank),
                    interrupted, declared);
            position += remaining.length() - next.length();
            remaining = next;
        }
        return value;
    }

    private DisplayData runSnippet(String source, CellErrors.Origin origin, BooleanSupplier interrupted,
                                   List<DeclarationSnippet> declared) throws CellException {
        List<SnippetEvent> events = shell.eval(source);
        SnippetEvent main = events.stream().filter(e -> e.causeSnippet() == null).findFirst()
                .orElse(events.isEmpty() ? null : events.get(0));
        if (main == null) {
            return null;
        }
        Snippet snippet = main.snippet();
        origins.put(snippet.id(), origin);
        checkInterrupted(interrupted);
        if (main.status() == Snippet.Status.REJECTED) {
            throw CellErrors.compilation(shell.diagnostics(snippet).toList(), origin, source);
        }
        if (main.exception() != null) {
            throw CellErrors.runtime(main.exception(), origins::get, null);
        }
        if (snippet instanceof DeclarationSnippet declaration
                && snippet.subKind() != Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            declared.add(declaration);
            return null;
        }
        return valueOf(main);
    }

    /** The rendered value of an expression snippet, or null if it has none to show. */
    private DisplayData valueOf(SnippetEvent event) throws CellException {
        Snippet snippet = event.snippet();
        if (!snippet.subKind().hasValue() || !snippet.subKind().isExecutable()) {
            return null;
        }
        VarSnippet variable = null;
        if (snippet instanceof VarSnippet v) {
            variable = v;
        } else if (snippet instanceof ExpressionSnippet expression) {
            // "x" or "x = 3": the value is that of the variable
            variable = shell.variables().filter(v -> v.name().equals(expression.name())).findFirst().orElse(null);
        }
        if (variable == null) {
            return event.value() == null ? null : new DisplayData(event.value());
        }
        Object value;
        try {
            shell.varValue(variable);
            value = control.takeCapturedValue();
        } catch (RuntimeException e) {
            return event.value() == null ? null : new DisplayData(event.value());
        }
        if (Notebook.isIssuedId(value)) {
            return null; // the cell ended with display(...): its id is not worth showing
        }
        if (value != null && value.getClass().isArray()) {
            return new DisplayData(event.value()); // JShell's "int[3] { 1, 2, 3 }" beats "[I@1b6d3586"
        }
        try {
            return Notebook.render(renderer, value);
        } catch (RuntimeException | LinkageError e) {
            String message = "could not show the value of type " + value.getClass().getName() + ": " + e;
            throw new CellException(e.getClass().getSimpleName(), message, List.of(message));
        }
    }

    /**
     * After a cell ran out of memory: sets the reference variables the cell declared to null (a
     * {@code List<long[]> hog} the cell filled would otherwise keep the heap full, and every later
     * allocation of the kernel's own threads would fail), takes the {@link HeapReserve} back and says
     * in the error what was cleared and how full the heap still is.
     */
    private CellException afterOutOfMemory(List<DeclarationSnippet> declared, String evalue, List<String> traceback) {
        HeapReserve.release();
        List<String> cleared = new ArrayList<>();
        for (DeclarationSnippet snippet : declared) {
            if (snippet instanceof VarSnippet variable && shell.status(variable).isActive()) {
                try {
                    if (control.clearVariable(() -> shell.varValue(variable))) {
                        cleared.add(variable.name());
                    }
                } catch (RuntimeException e) {
                    KernelLog.debug("could not clear " + variable.name() + ": " + e);
                }
            }
        }
        System.gc();
        boolean rearmed = HeapReserve.rearm();
        Runtime rt = Runtime.getRuntime();
        double used = (rt.totalMemory() - rt.freeMemory()) / (double) rt.maxMemory();
        KernelLog.info(String.format("cell ran out of memory; cleared %s; heap %.0f%% used; reserve %s",
                cleared, 100 * used, rearmed ? "held again" : "NOT held"));
        List<String> lines = new ArrayList<>(traceback.isEmpty() ? List.of(OUT_OF_MEMORY + ": " + evalue) : traceback);
        String what = cleared.isEmpty() ? ""
                : "To give the memory back, the kernel set the variables this cell declared to null: "
                + String.join(", ", cleared) + ". ";
        lines.add(what + String.format("The heap (capped at %.1f GB by -Xmx in the kernel's kernel.json) is %.0f%% "
                + "full now%s.", rt.maxMemory() / 1e9, 100 * used,
                used > 0.5 ? ": variables of earlier cells still hold that memory; set them to null or restart the kernel" : ""));
        return new CellException(OUT_OF_MEMORY, evalue, lines);
    }

    private static final String OUT_OF_MEMORY = "OutOfMemoryError";

    private static void checkInterrupted(BooleanSupplier interrupted) throws CellException {
        if (interrupted.getAsBoolean()) {
            throw CellException.interrupted("the cell was stopped at the user's request");
        }
    }
}
