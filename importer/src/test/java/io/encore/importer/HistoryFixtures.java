package io.encore.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.encore.schemas.registry.InMemorySchemaRegistry;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.schemas.topic.TopicCatalogue;

/** History files as docs/import.md writes them, a line per row, for the importer's tests. */
final class HistoryFixtures {

    static final String CONCERTS_HEADER = "concertId,version,updatedAt,title,description,language,translations,performers,"
            + "composers,works,tags,hall,season,startTime,endTime,status,minPriceMinor,maxPriceMinor,currency,capacity,"
            + "seatsAvailable,url,imageUrl";
    static final String SALES_HEADER = "eventId,occurredAt,identifier,type,orderId,concertId,salesChannel,seats,"
            + "amountMinor,currency,priceBand,recommendationId,source";
    static final String LINKS_HEADER = "eventId,occurredAt,from,to,reason,source";
    static final String CONSENTS_HEADER = "eventId,occurredAt,identifier,profilingConsent,emailConsent,adsConsent,"
            + "webPersonalizationConsent,printConsent,erasureRequested,policyVersion,source";
    static final String CONTACTS_HEADER = "guestId,updatedAt,email,phone,firstName,lastName,preferredLanguage,"
            + "addressLines,postalCode,city,region,country";

    private HistoryFixtures() {
    }

    static String concert(String id, long version, String startTime) {
        return id + "," + version + ",2026-08-31T22:00:00Z,Nielsen: Sange,\"Kor, klart og smukt\",da,"
                + "\"[{\"\"language\"\":\"\"en\"\",\"\"title\"\":\"\"Nielsen: Songs\"\",\"\"description\"\":null}]\","
                + "\"[{\"\"name\"\":\"\"Vokalensemblet Lys\"\",\"\"role\"\":\"\"ENSEMBLE\"\"}]\",\"[\"\"Carl Nielsen\"\"]\","
                + "\"[{\"\"title\"\":\"\"Danske sange\"\",\"\"composer\"\":\"\"Carl Nielsen\"\"}]\",\"[\"\"klassisk\"\",\"\"kor\"\"]\","
                + "Studie 1,2026/27," + startTime + ",,ON_SALE,9500,25500,DKK,540,287,,";
    }

    static String sale(String eventId, String at, String identifier, String concertId) {
        return eventId + "," + at + "," + identifier + ",PURCHASE,o-" + eventId + "," + concertId + ",WEB,2,19000,DKK,B,,test";
    }

    static String link(String eventId, String at, String from, String to) {
        return eventId + "," + at + "," + from + "," + to + ",LOGIN,test";
    }

    static String consent(String eventId, String at, String identifier) {
        return eventId + "," + at + "," + identifier + ",true,true,true,true,false,false,2025-03,test";
    }

    static Path write(Path dir, String file, String header, List<String> rows) throws IOException {
        StringBuilder text = new StringBuilder(header).append("\r\n");
        rows.forEach(row -> text.append(row).append("\r\n"));
        return Files.writeString(dir.resolve(file), text.toString(), StandardCharsets.UTF_8);
    }

    static TopicCatalogue topics(String scope) {
        return new TopicCatalogue("", TopicCatalogue.DEFAULT_PARTITIONS,
                new AvroWireFormat(InMemorySchemaRegistry.forScope(scope), true));
    }

    static Map<String, Object> noKafka() {
        return Map.of("bootstrap.servers", "localhost:1");
    }
}
