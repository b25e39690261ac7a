package io.encore.stack.bench;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import io.encore.schemas.topic.Topic;
import io.encore.schemas.topic.TopicCatalogue;

/**
 * The platform's own ceiling: the benchmark's input topics read and written again with the same serde work as
 * the apps (Avro through the registry, both ways) and nothing else, no state. Engine throughput is reported as a
 * share of what this topology reaches on the same events, in the same run.
 */
final class CeilingTopology {

    private CeilingTopology() {
    }

    static Topology build(TopicCatalogue topics, String clickOut, String salesOut, String consentsOut) {
        StreamsBuilder builder = new StreamsBuilder();
        passThrough(builder, topics.clickEvents(), clickOut, "ceiling-clicks");
        passThrough(builder, topics.ticketSales(), salesOut, "ceiling-sales");
        passThrough(builder, topics.guestConsents(), consentsOut, "ceiling-consents");
        return builder.build();
    }

    private static <V> void passThrough(StreamsBuilder builder, Topic<String, V> in, String out, String name) {
        builder.stream(in.name(), Consumed.with(Serdes.String(), in.valueSerde()).withName(name + "-source"))
                .to(out, Produced.with(Serdes.String(), in.valueSerde()).withName(name + "-sink"));
    }
}
