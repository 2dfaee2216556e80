package org.ganworkbook.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellOutputTest {

    @Test
    void completeUtf8PrefixHoldsBackAnUnfinishedCharacter() {
        byte[] text = "aé€😀".getBytes(StandardCharsets.UTF_8); // 1 + 2 + 3 + 4 bytes
        assertEquals(10, text.length);
        assertEquals(10, CellOutput.completeUtf8Prefix(text, 10));
        assertEquals(6, CellOutput.completeUtf8Prefix(text, 9), "inside the 4-byte emoji");
        assertEquals(6, CellOutput.completeUtf8Prefix(text, 7));
        assertEquals(3, CellOutput.completeUtf8Prefix(text, 5), "inside the 3-byte euro sign");
        assertEquals(1, CellOutput.completeUtf8Prefix(text, 2), "inside the 2-byte e-acute");
        assertEquals(0, CellOutput.completeUtf8Prefix(text, 0));
    }

    @Test
    void aCharacterWrittenByteByByteIsNeverSplit() {
        RecordingSink sink = new RecordingSink();
        try (CellOutput output = new CellOutput(sink)) {
            byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
            output.stdout().write(euro[0]);
            output.stdout().write(euro[1]);
            output.flush();
            assertEquals("", sink.text(OutputSink.STDOUT), "nothing complete to send yet");
            output.stdout().write(euro[2]);
            output.flush();
            assertEquals("€", sink.text(OutputSink.STDOUT));
        }
    }

    @Test
    void streamsAndDisplaysKeepTheirOrder() {
        RecordingSink sink = new RecordingSink();
        try (CellOutput output = new CellOutput(sink)) {
            output.stdout().print("one ");
            output.stdout().print("two\n");
            output.stderr().print("warn\n");
            output.stdout().print("three\n");
            DisplayData data = new DisplayData("shown");
            data.setDisplayId("id-1");
            output.display(data);
            output.stdout().print("four\n");
            output.flush();
            assertEquals(List.of("stdout", "stderr", "stdout", "display", "stdout"), sink.kinds());
            assertEquals("one two\nthree\nfour\n", sink.text(OutputSink.STDOUT));
            assertEquals(1, sink.events().stream().filter(e -> e.text() != null && e.text().equals("one two\n")).count(),
                    "consecutive writes to one stream travel as one message");
        }
    }

    @Test
    void theFlusherSendsWithoutAnExplicitFlush() throws InterruptedException {
        RecordingSink sink = new RecordingSink();
        try (CellOutput output = new CellOutput(sink)) {
            output.stdout().print("tick");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (sink.text(OutputSink.STDOUT).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals("tick", sink.text(OutputSink.STDOUT), "text without a newline is sent by the timer too");
        }
    }

    @Test
    void aFloodOfOutputIsSentByTheWriterInBoundedChunks() {
        RecordingSink sink = new RecordingSink();
        try (CellOutput output = new CellOutput(sink)) {
            String line = "x".repeat(1023) + "\n";
            for (int i = 0; i < 1024; i++) {
                output.stdout().print(line);
            }
            output.flush();
            assertEquals(1024 * 1024, sink.text(OutputSink.STDOUT).length());
            assertTrue(sink.events().stream().allMatch(e -> e.text().length() <= CellOutput.MAX_PENDING_BYTES + line.length()),
                    "no message much larger than the pending limit");
        }
    }

    @Test
    void installingReplacesAndCloseRestoresTheSystemStreams() {
        var before = System.out;
        CellOutput output = new CellOutput(new RecordingSink());
        output.installAsSystemStreams();
        assertEquals(output.stdout(), System.out);
        output.close();
        assertEquals(before, System.out);
    }
}
