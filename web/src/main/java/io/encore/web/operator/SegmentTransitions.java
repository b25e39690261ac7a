package io.encore.web.operator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.encore.schemas.avro.SegmentChange;
import io.encore.schemas.serde.AvroJson;

/**
 * Moves between lifecycle (behaviour) segments and value groups, counted from {@code segment-changes}: the
 * matrices of the operator view's transition charts and the most recent moves. A first classification (no
 * "from") counts as a move from {@link #FIRST}.
 */
public final class SegmentTransitions {

    public static final String FIRST = "(first)";
    private static final int RECENT = 20;

    private final Map<String, Map<String, Long>> segments = new TreeMap<>();
    private final Map<String, Map<String, Long>> valueGroups = new TreeMap<>();
    private final Deque<Map<String, Object>> recent = new ArrayDeque<>();
    private long total;

    public synchronized void record(SegmentChange change) {
        if (change == null) {
            return;
        }
        String fromSegment = change.getFromSegment() == null ? FIRST : change.getFromSegment().name();
        String fromGroup = change.getFromValueGroup() == null ? FIRST : change.getFromValueGroup().name();
        count(segments, fromSegment, change.getToSegment().name());
        count(valueGroups, fromGroup, change.getToValueGroup().name());
        total++;
        Map<String, Object> move = new LinkedHashMap<>();
        move.put("guestId", change.getGuestId());
        move.put("fromSegment", fromSegment);
        move.put("toSegment", change.getToSegment().name());
        move.put("fromValueGroup", fromGroup);
        move.put("toValueGroup", change.getToValueGroup().name());
        move.put("changedAt", AvroJson.toJson(change.getChangedAt()));
        recent.addFirst(move);
        if (recent.size() > RECENT) {
            recent.removeLast();
        }
    }

    /** {@code total}, {@code segments} and {@code valueGroups} (from → to → count) and {@code recent} moves. */
    public synchronized Map<String, Object> snapshot() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", total);
        body.put("segments", copy(segments));
        body.put("valueGroups", copy(valueGroups));
        body.put("recent", List.copyOf(recent));
        return body;
    }

    private static void count(Map<String, Map<String, Long>> matrix, String from, String to) {
        matrix.computeIfAbsent(from, f -> new TreeMap<>()).merge(to, 1L, Long::sum);
    }

    private static Map<String, Map<String, Long>> copy(Map<String, Map<String, Long>> matrix) {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        matrix.forEach((from, row) -> copy.put(from, new TreeMap<>(row)));
        return copy;
    }
}
