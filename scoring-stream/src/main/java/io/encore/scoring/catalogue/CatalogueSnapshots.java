package io.encore.scoring.catalogue;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.encore.scoring.avro.CatalogueEntry;

/**
 * Builds the {@link Catalogue} a task scores against from its stored entries: profiled concerts only, with
 * the right dimension; on sale when the status is ON_SALE and seats are not known to be gone; new to the
 * venue when one of its performers appears in no other concert of the catalogue (past ones included).
 */
public final class CatalogueSnapshots {

    private CatalogueSnapshots() {
    }

    public static Catalogue build(Collection<CatalogueEntry> entries, int dimension) {
        Map<String, Integer> appearances = new HashMap<>();
        for (CatalogueEntry entry : entries) {
            entry.getPerformers().stream().distinct().forEach(p -> appearances.merge(p, 1, Integer::sum));
        }
        Catalogue.Builder builder = Catalogue.builder(dimension);
        for (CatalogueEntry entry : entries) {
            if (!entry.getProfiled() || entry.getDeleted() || entry.getVector().size() != dimension) {
                continue;
            }
            builder.add(new Catalogue.Entry(entry.getConcertId(), floats(entry.getVector()),
                    entry.getStartTime() == null ? Catalogue.UNDATED : entry.getStartTime(), entry.getHall(),
                    entry.getCheapestSeatMinor() == null ? null : PriceBands.of(entry.getCheapestSeatMinor()),
                    entry.getConceptKeys().toArray(String[]::new), floats(entry.getConceptWeights()),
                    entry.getPerformers().toArray(String[]::new), onSale(entry),
                    entry.getPerformers().stream().anyMatch(p -> appearances.getOrDefault(p, 0) == 1)));
        }
        return builder.build();
    }

    static boolean onSale(CatalogueEntry entry) {
        boolean seatsLeft = entry.getSeatsAvailable() == null || entry.getSeatsAvailable() > 0;
        return "ON_SALE".equals(entry.getStatus()) && seatsLeft;
    }

    private static float[] floats(List<Float> values) {
        float[] array = new float[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }
}
