package org.ganworkbook.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What notebook code calls to show things: the kernel imports these methods statically at start-up,
 * so a cell just writes {@code display(image)}.
 *
 * <p>The names and signatures are those of IJava and JJava ({@code display}, {@code updateDisplay}),
 * so a notebook that uses only them runs unchanged on those kernels. {@link #html(String)} is ours.
 *
 * <p>What a value becomes (also for a cell's last expression):
 * <ul>
 *   <li>{@code BufferedImage} / {@code RenderedImage}: a PNG image;</li>
 *   <li>an XChart chart: a PNG image of the chart;</li>
 *   <li>a Tablesaw {@code Table}: an HTML table (long tables are cut, with a note);</li>
 *   <li>{@link Html}: the HTML;</li>
 *   <li>anything else: its {@code toString()}.</li>
 * </ul>
 * Every form also carries {@code text/plain}, which is what graders and text-only clients read.
 *
 * <p>Live updates: keep the id that {@code display} returns and pass it to {@code updateDisplay},
 * for example once per epoch during training, to redraw a plot in place.
 */
public final class Notebook {

    private record Binding(Renderer renderer, CellOutput output) {
    }

    private static volatile Binding binding;

    /** Ids handed out by {@code display} during the current cell, compared by identity. */
    private static final Set<String> issuedIds = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    private Notebook() {
    }

    /** Connects the API to a renderer and an output; the evaluator does this when it starts. */
    static void bind(Renderer renderer, CellOutput output) {
        binding = new Binding(Objects.requireNonNull(renderer), Objects.requireNonNull(output));
    }

    /** Disconnects the API if it is still connected to {@code output}. */
    static void unbind(CellOutput output) {
        Binding b = binding;
        if (b != null && b.output == output) {
            binding = null;
        }
    }

    /** Forgets the ids handed out so far (called at the start of each cell). */
    static void startCell() {
        issuedIds.clear();
    }

    /** True if {@code value} is the very string a {@code display} call of this cell returned. */
    static boolean isIssuedId(Object value) {
        return value instanceof String && issuedIds.contains(value);
    }

    private static Binding binding() {
        Binding b = binding;
        if (b == null) {
            throw new IllegalStateException("display() and updateDisplay() work only inside a notebook run by the "
                    + "GAN Workbook kernel; outside it, write the image or table to a file instead");
        }
        return b;
    }

    /** Renders {@code value} in its richest form; see the class comment. */
    static DisplayData render(Renderer renderer, Object value, String... mimeTypes) {
        if (value == null) {
            return new DisplayData("null");
        }
        return mimeTypes == null || mimeTypes.length == 0 ? renderer.render(value) : renderer.renderAs(value, mimeTypes);
    }

    /**
     * Shows {@code value} below the cell, in its richest form.
     *
     * @return the display's id, for {@link #updateDisplay(String, Object)}
     */
    public static String display(Object value) {
        return display(value, new String[0]);
    }

    /**
     * Shows {@code value} as the given MIME types (for example {@code "text/html"}); {@code text/plain}
     * is always added.
     *
     * @return the display's id, for {@link #updateDisplay(String, Object, String...)}
     */
    public static String display(Object value, String... mimeTypes) {
        Binding b = binding();
        DisplayData data = render(b.renderer, value, mimeTypes);
        String id = data.getDisplayId();
        if (id == null) {
            id = UUID.randomUUID().toString();
            data.setDisplayId(id);
        }
        b.output.display(data);
        issuedIds.add(id);
        return id;
    }

    /** Replaces what the display {@code id} shows with {@code value}. */
    public static void updateDisplay(String id, Object value) {
        updateDisplay(id, value, new String[0]);
    }

    /** Replaces what the display {@code id} shows with {@code value} rendered as the given MIME types. */
    public static void updateDisplay(String id, Object value, String... mimeTypes) {
        Objects.requireNonNull(id, "id: pass the id that display(...) returned");
        Binding b = binding();
        DisplayData data = render(b.renderer, value, mimeTypes);
        data.setDisplayId(id);
        b.output.updateDisplay(data);
    }

    /** An HTML fragment to show as HTML; see {@link Html}. */
    public static Html html(String markup) {
        return new Html(markup);
    }
}
