package io.encore.stack;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.encore.stack.connect.LocalConnect;
import io.encore.stack.connect.LocalSinks;
import io.encore.stack.standin.LocalAdPlatform;
import io.encore.stack.standin.LocalRedis;
import io.encore.stack.standin.LocalSmtp;

/**
 * The channel side of Encore on one machine: local stand-ins for the channels (an SMTP server that keeps the
 * e-mails, an ad platform's audience API, Redis for the website) and a real Kafka Connect worker running every
 * sink of {@link LocalSinks#ALL} aimed at them, so the whole path from topic to channel runs and nothing leaves
 * the machine. Closing it stops the worker first, then the stand-ins.
 */
public final class LocalChannels implements AutoCloseable {

    /** The bearer token the ad platform stand-in expects and the ad sink sends. */
    public static final String ADS_TOKEN = "encore-demo-token";

    private static final Logger LOG = LoggerFactory.getLogger(LocalChannels.class);

    /**
     * @param host       interface every stand-in and the worker's REST API listen on
     * @param dataDir    where Redis keeps its snapshot and the sinks their state (the e-mail ledger)
     * @param pluginPath the worker's plugin.path: the unpacked Encore plugin archive
     * @param site       the website the e-mails' tracking and unsubscribe links go to
     */
    public record Settings(String host, int connectPort, int smtpPort, int adsPort, int redisPort, Path dataDir,
                           Path pluginPath, URI site) {
    }

    private final List<AutoCloseable> started;
    private final LocalSmtp smtp;
    private final LocalAdPlatform ads;
    private final LocalRedis redis;
    private final LocalConnect connect;
    private final List<String> connectors;

    private LocalChannels(List<AutoCloseable> started, LocalSmtp smtp, LocalAdPlatform ads, LocalRedis redis,
                          LocalConnect connect, List<String> connectors) {
        this.started = started;
        this.smtp = smtp;
        this.ads = ads;
        this.redis = redis;
        this.connect = connect;
        this.connectors = connectors;
    }

    /** Starts the stand-ins and the worker on {@code stack} and registers every sink; {@code progress} hears each step. */
    public static LocalChannels start(Settings settings, LocalStack stack, Consumer<String> progress) {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            long begun = System.nanoTime();
            LocalSmtp smtp = add(started, LocalSmtp.start(settings.host(), settings.smtpPort()));
            LocalAdPlatform ads = add(started, LocalAdPlatform.start(settings.host(), settings.adsPort(), ADS_TOKEN));
            LocalRedis redis = add(started, LocalRedis.start(settings.host(), settings.redisPort(),
                    settings.dataDir().resolve("redis")));
            progress.accept("Channel stand-ins ready: SMTP on " + settings.host() + ":" + smtp.port() + ", ad platform on "
                    + ads.baseUrl() + ", Redis on " + redis.url() + seconds(begun));
            begun = System.nanoTime();
            String prefix = stack.catalogue().prefix();
            LocalConnect connect = add(started, LocalConnect.start(new LocalConnect.Settings(settings.host(),
                    settings.connectPort(), stack.bootstrapServers(), settings.pluginPath(), prefix + "encore-connect",
                    Map.of())));
            progress.accept("Kafka Connect worker ready, REST API on " + connect.url() + seconds(begun));
            begun = System.nanoTime();
            LocalSinks.Targets targets = new LocalSinks.Targets(stack.catalogue(), stack.registryUrl(), settings.host(),
                    smtp.port(), ads.baseUrl(), ADS_TOKEN, redis.url(), settings.dataDir().resolve("connect"), settings.site());
            createDeadLetterTopics(stack.bootstrapServers(), targets, LocalSinks.ALL);
            List<String> connectors = new ArrayList<>();
            for (LocalSinks.Sink sink : LocalSinks.ALL) {
                String name = sink.connectorName(targets);
                connect.rest().putConnector(name, sink.config(targets));
                connectors.add(name);
            }
            progress.accept("Sinks running: " + String.join(", ", connectors) + seconds(begun));
            return new LocalChannels(started, smtp, ads, redis, connect, List.copyOf(connectors));
        } catch (RuntimeException e) {
            closeAll(started); // what started before the failure stops with it
            throw e;
        }
    }

    /** The SMTP server that keeps the sink's e-mails. */
    public LocalSmtp smtp() {
        return smtp;
    }

    /** The ad platform stand-in with the audiences the ad sink keeps. */
    public LocalAdPlatform ads() {
        return ads;
    }

    public LocalRedis redis() {
        return redis;
    }

    public LocalConnect connect() {
        return connect;
    }

    /** The names of the connectors running on the worker. */
    public List<String> connectors() {
        return connectors;
    }

    @Override
    public void close() {
        closeAll(started);
    }

    /**
     * Each sink's dead-letter topic, made here with one partition rather than by the worker on the first
     * errant record (which it logs as an error while it creates the topic).
     */
    static void createDeadLetterTopics(String bootstrapServers, LocalSinks.Targets targets, List<LocalSinks.Sink> sinks) {
        List<NewTopic> topics = sinks.stream()
                .map(sink -> new NewTopic(sink.deadLetterTopic(targets), 1, (short) 1)).toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create " + topic.name() + ": " + e.getCause().getMessage(), e);
                    }
                }
            }
            // The worker lists topics before it writes a dead letter: wait until the broker's metadata has them.
            TopicProvisioner.describeWhenVisible(admin, topics.stream().map(NewTopic::name).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the dead-letter topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot see the dead-letter topics: " + e.getCause().getMessage(), e);
        }
    }

    private static <T extends AutoCloseable> T add(List<AutoCloseable> started, T resource) {
        started.add(resource);
        return resource;
    }

    private static void closeAll(List<AutoCloseable> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.warn("Could not close {} cleanly", started.get(i), e);
            }
        }
    }

    private static String seconds(long startedNanos) {
        return String.format(" (%.1f s)", (System.nanoTime() - startedNanos) / 1e9);
    }
}
