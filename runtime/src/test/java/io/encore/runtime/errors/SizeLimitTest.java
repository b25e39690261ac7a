package io.encore.runtime.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

class SizeLimitTest {

    private final Deserializer<String> limited = SizeLimit.refuseOver(8, new StringDeserializer());

    @Test
    void shouldDecodeAValueUpToTheLimitAndATombstone() {
        assertThat(limited.deserialize("t", "12345678".getBytes(StandardCharsets.UTF_8))).isEqualTo("12345678");
        assertThat(limited.deserialize("t", new RecordHeaders(), (byte[]) null)).isNull();
    }

    @Test
    void shouldRefuseALargerValueNamingItsSizeTheLimitAndTheSetting() {
        assertThatThrownBy(() -> limited.deserialize("click-events", new RecordHeaders(),
                "123456789".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessage("record value of 9 bytes on click-events is over the limit of 8 bytes "
                        + "(encore.input.max.record.bytes)");
        assertThatThrownBy(() -> limited.deserialize("t", new RecordHeaders(), ByteBuffer.wrap(new byte[100])))
                .isInstanceOf(SerializationException.class);
    }
}
