package org.ganworkbook.kernel;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.common.Text;
import org.dflib.jjava.jupyter.kernel.display.common.Url;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import com.google.gson.JsonParser;
import tech.tablesaw.api.Table;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * How the workbook's value types become Jupyter display data: images and XChart charts as PNG,
 * Tablesaw tables and {@link Html} as HTML, each with a short {@code text/plain} form.
 *
 * <p>jjava-jupyter 1.0-a6 has its own {@code RenderedImage} renderer, but it never closes its Base64
 * encoder, so the last bytes of every PNG are lost; the registrations here replace it.
 */
public final class WorkbookRenderers {

    private WorkbookRenderers() {
    }

    /** A renderer for strings, URLs and all workbook types (what unit tests and the kernel use). */
    public static Renderer create() {
        Renderer renderer = new Renderer();
        Text.registerAll(renderer);
        Url.registerAll(renderer);
        registerAll(renderer);
        return renderer;
    }

    /** Adds the workbook's registrations to {@code renderer}. */
    public static void registerAll(Renderer renderer) {
        // BufferedImage is registered on its own class so that only this encoder runs for it
        renderer.createRegistration(BufferedImage.class)
                .preferring(MIMEType.IMAGE_PNG)
                .register((image, context) -> renderImage(image, context));
        renderer.createRegistration(RenderedImage.class)
                .preferring(MIMEType.IMAGE_PNG)
                .register((image, context) -> renderImage(image, context));
        renderer.createRegistration(Chart.class)
                .preferring(MIMEType.IMAGE_PNG)
                .register((chart, context) -> {
                    context.renderIfRequested(MIMEType.IMAGE_PNG, () -> pngBase64(BitmapEncoder.getBufferedImage(chart)));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> describeChart(chart));
                });
        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML)
                .register((table, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_HTML, () -> TableHtml.toHtml(table, TableHtml.DEFAULT_MAX_ROWS));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> table.print(TableHtml.DEFAULT_MAX_ROWS));
                });
        renderer.createRegistration(Html.class)
                .preferring(MIMEType.TEXT_HTML)
                .register((html, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_HTML, html::markup);
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, html::text);
                });
        // e.g. a notebook's claims table: HTML for the learner, JSON for the test harness (check_claims.py)
        renderer.createRegistration(Displayable.class)
                .preferring(MIMEType.TEXT_HTML, MIMEType.APPLICATION_JSON)
                .register((value, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_HTML, value::html);
                    String json = value.json();
                    if (json != null) {
                        context.renderIfRequested(MIMEType.APPLICATION_JSON, () -> JsonParser.parseString(json));
                    }
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, value::toString);
                });
    }

    private static void renderImage(RenderedImage image, org.dflib.jjava.jupyter.kernel.display.RenderContext context) {
        context.renderIfRequested(MIMEType.IMAGE_PNG, () -> pngBase64(image));
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> describeImage(image));
    }

    /** The image as a Base64-encoded PNG file. */
    static String pngBase64(RenderedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + image.getWidth() * image.getHeight());
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalArgumentException("no PNG writer accepts this image (" + image.getClass().getName() + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    static String describeImage(RenderedImage image) {
        return image.getClass().getSimpleName() + " " + image.getWidth() + "x" + image.getHeight();
    }

    static String describeChart(Chart<?, ?> chart) {
        String title = chart.getTitle();
        return chart.getClass().getSimpleName() + (title == null || title.isBlank() ? "" : " \"" + title + "\"")
                + " " + chart.getWidth() + "x" + chart.getHeight();
    }
}
