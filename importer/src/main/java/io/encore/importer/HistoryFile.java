package io.encore.importer;

import java.util.List;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.encore.schemas.topic.Topic;
import io.encore.schemas.topic.TopicCatalogue;

/**
 * The six history files of docs/import.md: the file name, the columns a file must have, the column rows are
 * ordered by, and how a row becomes a record of its topic. The order of the constants is the order files are
 * merged in when two rows carry the same time.
 */
enum HistoryFile {

    CONCERTS("concerts.csv", "startTime", List.of("concertId", "version", "updatedAt", "title", "language",
            "translations", "performers", "composers", "works", "tags", "status"),
            mapper(TopicCatalogue::concerts, HistoryRecords::concert)),
    GUEST_CONTACTS("guest-contacts.csv", "updatedAt", List.of("guestId", "updatedAt"),
            mapper(TopicCatalogue::guestContacts, HistoryRecords::guestContact)),
    GUEST_CONSENTS("guest-consents.csv", "occurredAt", List.of("eventId", "occurredAt", "identifier",
            "profilingConsent", "emailConsent", "adsConsent", "webPersonalizationConsent", "printConsent",
            "erasureRequested", "source"),
            mapper(TopicCatalogue::guestConsents, HistoryRecords::guestConsent)),
    IDENTITY_LINKS("identity-links.csv", "occurredAt", List.of("eventId", "occurredAt", "from", "to", "reason",
            "source"),
            mapper(TopicCatalogue::identityLinks, HistoryRecords::identityLink)),
    MARKET_SPEND("market-spend.csv", "occurredAt", List.of("eventId", "occurredAt", "identifier", "category",
            "amountMinor", "currency", "source"),
            mapper(TopicCatalogue::marketSpend, HistoryRecords::marketSpend)),
    TICKET_SALES("ticket-sales.csv", "occurredAt", List.of("eventId", "occurredAt", "identifier", "type", "orderId",
            "concertId", "salesChannel", "seats", "amountMinor", "currency", "source"),
            mapper(TopicCatalogue::ticketSales, HistoryRecords::ticketSale));

    private final String fileName;
    private final String timeColumn;
    private final List<String> requiredColumns;
    private final Mapper mapper;

    HistoryFile(String fileName, String timeColumn, List<String> requiredColumns, Mapper mapper) {
        this.fileName = fileName;
        this.timeColumn = timeColumn;
        this.requiredColumns = requiredColumns;
        this.mapper = mapper;
    }

    String fileName() {
        return fileName;
    }

    /** The column the file's rows are sorted by and merged on. */
    String timeColumn() {
        return timeColumn;
    }

    List<String> requiredColumns() {
        return requiredColumns;
    }

    /** The row as a record of its topic, its value serialized in the catalogue's wire format. */
    ProducerRecord<String, byte[]> toRecord(CsvRow row, TopicCatalogue topics) throws RowRejectedException {
        return mapper.map(row, topics);
    }

    /** The name of the topic the file's rows go to. */
    String topic(TopicCatalogue topics) {
        return mapper.topic(topics);
    }

    /** A row checked and mapped, without producing it (the validation of a dry run). */
    void check(CsvRow row) throws RowRejectedException {
        mapper.check(row);
    }

    /** How one file's rows become records. */
    interface Mapper {
        ProducerRecord<String, byte[]> map(CsvRow row, TopicCatalogue topics) throws RowRejectedException;

        void check(CsvRow row) throws RowRejectedException;

        String topic(TopicCatalogue topics);
    }

    /** A row function returning a record and its key. */
    @FunctionalInterface
    interface RowFunction<V> {
        HistoryRecords.Keyed<V> apply(CsvRow row) throws RowRejectedException;
    }

    private static <V extends SpecificRecord> Mapper mapper(Function<TopicCatalogue, Topic<String, V>> topicOf,
                                                            RowFunction<V> rows) {
        return new Mapper() {
            @Override
            public ProducerRecord<String, byte[]> map(CsvRow row, TopicCatalogue topics) throws RowRejectedException {
                HistoryRecords.Keyed<V> keyed = rows.apply(row);
                Topic<String, V> topic = topicOf.apply(topics);
                // The record's own timestamp stays the wall clock: the event time is in the value (occurredAt),
                // and years-old timestamps would let the broker's retention delete the records before they are read.
                return new ProducerRecord<>(topic.name(), keyed.key(),
                        topic.valueSerde().serializer().serialize(topic.name(), keyed.value()));
            }

            @Override
            public void check(CsvRow row) throws RowRejectedException {
                rows.apply(row);
            }

            @Override
            public String topic(TopicCatalogue topics) {
                return topicOf.apply(topics).name();
            }
        };
    }
}
