package io.encore.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.encore.runtime.config.EncoreConfig;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.web.actions.KafkaEventSink;
import io.encore.web.apps.HttpStreamApis;
import io.encore.web.catalogue.Catalogue;
import io.encore.web.config.WebConfig;
import io.encore.web.guests.GuestDirectory;
import io.encore.web.kafka.TopicFollower;
import io.encore.web.operator.AdAudiences;
import io.encore.web.operator.AdminKafkaStats;
import io.encore.web.operator.ChangeCounter;
import io.encore.web.operator.LatencyTracker;
import io.encore.web.operator.Outbox;
import io.encore.web.operator.SegmentTransitions;
import io.encore.web.recs.FallbackWebSets;
import io.encore.web.recs.RedisWebSets;
import io.encore.web.recs.ScoringApiWebSets;
import io.encore.web.tracking.SendDirectory;

/**
 * The real {@link WebSources}: one consumer thread that follows the topics the pages read, a producer for the
 * visitor's actions, an admin client for offsets and lag, Redis for the lists and HTTP for the stream apps.
 * The consumer belongs to no group and commits nothing.
 */
public final class KafkaWebSources implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaWebSources.class);
    /** Client settings passed through from the configuration (security, DNS), besides the bootstrap servers. */
    private static final List<String> CLIENT_PREFIXES = List.of("security.", "sasl.", "ssl.", "client.dns.lookup");

    private final WebSources sources;
    private final TopicFollower follower;
    private final RedisWebSets redis;
    private final List<AutoCloseable> resources;

    private KafkaWebSources(WebSources sources, TopicFollower follower, RedisWebSets redis, List<AutoCloseable> resources) {
        this.sources = sources;
        this.follower = follower;
        this.redis = redis;
        this.resources = resources;
    }

    /** Connects nothing yet beyond creating the clients; {@link #start()} starts reading the topics. */
    public static KafkaWebSources open(WebConfig config, Outbox outbox, AdAudiences audiences, Clock clock,
                                       ObjectMapper mapper) {
        EncoreConfig encore = config.encore();
        TopicCatalogue topics = encore.topicCatalogue();
        Map<String, Object> client = clientProperties(config);
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            KafkaEventSink events = KafkaEventSink.create(client);
            resources.add(events);
            AdminKafkaStats stats = new AdminKafkaStats(Admin.create(adminProperties(client)), config.apiTimeout());
            resources.add(stats);
            RedisWebSets redis = new RedisWebSets(config.redisUrl(), config.redisKeyPrefix(), config.redisTimeout(),
                    mapper, clock);
            resources.add(redis);
            HttpStreamApis apis = new HttpStreamApis(config.scoringUrl(), config.profileUrl(), config.apiTimeout(), mapper,
                    config.apiToken());
            WebSources sources = new WebSources(new Catalogue(), new GuestDirectory(), new SendDirectory(),
                    new FallbackWebSets(redis, new ScoringApiWebSets(apis)), events, apis, stats, outbox, audiences,
                    new ChangeCounter(), new LatencyTracker(clock.millis()), new SegmentTransitions(), clock);
            TopicFollower follower = follow(new TopicFollower(() -> new KafkaConsumer<>(consumerProperties(client),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer())), topics, sources);
            resources.add(0, follower);
            return new KafkaWebSources(sources, follower, redis, resources);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    /** Which topic fills which part, and from where. */
    static TopicFollower follow(TopicFollower follower, TopicCatalogue topics, WebSources sources) {
        return follower
                .follow(topics.concerts(), TopicFollower.Start.BEGINNING, (key, concert, ts) -> sources.catalogue().apply(key, concert))
                .follow(topics.guestProfiles(), TopicFollower.Start.BEGINNING, (key, profile, ts) -> {
                    sources.guests().applyProfile(key, profile);
                    if (profile != null) {
                        sources.latency().onProfile(key, ts, profile.getUpdatedAt().toEpochMilli());
                    }
                })
                .follow(topics.guestContacts(), TopicFollower.Start.BEGINNING, (key, contact, ts) -> sources.guests().applyContact(key, contact))
                .follow(topics.emailSends(), TopicFollower.Start.BEGINNING, (key, send, ts) -> sources.sends().apply(key, send))
                .follow(topics.segmentChanges(), TopicFollower.Start.BEGINNING, (key, change, ts) -> sources.transitions().record(change))
                .follow(topics.recommendationChanges(), TopicFollower.Start.END, (key, change, ts) -> {
                    sources.changes().record(change);
                    if (change != null) {
                        sources.latency().onChange(change.getGuestId(), change.getChannel(), change.getReason(),
                                change.getChangedAt().toEpochMilli());
                    }
                });
    }

    public WebSources sources() {
        return sources;
    }

    public void start() {
        follower.start();
    }

    /** Ready once every followed topic exists and was read to the end it had when it was assigned. */
    public boolean caughtUp() {
        return follower.caughtUp();
    }

    /** What the status endpoint reports about the Kafka and Redis side. */
    public Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("caughtUp", follower.caughtUp());
        status.put("topicsRead", follower.assignedTopics().stream().sorted().toList());
        status.put("recordsRead", follower.recordsRead());
        status.put("undecodable", follower.undecodable());
        status.put("redisReachable", redis.reachable());
        return status;
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Could not close {} cleanly", resource, e);
            }
        }
    }

    static Map<String, Object> clientProperties(WebConfig config) {
        Map<String, Object> client = new HashMap<>();
        config.originals().forEach((key, value) -> {
            if (CLIENT_PREFIXES.stream().anyMatch(key::startsWith)) {
                client.put(key, value);
            }
        });
        client.put(EncoreConfig.BOOTSTRAP_SERVERS_CONFIG, config.encore().bootstrapServers());
        return client;
    }

    private static Map<String, Object> consumerProperties(Map<String, Object> client) {
        Map<String, Object> properties = new HashMap<>(client);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "encore-web-follower");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        return properties;
    }

    private static Map<String, Object> adminProperties(Map<String, Object> client) {
        Map<String, Object> properties = new HashMap<>(client);
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "encore-web-operator");
        return properties;
    }
}
