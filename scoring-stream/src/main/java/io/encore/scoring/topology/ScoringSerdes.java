package io.encore.scoring.topology;

import org.apache.kafka.common.serialization.Serde;

import io.encore.schemas.serde.AvroSerde;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.scoring.avro.BanditState;
import io.encore.scoring.avro.CatalogueEntry;

/** The serdes of the scoring topology: the public topics' and the private records', in one wire format. */
public record ScoringSerdes(TopicCatalogue catalogue, Serde<CatalogueEntry> catalogueEntry,
                            Serde<BanditState> banditState) {

    public static ScoringSerdes of(TopicCatalogue catalogue, AvroWireFormat format) {
        return new ScoringSerdes(catalogue, AvroSerde.specific(CatalogueEntry.class, format, false),
                AvroSerde.specific(BanditState.class, format, false));
    }
}
