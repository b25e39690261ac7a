package io.encore.stack;

import static io.encore.stack.ItTraffic.committedConsumer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import io.encore.importer.Importer;
import io.encore.runtime.config.EncoreConfig;
import io.encore.schemas.avro.TicketSale;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.stack.junit.LocalStackExtension;
import io.encore.stack.junit.SharedStack;
import io.encore.stack.junit.TestNames;

/**
 * {@code ./encore import} against the real broker and registry: rows arrive on their topics exactly once even
 * when an import is interrupted and run again, a second import of the same files produces nothing, and the
 * deliberately corrupted rows are in the rejects file with their lines.
 */
@ExtendWith(LocalStackExtension.class)
class ImportIT {

    private static final int SALES = 3_000;
    private static final Set<Integer> CORRUPTED = Set.of(17, 1_234, 2_999);

    @TempDir
    Path dir;

    @Test
    void shouldProduceEveryValidRowOnceWhenAnInterruptedImportIsRunAgainAndNothingWhenRunAThirdTime(SharedStack stack,
                                                                                                   TestNames names)
            throws IOException {
        // given: a catalogue, 3,000 sales of which three are corrupted, and a few identity links
        TopicCatalogue topics = catalogue(stack, names);
        writeHistory();
        Importer.Settings settings = new Importer.Settings(dir, topics, Map.of("bootstrap.servers", stack.bootstrapServers()),
                dir.resolve("rejects.csv"), 500, false, Importer.Settings.DEFAULT_STRETCH);

        // when: the first run stops after 1,200 to 2,000 rows (as a Ctrl-C would), then the import runs again
        assertThatThrownBy(() -> Importer.run(settings, progress -> {
            if (progress.rows() > 1_200) {
                throw new IllegalStateException("interrupted");
            }
        })).hasMessage("interrupted");
        long committedAfterInterruption = eventIds(stack, topics).size();
        Importer.Result resumed = Importer.run(settings, progress -> { });
        Importer.Result again = Importer.run(settings, progress -> { });

        // then: the interrupted run left only whole transactions; the second resumed after them
        assertThat(committedAfterInterruption).isBetween(490L, 2_000L);
        assertThat(resumed.resumedAt()).isBetween(500L, 2_000L);
        assertThat(resumed.rejected()).isEqualTo(CORRUPTED.size());
        // every valid sale exactly once
        List<String> ids = eventIds(stack, topics);
        assertThat(ids).hasSize(SALES - CORRUPTED.size()).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(ids)).doesNotContain("sale-17", "sale-1234", "sale-2999").contains("sale-0", "sale-2998");
        // the third run: the same files, nothing produced
        assertThat(again.alreadyImported()).isTrue();
        assertThat(eventIds(stack, topics)).hasSize(ids.size());
        // the rejects file names the corrupted rows by line (header = line 1, sale n on line n + 2)
        List<String> rejects = Files.readAllLines(dir.resolve("rejects.csv"));
        assertThat(rejects).hasSize(1 + CORRUPTED.size());
        assertThat(rejects.subList(1, rejects.size())).anySatisfy(line -> assertThat(line).startsWith("ticket-sales.csv,19,seats,"))
                .anySatisfy(line -> assertThat(line).startsWith("ticket-sales.csv,1236,identifier,"))
                .anySatisfy(line -> assertThat(line).startsWith("ticket-sales.csv,3001,occurredAt,"));
        try (KafkaConsumer<String, byte[]> consumer = committedConsumer(stack.bootstrapServers())) {
            TopicPartition concerts0 = new TopicPartition(topics.concerts().name(), 0);
            assertThat(consumer.endOffsets(List.of(concerts0))).isNotEmpty();
        }
    }

    @Test
    void shouldPrintAProgressBarAndASummaryWhenRunFromTheCommandLine(SharedStack stack, TestNames names) throws IOException {
        // given
        catalogue(stack, names);
        writeHistory();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        CommandLine command = new CommandLine(new EncoreCli());
        command.setOut(new PrintWriter(printed, true, StandardCharsets.UTF_8));
        // when
        int exit = command.execute("import", dir.toString(), "--bootstrap-servers", stack.bootstrapServers(),
                "--schema-registry-url", stack.registryUrl(), "--topic-prefix", names.topicPrefix());
        // then
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isZero();
        assertThat(output).contains("Importing " + dir.toAbsolutePath())
                .contains("100%").contains("rows/s")
                .contains("Imported in").contains(String.format("%,d rows produced", SALES - CORRUPTED.size() + 3 + 2))
                .contains("3 rejected").contains(dir.resolve("rejects.csv").toString())
                .containsPattern("ticket-sales.csv +3,000 +2,997 +3 +0");
    }

    private static TopicCatalogue catalogue(SharedStack stack, TestNames names) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(EncoreConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        settings.put(EncoreConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.registryUrl());
        settings.put(EncoreConfig.TOPIC_PREFIX_CONFIG, names.topicPrefix());
        TopicCatalogue topics = new EncoreConfig(settings).topicCatalogue();
        try (Admin admin = stack.admin()) {
            TopicProvisioner.ensure(admin, topics.all());
        }
        return topics;
    }

    /** 3 concerts, 3,000 sales a minute apart (three of them corrupted), 2 identity links. */
    private void writeHistory() throws IOException {
        Instant start = Instant.parse("2024-01-01T10:00:00Z");
        List<String> concerts = new ArrayList<>(List.of("concertId,version,updatedAt,title,language,translations,performers,"
                + "composers,works,tags,status,startTime,minPriceMinor,maxPriceMinor,currency"));
        for (int c = 0; c < 3; c++) {
            concerts.add("c-" + c + ",1,2023-12-01T00:00:00Z,Koncert " + c + ",da,[],\"[{\"\"name\"\":\"\"Ensemble " + c
                    + "\"\",\"\"role\"\":\"\"ENSEMBLE\"\"}]\",[],[],\"[\"\"klassisk\"\"]\",PAST,2024-02-0" + (c + 1)
                    + "T19:00:00Z,10000,30000,DKK");
        }
        Files.write(dir.resolve("concerts.csv"), concerts);
        List<String> sales = new ArrayList<>(List.of("eventId,occurredAt,identifier,type,orderId,concertId,salesChannel,"
                + "seats,amountMinor,currency,priceBand,recommendationId,source"));
        for (int s = 0; s < SALES; s++) {
            String at = start.plus(Duration.ofMinutes(s)).toString();
            String row = "sale-" + s + "," + at + ",GUEST_ID:g-" + (s % 97) + ",PURCHASE,o-" + s + ",c-" + (s % 3)
                    + ",WEB,2,20000,DKK,,,test";
            if (s == 17) {
                row = row.replace(",WEB,2,", ",WEB,0,");
            } else if (s == 1_234) {
                row = row.replace("GUEST_ID:g-", "SHOE:g-");
            } else if (s == 2_999) {
                row = row.replace(at, "yesterday");
            }
            sales.add(row);
        }
        Files.write(dir.resolve("ticket-sales.csv"), sales);
        Files.write(dir.resolve("identity-links.csv"), List.of("eventId,occurredAt,from,to,reason,source",
                "link-1,2023-12-24T10:00:00Z,LOYALTY_CARD:700001,GUEST_ID:g-1,CARD_SCAN,test",
                "link-2,2023-12-25T10:00:00Z,COOKIE:ck-2,GUEST_ID:g-2,LOGIN,test"));
    }

    /** Every committed ticket sale's event id, in topic order per partition. */
    private static List<String> eventIds(SharedStack stack, TopicCatalogue topics) {
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = committedConsumer(stack.bootstrapServers())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < topics.ticketSales().partitions(); p++) {
                partitions.add(new TopicPartition(topics.ticketSales().name(), p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TicketSale sale = topics.ticketSales().valueSerde().deserializer().deserialize(record.topic(), record.value());
                    ids.add(sale.getEventId());
                }
            }
        }
        return ids;
    }
}
