package org.ganworkbook.kernel;

import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * JShell's in-process execution, plus a way to read a variable's value as an object.
 *
 * <p>Local execution (same JVM, snippets loaded by a child of the system class loader) is what lets a
 * cell's {@code BufferedImage} or {@code Table} reach the renderer as the object itself, and lets
 * snippets use the workbook classes the kernel itself loaded. Stopping is JShell's own: on JDK 17 it
 * stops the snippet's thread group ({@code ThreadDeath}); on JDK 22+ it sets the stop flag that the
 * instrumented snippet code polls and interrupts the threads. The evaluator interrupts the cell's
 * threads first and calls stop only when they ignore the interrupt.
 */
final class CellExecutionControl extends LocalExecutionControl {

    private Object capturedValue;
    /** The snippets' thread group, or null where JShell's field could not be set (then nothing changes). */
    private final SnippetThreads snippetThreads = installSnippetThreads(this);
    private volatile BooleanSupplier cancelled = () -> false;
    /** When true, {@link #varValue} sets the variable to null instead of reading it. */
    private boolean clearing;

    /** Sets the test, checked before each snippet runs, that skips the snippet once its cell is interrupted. */
    void setCancelled(BooleanSupplier cancelled) {
        this.cancelled = cancelled;
    }

    /**
     * Runs a compiled snippet, unless its cell was interrupted while the snippet compiled (then the
     * snippet is skipped exactly as if it had been stopped).
     */
    @Override
    public String invoke(String className, String methodName) throws ExecutionControl.RunException,
            ExecutionControl.InternalException, ExecutionControl.EngineTerminationException {
        if (cancelled.getAsBoolean()) {
            throw new ExecutionControl.StoppedException();
        }
        return super.invoke(className, methodName);
    }

    /**
     * Runs the snippet's method; if it ended with an {@link OutOfMemoryError}, gives the
     * {@link HeapReserve} back at once, before JShell builds its exception report, so that the kernel's
     * own threads can allocate while the cell's memory is still held.
     */
    @Override
    protected String invoke(Method doitMethod) throws Exception {
        if (snippetThreads != null) {
            snippetThreads.died = null;
        }
        String value;
        try {
            value = super.invoke(doitMethod);
        } catch (Throwable t) {
            if (HeapReserve.isOutOfMemory(t)) {
                HeapReserve.release();
            }
            throw t;
        }
        OutOfMemoryError died = snippetThreads == null ? null : snippetThreads.died;
        if (died != null) {
            // the snippet's thread died of it before JShell could wrap it: report it as the snippet's own error
            snippetThreads.died = null;
            throw new java.lang.reflect.InvocationTargetException(died);
        }
        return value;
    }

    /**
     * JShell's snippet threads' group: an {@link OutOfMemoryError} that escapes a snippet's thread (when
     * even wrapping it failed) is kept here, with the {@link HeapReserve} given back, instead of being lost.
     */
    private static final class SnippetThreads extends ThreadGroup {
        volatile OutOfMemoryError died;

        SnippetThreads() {
            super("JShell process local execution");
        }

        @Override
        public void uncaughtException(Thread t, Throwable e) {
            if (e instanceof OutOfMemoryError oom) {
                HeapReserve.release();
                died = oom;
                return;
            }
            super.uncaughtException(t, e);
        }
    }

    private static SnippetThreads installSnippetThreads(LocalExecutionControl control) {
        try {
            Field field = LocalExecutionControl.class.getDeclaredField("execThreadGroup");
            field.setAccessible(true);
            SnippetThreads group = new SnippetThreads();
            field.set(control, group);
            return group;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // another JDK's JShell, or not opened: the plain behaviour
        }
    }

    /**
     * Sets a reference variable of a snippet to null (through {@code JShell.varValue}, which names the
     * snippet's class); a primitive variable is left as it is.
     *
     * @param read calls {@code shell.varValue(variable)}
     * @return true if a reference was cleared
     */
    boolean clearVariable(Runnable read) {
        clearing = true;
        try {
            read.run();
            return capturedValue == Boolean.TRUE;
        } finally {
            clearing = false;
            capturedValue = null;
        }
    }

    /**
     * Called by {@code JShell.varValue}. Instead of the value's string form, keeps the object for
     * {@link #takeCapturedValue()} and returns an empty string.
     */
    @Override
    public String varValue(String className, String varName) throws ExecutionControl.RunException,
            ExecutionControl.EngineTerminationException, ExecutionControl.InternalException {
        try {
            Field field = findClass(className).getDeclaredField(varName);
            field.setAccessible(true);
            if (clearing) {
                boolean reference = !field.getType().isPrimitive() && !Modifier.isFinal(field.getModifiers());
                if (reference) {
                    field.set(null, null);
                }
                capturedValue = reference;
                return "";
            }
            capturedValue = field.get(null);
            return "";
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExecutionControl.InternalException("cannot read variable " + varName + ": " + e);
        }
    }

    /** The object the last {@link #varValue} call read; clears it. */
    Object takeCapturedValue() {
        Object value = capturedValue;
        capturedValue = null;
        return value;
    }

    /** Hands JShell the one instance of {@link CellExecutionControl} and remembers it. */
    static final class Provider implements ExecutionControlProvider {
        private volatile CellExecutionControl control;

        @Override
        public String name() {
            return "ganwb-local";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            control = new CellExecutionControl();
            return control;
        }

        CellExecutionControl control() {
            return control;
        }
    }
}
