package org.ganworkbook.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** An {@link OutputSink} that keeps every output with the time it arrived. */
final class RecordingSink implements OutputSink {

    /** One output: kind is "stdout", "stderr", "display" or "update". */
    record Event(String kind, String text, DisplayData data, long nanos) {
    }

    private final List<Event> events = new ArrayList<>();

    @Override
    public synchronized void stream(String name, String text) {
        events.add(new Event(name, text, null, System.nanoTime()));
    }

    @Override
    public synchronized void display(DisplayData data) {
        events.add(new Event("display", null, data, System.nanoTime()));
    }

    @Override
    public synchronized void updateDisplay(DisplayData data) {
        events.add(new Event("update", null, data, System.nanoTime()));
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    synchronized void clear() {
        events.clear();
    }

    /** Everything written to {@code stream}, concatenated. */
    synchronized String text(String stream) {
        return events.stream().filter(e -> e.kind().equals(stream)).map(Event::text).collect(Collectors.joining());
    }

    synchronized List<Event> displays() {
        return events.stream().filter(e -> e.data() != null).toList();
    }

    /** Kinds in arrival order, with consecutive duplicates of a stream merged. */
    synchronized List<String> kinds() {
        List<String> kinds = new ArrayList<>();
        for (Event e : events) {
            if (kinds.isEmpty() || !kinds.get(kinds.size() - 1).equals(e.kind()) || e.data() != null) {
                kinds.add(e.kind());
            }
        }
        return kinds;
    }
}
