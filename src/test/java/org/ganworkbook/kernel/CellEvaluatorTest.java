package org.ganworkbook.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.tools.ToolProvider;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The evaluator on its own (no ZMQ): values, declarations across cells, errors, interrupts, displays,
 * magics and code analysis. One JShell serves the whole class, as one kernel serves a notebook.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CellEvaluatorTest {

    private final RecordingSink sink = new RecordingSink();
    private CellOutput output;
    private CellEvaluator evaluator;
    private final ExecutorService background = Executors.newCachedThreadPool();
    private int cellNumber;

    @BeforeAll
    void startEvaluator() {
        output = new CellOutput(sink);
        output.installAsSystemStreams();
        evaluator = new CellEvaluator(WorkbookRenderers.create(), output, List.of());
        assertTrue(evaluator.awaitReady(Duration.ofSeconds(60)), "JShell did not start");
    }

    @AfterAll
    void stopEvaluator() {
        evaluator.close();
        output.close();
        background.shutdownNow();
    }

    @BeforeEach
    void clearOutputs() {
        output.flush();
        sink.clear();
    }

    private DisplayData eval(String code) throws CellException {
        DisplayData value = evaluator.evaluate(code, ++cellNumber);
        output.flush();
        return value;
    }

    private static String text(DisplayData data) {
        assertNotNull(data, "the cell should have a value");
        return (String) data.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN);
    }

    private static Object mime(DisplayData data, String type) {
        return data.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.parse(type));
    }

    // ------------------------------------------------------------------ values and declarations

    @Test
    void lastExpressionIsTheCellsValue() throws CellException {
        assertEquals("2", text(eval("1 + 1")));
        assertEquals("hello", text(eval("\"hel\" + \"lo\"")), "strings show without quotes");
        assertEquals("int[3] { 1, 2, 3 }", text(eval("new int[] {1, 2, 3}")));
        assertEquals("null", text(eval("(Object) null")));
    }

    @Test
    void declarationsPersistAcrossCells() throws CellException {
        assertNull(eval("int base = 20;"), "a declaration shows nothing");
        assertNull(eval("int twice(int v) { return 2 * v; }"));
        assertNull(eval("record Pair(int a, int b) { int sum() { return a + b; } }"));
        assertEquals("40", text(eval("twice(base)")));
        assertEquals("7", text(eval("new Pair(3, 4).sum()")));
        assertEquals("21", text(eval("base = base + 1")), "an assignment shows the new value");
        assertEquals("21", text(eval("base")));
    }

    @Test
    void onlyTheLastSnippetOfACellIsShown() throws CellException {
        assertEquals("3", text(eval("int one = 1;\none + 1;\none + 2")));
        assertNull(eval("one + 5;\nint unused = one;"), "a cell ending with a declaration has no value");
        assertNull(eval("one + 5;\nSystem.out.print(\"\");"), "nor one ending with a void call");
    }

    @Test
    void startupImportsAndWorkbookClassesAreAvailable() throws CellException {
        assertEquals("[1, 2]", text(eval("List.of(1, 2)")));
        assertEquals("a&amp;b", text(eval("org.ganworkbook.kernel.Html.escape(\"a&b\")")));
    }

    // ------------------------------------------------------------------ errors

    @Test
    void compileErrorNamesLineColumnAndShowsTheLine() {
        CellException e = assertThrows(CellException.class, () -> eval("int fine = 1;\nint broken = nope + 1;"));
        assertEquals(CellException.COMPILATION, e.ename());
        assertTrue(e.evalue().contains("line 2, column 14"), e.evalue());
        assertTrue(e.evalue().contains("cannot find symbol"), e.evalue());
        List<String> tb = e.traceback();
        int source = tb.indexOf("    int broken = nope + 1;");
        assertTrue(source > 0, "the offending line is shown: " + tb);
        assertEquals("    " + " ".repeat(13) + "^", tb.get(source + 1), "the caret points at 'nope'");
        assertFalse(String.join("\n", tb).contains("location: class"), "JShell's empty location line is dropped");
    }

    @Test
    void runtimeExceptionShowsTheCellsFramesOnly() {
        CellException e = assertThrows(CellException.class, () -> eval(
                "int unrelated = 0;\nvoid explode(int n) {\n  throw new IllegalArgumentException(\"n=\" + n);\n}\nexplode(3);"));
        assertEquals("IllegalArgumentException", e.ename());
        assertEquals("n=3", e.evalue());
        String tb = String.join("\n", e.traceback());
        assertTrue(tb.startsWith("java.lang.IllegalArgumentException: n=3"), tb);
        assertTrue(tb.contains("explode (cell [" + cellNumber + "], line 3)"), tb);
        assertTrue(tb.contains("at cell [" + cellNumber + "], line 5"), tb);
        assertFalse(tb.contains("jdk.jshell") || tb.contains("REPL.") || tb.contains("reflect"), tb);
    }

    @Test
    void laterSnippetsDoNotRunAfterAFailure() throws CellException {
        assertThrows(CellException.class, () -> eval("int before = 1;\nInteger.parseInt(\"x\");\nint after = 2;"));
        assertEquals("1", text(eval("before")));
        CellException e = assertThrows(CellException.class, () -> eval("after"));
        assertEquals(CellException.COMPILATION, e.ename());
    }

    @Test
    void undeclaredNamesInADeclarationFailTheCell() {
        CellException e = assertThrows(CellException.class, () -> eval("void callsLater() { notDeclaredYet(); }"));
        assertEquals(CellException.COMPILATION, e.ename());
        assertTrue(e.evalue().contains("notDeclaredYet"), e.evalue());
    }

    // ------------------------------------------------------------------ output and display

    @Test
    void streamsArriveWhileTheCellRuns() throws Exception {
        long start = System.nanoTime();
        eval("System.out.println(\"first\"); Thread.sleep(600); System.err.println(\"second\");");
        long end = System.nanoTime();
        RecordingSink.Event first = sink.events().stream().filter(e -> "first\n".equals(e.text())).findFirst().orElseThrow();
        assertTrue(first.nanos() < end - TimeUnit.MILLISECONDS.toNanos(300),
                "stdout must be sent while the cell sleeps, not at its end");
        assertTrue(first.nanos() > start);
        assertEquals("second\n", sink.text(OutputSink.STDERR));
    }

    @Test
    void outputOfThreadsTheCellStartsIsCaptured() throws CellException {
        eval("Thread t = new Thread(() -> System.out.println(\"from a thread\")); t.start(); t.join();");
        assertEquals("from a thread\n", sink.text(OutputSink.STDOUT));
    }

    @Test
    void anExceptionThatEndsAThreadOfTheCellIsPrintedToStderr() throws CellException {
        eval("Thread failing = new Thread(() -> { throw new IllegalStateException(\"worker failed\"); }, \"worker-1\");\n"
                + "failing.start(); failing.join();");
        String err = sink.text(OutputSink.STDERR);
        assertTrue(err.startsWith("Exception in thread \"worker-1\" java.lang.IllegalStateException: worker failed"), err);
    }

    @Test
    void displayShowsImagesAndUpdatesInPlace() throws Exception {
        DisplayData value = eval("var img = new java.awt.image.BufferedImage(7, 5, java.awt.image.BufferedImage.TYPE_INT_RGB);\n"
                + "String shown = display(img);\ndisplay(\"plain text\");");
        assertNull(value, "a cell ending with display(...) does not also print the display id");
        eval("updateDisplay(shown, html(\"<i>replaced</i>\"));");
        List<RecordingSink.Event> displays = sink.displays();
        assertEquals(List.of("display", "display", "update"), displays.stream().map(RecordingSink.Event::kind).toList());
        DisplayData image = displays.get(0).data();
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode((String) mime(image, "image/png"))));
        assertEquals(7, decoded.getWidth());
        assertEquals(5, decoded.getHeight());
        assertEquals("BufferedImage 7x5", text(image));
        assertEquals("plain text", text(displays.get(1).data()));
        assertEquals(image.getDisplayId(), displays.get(2).data().getDisplayId());
        assertEquals("<i>replaced</i>", mime(displays.get(2).data(), "text/html"));
        assertEquals("replaced", text(displays.get(2).data()));
    }

    @Test
    void textPrintedBeforeADisplayArrivesBeforeIt() throws CellException {
        eval("System.out.println(\"above\"); display(\"middle\"); System.out.println(\"below\");");
        assertEquals(List.of("stdout", "display", "stdout"), sink.kinds());
    }

    @Test
    void imagesTablesChartsAndHtmlRenderAsRichTypesWithText() throws Exception {
        DisplayData image = eval("new java.awt.image.BufferedImage(3, 2, java.awt.image.BufferedImage.TYPE_BYTE_GRAY)");
        assertNotNull(mime(image, "image/png"));
        assertEquals("BufferedImage 3x2", text(image));

        DisplayData table = eval("tech.tablesaw.api.Table.create(\"losses\", "
                + "tech.tablesaw.api.IntColumn.create(\"epoch\", 1, 2), tech.tablesaw.api.StringColumn.create(\"note\", \"<ok>\", \"a&b\"))");
        String html = (String) mime(table, "text/html");
        assertTrue(html.contains("<th>epoch</th>") && html.contains("&lt;ok&gt;") && html.contains("a&amp;b"), html);
        assertTrue(text(table).contains("epoch") && text(table).contains("<ok>"), text(table));

        DisplayData chart = eval("org.knowm.xchart.QuickChart.getChart(\"loss\", \"step\", \"value\", \"d\", "
                + "new double[] {0, 1, 2}, new double[] {3, 1, 2})");
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode((String) mime(chart, "image/png"))));
        assertEquals(600, png.getWidth());
        assertEquals("XYChart \"loss\" 600x400", text(chart));

        DisplayData fragment = eval("html(\"<b>bold</b> &amp; plain\")");
        assertEquals("<b>bold</b> &amp; plain", mime(fragment, "text/html"));
        assertEquals("bold & plain", text(fragment));
    }

    // ------------------------------------------------------------------ interrupt

    private Future<CellException> evalExpectingFailure(String code) {
        int number = ++cellNumber;
        return background.submit(() -> {
            try {
                evaluator.evaluate(code, number);
                return null;
            } catch (CellException e) {
                return e;
            }
        });
    }

    private static void awaitProperty(String key) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.getProperty(key) == null) {
            if (System.nanoTime() > deadline) {
                fail("the cell never started");
            }
            Thread.sleep(5);
        }
        Thread.sleep(50);
        System.clearProperty(key);
    }

    @Test
    void interruptStopsABusyLoopThatNeverChecks() throws Exception {
        Future<CellException> cell = evalExpectingFailure("{ System.setProperty(\"busy.started\", \"1\");\n  while (true) { } }");
        awaitProperty("busy.started");
        long t0 = System.nanoTime();
        evaluator.interrupt();
        CellException e = cell.get(5, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertNotNull(e, "the cell must fail");
        assertEquals(CellException.INTERRUPTED, e.ename());
        assertTrue(seconds < 1.0, "interrupt took " + seconds + " s");
        assertEquals("3", text(eval("1 + 2")), "the next cell runs normally");
    }

    @Test
    void interruptEndsALoopThatPollsCleanlyWithoutForce() throws Exception {
        eval("long steps = 0;");
        Future<CellException> cell = evalExpectingFailure(
                "{ System.setProperty(\"poll.started\", \"1\");\n  while (!Thread.interrupted()) { steps++; } }");
        awaitProperty("poll.started");
        long t0 = System.nanoTime();
        evaluator.interrupt();
        CellException e = cell.get(5, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(CellException.INTERRUPTED, e.ename());
        assertTrue(seconds < CellEvaluator.DEFAULT_INTERRUPT_GRACE_MS / 1e3,
                "a polling loop stops before the forced stop: " + seconds + " s");
        assertEquals("true", text(eval("steps > 0")), "state written before the interrupt is kept");
    }

    @Test
    void interruptWakesASleepingCellAndItsThreads() throws Exception {
        Future<CellException> cell = evalExpectingFailure(
                "Thread worker = new Thread(() -> { try { Thread.sleep(60_000); } catch (InterruptedException e) {"
                        + " System.setProperty(\"worker.interrupted\", \"1\"); } });\n"
                        + "worker.start();\n{ System.setProperty(\"sleep.started\", \"1\"); Thread.sleep(60_000); }");
        awaitProperty("sleep.started");
        evaluator.interrupt();
        assertEquals(CellException.INTERRUPTED, cell.get(5, TimeUnit.SECONDS).ename());
        awaitProperty("worker.interrupted");
    }

    // ------------------------------------------------------------------ magics

    @Test
    void classpathAndJarsMagicsAddClassesToLaterCells(@TempDir Path dir) throws Exception {
        Path classes = compile(dir, "demo/Greeter", "package demo; public class Greeter { public static String hi() { return \"hi\"; } }");
        eval("%classpath " + classes);
        assertEquals("hi", text(eval("demo.Greeter.hi()")));

        Path jarClasses = compile(dir.resolve("j"), "demo/Farewell", "package demo; public class Farewell { public static String bye() { return \"bye\"; } }");
        Path jar = dir.resolve("libs").resolve("farewell.jar");
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("demo/Farewell.class"));
            out.write(Files.readAllBytes(jarClasses.resolve("demo/Farewell.class")));
        }
        eval("%jars " + dir.resolve("libs") + "/*.jar");
        assertEquals("bye", text(eval("demo.Farewell.bye()")));
    }

    @Test
    void loadMagicRunsAFileAndUnknownMagicsFail(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("helpers.jsh");
        Files.writeString(file, "int loadedSquare(int x) { return x * x; }\n");
        assertNull(eval("%load " + file));
        assertEquals("49", text(eval("loadedSquare(7)")));
        Path notebook = dir.resolve("shared.ipynb");
        Files.writeString(notebook, "{\"cells\": [{\"cell_type\": \"markdown\", \"source\": [\"# not code\"]},"
                + " {\"cell_type\": \"code\", \"source\": [\"int fromNotebook = 5;\\n\", \"int twiceFromNotebook = 10;\"]}],"
                + " \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}");
        eval("%load " + notebook);
        assertEquals("15", text(eval("fromNotebook + twiceFromNotebook")));
        CellException e = assertThrows(CellException.class, () -> eval("%frobnicate now"));
        assertEquals("UnknownMagic", e.ename());
        assertTrue(e.evalue().contains("%classpath"), e.evalue());
        CellException missing = assertThrows(CellException.class, () -> eval("%classpath " + dir.resolve("nothing-*.jar")));
        assertEquals("FileNotFoundException", missing.ename());
    }

    private static Path compile(Path dir, String name, String source) throws IOException {
        Path src = dir.resolve("src").resolve(name + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path out = dir.resolve("classes");
        Files.createDirectories(out);
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(), src.toString());
        assertEquals(0, rc, "test class did not compile");
        return out;
    }

    // ------------------------------------------------------------------ analysis

    @Test
    void completionOffersMembersOfJdkAndWorkbookClasses() {
        String code = "int k = 1;\nString s = \"abc\";\n\"abc\".toUpp";
        CellEvaluator.Completion c = evaluator.complete(code, code.length());
        assertTrue(c.matches().contains("toUpperCase("), c.matches().toString());
        assertEquals(code.length() - "toUpp".length(), c.start());
        assertEquals(code.length(), c.end());

        String ours = "org.ganworkbook.kernel.Html.esc";
        assertTrue(evaluator.complete(ours, ours.length()).matches().contains("escape("));
        assertEquals(List.of("%classpath"), evaluator.complete("%cl", 3).matches());
    }

    @Test
    void inspectShowsSignatures() {
        String doc = evaluator.inspect("Math.max(1, 2)", "Math.ma".length());
        assertNotNull(doc);
        assertTrue(doc.contains("max(int") && doc.contains("max(double"), doc);
        String ours = evaluator.inspect("org.ganworkbook.kernel.Html.escape(\"x\")", "org.ganworkbook.kernel.Html.esc".length());
        assertTrue(ours != null && ours.contains("escape(String"), ours);
    }

    @Test
    void isCompleteFollowsJShell() {
        assertEquals("complete", evaluator.isComplete("int x = 1;\nx + 1"));
        assertEquals("incomplete", evaluator.isComplete("for (int i = 0; i < 3; i++) {"));
        assertEquals("complete", evaluator.isComplete("%classpath lib\n"));
        assertEquals("    ", Completer.nextIndent("for (int i = 0; i < 3; i++) {"));
    }
}
