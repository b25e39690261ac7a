package io.encore.simulator.output;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.Campaign;

class SimRecordTest {

    @Test
    void shouldRefuseAValueOfTheWrongTypeForItsTopic() {
        Campaign campaign = Campaign.newBuilder().setCampaignId("c").setSubject("s").setRequestedAt(Instant.EPOCH).build();

        assertThatThrownBy(() -> new SimRecord(OutputTopic.CONCERTS, "c", campaign))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("concerts takes Concert");
    }
}
