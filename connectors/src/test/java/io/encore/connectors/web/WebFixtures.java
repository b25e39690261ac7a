package io.encore.connectors.web;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.connect.sink.SinkRecord;

import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.GuestProfile;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.avro.ReasonCode;
import io.encore.schemas.avro.RecommendationItem;
import io.encore.schemas.avro.RecommendationReason;
import io.encore.schemas.avro.RecommendationSet;
import io.encore.schemas.avro.RfmValue;
import io.encore.schemas.registry.SchemaRegistryClients;
import io.encore.schemas.registry.RegistryClientConfig;
import io.encore.schemas.serde.AvroSerde;
import io.encore.schemas.serde.AvroWireFormat;

/** Sink records as a worker with the byte-array converter hands them over, written by Encore's serde. */
final class WebFixtures {

    static final String PREFIX = "test.";
    static final String RECOMMENDATIONS = PREFIX + "recommendations";
    static final String PROFILES = PREFIX + "guest-profiles";

    final String registryUrl = SchemaRegistryClients.MOCK_SCHEME + "web-" + UUID.randomUUID();
    private final AvroWireFormat format = new AvroWireFormat(SchemaRegistryClients.create(RegistryClientConfig.of(registryUrl)), true);
    private final Map<String, Long> offsets = new HashMap<>();

    Map<String, String> taskProps(String redisUrl) {
        Map<String, String> props = new HashMap<>();
        props.put("redis.url", redisUrl);
        props.put("schema.registry.url", registryUrl);
        props.put("encore.topic.prefix", PREFIX);
        props.put("topics", RECOMMENDATIONS + "," + PROFILES);
        props.put("web.ttl.seconds", "3600");
        props.put("redis.retry.backoff.ms", "10");
        props.put("redis.max.retries", "2");
        return props;
    }

    SinkRecord set(String guestId, Channel channel, String... concertIds) {
        return record(RECOMMENDATIONS, guestId + "|" + channel, bytes(RECOMMENDATIONS, recommendationSet(guestId, channel, concertIds)));
    }

    SinkRecord setTombstone(String guestId, Channel channel) {
        return record(RECOMMENDATIONS, guestId + "|" + channel, null);
    }

    SinkRecord profile(String guestId, String... aliasKeys) {
        return record(PROFILES, guestId, bytes(PROFILES, guestProfile(guestId, aliasKeys)));
    }

    SinkRecord profileTombstone(String guestId) {
        return record(PROFILES, guestId, null);
    }

    SinkRecord raw(String topic, String key, byte[] value) {
        return record(topic, key, value);
    }

    private SinkRecord record(String topic, String key, byte[] value) {
        long offset = offsets.merge(topic, 1L, Long::sum) - 1;
        return new SinkRecord(topic, 0, null, key, null, value, offset);
    }

    private byte[] bytes(String topic, RecommendationSet set) {
        return format.write(topic, false, set.getSchema(), set);
    }

    private byte[] bytes(String topic, GuestProfile profile) {
        return format.write(topic, false, profile.getSchema(), profile);
    }

    static RecommendationSet recommendationSet(String guestId, Channel channel, String... concertIds) {
        List<RecommendationItem> items = new java.util.ArrayList<>();
        // Written in reverse rank order: the sink must sort.
        for (int i = concertIds.length - 1; i >= 0; i--) {
            items.add(RecommendationItem.newBuilder().setConcertId(concertIds[i]).setRank(i + 1).setScore(0.9 - i * 0.1)
                    .setModel("content")
                    .setReasons(List.of(new RecommendationReason(ReasonCode.SAME_COMPOSER, "Fordi du hørte Carl Nielsen", "carl nielsen")))
                    .build());
        }
        return RecommendationSet.newBuilder().setRecommendationId("rec-" + guestId + "-" + String.join("-", concertIds))
                .setGuestId(guestId).setChannel(channel).setArm("content").setLanguage("da").setItems(items)
                .setGeneratedAt(Instant.parse("2026-11-23T12:00:00Z")).build();
    }

    static GuestProfile guestProfile(String guestId, String... aliasKeys) {
        List<GuestIdentifier> aliases = new java.util.ArrayList<>();
        for (String alias : aliasKeys) {
            int colon = alias.indexOf(':');
            aliases.add(new GuestIdentifier(IdentifierType.valueOf(alias.substring(0, colon)), alias.substring(colon + 1)));
        }
        return GuestProfile.newBuilder().setGuestId(guestId).setAliases(aliases).setTasteDimension(0)
                .setRfm(RfmValue.newBuilder().setAsOf(Instant.EPOCH).build())
                .setUpdatedAt(Instant.EPOCH).build();
    }
}
