package io.encore.profile.topology;

import org.apache.kafka.common.serialization.Serde;

import io.encore.profile.avro.ConcertTerms;
import io.encore.profile.avro.GuestCommand;
import io.encore.profile.avro.GuestState;
import io.encore.profile.avro.ValueHistogramState;
import io.encore.schemas.serde.AvroSerde;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.schemas.topic.TopicCatalogue;

/**
 * The serdes of the profile topology: the public topics' from the catalogue, and the private records'
 * (commands, state) in the same registry wire format, so a state or command schema evolves under the
 * registry's compatibility rules like any other.
 */
public record ProfileSerdes(TopicCatalogue catalogue, Serde<GuestCommand> guestCommand, Serde<GuestState> guestState,
                            Serde<ConcertTerms> concertTerms, Serde<ValueHistogramState> valueHistogram) {

    public static ProfileSerdes of(TopicCatalogue catalogue, AvroWireFormat format) {
        return new ProfileSerdes(catalogue,
                AvroSerde.specific(GuestCommand.class, format, false),
                AvroSerde.specific(GuestState.class, format, false),
                AvroSerde.specific(ConcertTerms.class, format, false),
                AvroSerde.specific(ValueHistogramState.class, format, false));
    }
}
