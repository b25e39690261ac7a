package io.encore.scoring.topology;

import org.apache.kafka.common.serialization.Serde;

import io.encore.schemas.serde.AvroSerde;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.scoring.avro.AliasTarget;
import io.encore.scoring.avro.AudienceCandidate;
import io.encore.scoring.avro.CatalogueEntry;
import io.encore.scoring.avro.SharedSignal;
import io.encore.scoring.avro.SignalEvent;

/** The serdes of the scoring topology: the public topics' and the private records', in one wire format. */
public record ScoringSerdes(TopicCatalogue catalogue, Serde<CatalogueEntry> catalogueEntry,
                            Serde<SignalEvent> signalEvent, Serde<SharedSignal> sharedSignal,
                            Serde<AudienceCandidate> audienceCandidate, Serde<AliasTarget> aliasTarget) {

    public static ScoringSerdes of(TopicCatalogue catalogue, AvroWireFormat format) {
        return new ScoringSerdes(catalogue, AvroSerde.specific(CatalogueEntry.class, format, false),
                AvroSerde.specific(SignalEvent.class, format, false),
                AvroSerde.specific(SharedSignal.class, format, false),
                AvroSerde.specific(AudienceCandidate.class, format, false),
                AvroSerde.specific(AliasTarget.class, format, false));
    }
}
