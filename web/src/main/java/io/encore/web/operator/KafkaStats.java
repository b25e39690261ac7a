package io.encore.web.operator;

import java.util.Collection;
import java.util.Map;

/** What the operator view samples from the cluster every second. */
public interface KafkaStats {

    /** Topic → sum of its partitions' end offsets; a topic that does not exist is left out. */
    Map<String, Long> endOffsets(Collection<String> topics);

    /**
     * Group → topic → lag (end offset minus committed offset, summed over the group's partitions of the topic);
     * a group that has committed nothing is left out.
     */
    Map<String, Map<String, Long>> lag(Collection<String> groups);
}
