package io.encore.stack.connect;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.connect.converters.ByteArrayConverter;
import org.apache.kafka.connect.storage.StringConverter;

import io.encore.schemas.topic.Topic;
import io.encore.schemas.topic.TopicCatalogue;

/**
 * The sink connectors the local stack runs, each aimed at a local stand-in, as configs for Connect's REST API.
 * One entry per sink in {@link #ALL}: a new sink joins the demo (and the ITs that use these configs) by adding
 * one more entry. The settings every Encore sink needs — string keys, byte-array values decoded by the task,
 * {@code errors.tolerance=all} with a dead-letter topic per sink — are added here once, the same way
 * connectors/config/*.json set them for a worker of one's own.
 */
public final class LocalSinks {

    public static final String MAIL_FROM = "Koncerthuset <news@hall.example>";

    /**
     * What the sinks on this stack read and where they deliver.
     *
     * @param topics      the catalogue (its prefix names the connectors and dead-letter topics too)
     * @param stateDir    where sinks keep local state, one subdirectory per sink (the e-mail ledger)
     * @param adsEndpoint base URL of the ad platform's audience API
     * @param site        base URL of the website whose tracking host the e-mails link to (the demo's web app)
     */
    public record Targets(TopicCatalogue topics, String registryUrl, String smtpHost, int smtpPort, URI adsEndpoint,
                          String adsToken, String redisUrl, Path stateDir, URI site) {

        /** The e-mails' tracking links start here: {@code <site>/t/c/<sendId>/<concertId>?rec=…}. */
        public String trackingBaseUrl() {
            return site + "/t";
        }

        /** The e-mails' unsubscribe link: {@code <site>/t/u?send=<sendId>}. */
        public String unsubscribeBaseUrl() {
            return site + "/t/u";
        }
    }

    /**
     * One sink connector.
     *
     * @param name      the connector's name on the worker, before the topic prefix ({@code encore-email-sink})
     * @param className the connector class, found by the worker in the plugin directory
     * @param topics    the topics it reads
     * @param settings  its own settings for the given targets
     */
    public record Sink(String name, String className, Function<TopicCatalogue, List<Topic<String, ?>>> topics,
                       Function<Targets, Map<String, String>> settings) {

        /** The name the connector runs under: the catalogue's prefix, so test runs on one broker never collide. */
        public String connectorName(Targets targets) {
            return targets.topics().prefix() + name;
        }

        /** The dead-letter topic of this sink; the worker creates it on the first errant record. */
        public String deadLetterTopic(Targets targets) {
            return targets.topics().prefix() + name + "-dead-letters";
        }

        /** The full connector config, ready for {@code PUT /connectors/{name}/config}; a mutable copy. */
        public Map<String, String> config(Targets targets) {
            Map<String, String> config = new HashMap<>();
            config.put("name", connectorName(targets));
            config.put("connector.class", className);
            config.put("tasks.max", "1");
            config.put("topics", topics.apply(targets.topics()).stream().map(Topic::name).collect(Collectors.joining(",")));
            config.put("key.converter", StringConverter.class.getName());
            config.put("value.converter", ByteArrayConverter.class.getName());
            config.put("errors.tolerance", "all");
            config.put("errors.log.enable", "true");
            config.put("errors.deadletterqueue.topic.name", deadLetterTopic(targets));
            config.put("errors.deadletterqueue.topic.replication.factor", "1");
            config.put("errors.deadletterqueue.context.headers.enable", "true");
            config.put("schema.registry.url", targets.registryUrl());
            config.putAll(settings.apply(targets));
            return config;
        }
    }

    /** email-sends → SMTP; the ledger of delivered send ids stays with the worker's machine. */
    public static final Sink EMAIL = new Sink("encore-email-sink", "io.encore.connectors.email.EmailSinkConnector",
            topics -> List.of(topics.emailSends()),
            targets -> Map.of(
                    "smtp.host", targets.smtpHost(),
                    "smtp.port", Integer.toString(targets.smtpPort()),
                    "smtp.starttls", "false",
                    "mail.from", MAIL_FROM,
                    "tracking.base.url", targets.trackingBaseUrl(),
                    "unsubscribe.base.url", targets.unsubscribeBaseUrl(),
                    "email.ledger.dir", targets.stateDir().resolve("encore-email-sink").resolve("ledger")
                            .toAbsolutePath().toString()));

    /** concert-audiences → the ad platform's audience API, hashed identifiers only. */
    public static final Sink ADS = new Sink("encore-ads-sink", "io.encore.connectors.ads.AdAudienceSinkConnector",
            topics -> List.of(topics.concertAudiences()),
            targets -> Map.of(
                    "ads.endpoint", targets.adsEndpoint().toString(),
                    "ads.token", targets.adsToken()));

    /** recommendations and guest-profiles → Redis, one key per guest id and alias. */
    public static final Sink WEB = new Sink("encore-web-sink", "io.encore.connectors.web.WebSinkConnector",
            topics -> List.of(topics.recommendations(), topics.guestProfiles()),
            targets -> Map.of(
                    "redis.url", targets.redisUrl(),
                    "encore.topic.prefix", targets.topics().prefix()));

    /** print-sends → a PDF per recipient and a manifest per campaign, in the stack's data directory. */
    public static final Sink PRINT = new Sink("encore-print-sink", "io.encore.connectors.print.PrintSinkConnector",
            topics -> List.of(topics.printSends()),
            targets -> Map.of(
                    "print.output.directory", printDirectory(targets).toString()));

    /** Every sink the demo registers, in this order. */
    public static final List<Sink> ALL = List.of(EMAIL, ADS, WEB, PRINT);

    /** Where the print sink of these targets writes its campaigns' PDFs and manifests. */
    public static Path printDirectory(Targets targets) {
        return targets.stateDir().resolve("encore-print-sink").resolve("out").toAbsolutePath();
    }

    private LocalSinks() {
    }
}
