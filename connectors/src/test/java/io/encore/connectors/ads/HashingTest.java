package io.encore.connectors.ads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HashingTest {

    /** SHA-256 of the UTF-8 bytes of "test@example.com" (sha256sum). */
    private static final String TEST_EXAMPLE_COM = "973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b";
    /** SHA-256 of "+16505551234". */
    private static final String PHONE_16505551234 = "a2996076d3ad4af5dc818b908b3d8e354f26ededf7df0e0aa6ac354143805ee0";

    @Test
    void shouldHashKnownVectorWhenEmailIsAlreadyNormalized() {
        assertThat(Hashing.email("test@example.com")).isEqualTo(TEST_EXAMPLE_COM);
    }

    @Test
    void shouldTrimAndLowerCaseWhenEmailHasSpacesAndCapitals() {
        assertThat(Hashing.email("  Test@Example.COM \t")).isEqualTo(TEST_EXAMPLE_COM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "test.example.com", "a@b@c", "test @example.com"})
    void shouldRejectWhenValueIsNotAnEmailAddress(String raw) {
        assertThatThrownBy(() -> Hashing.email(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNormalizeToE164WhenPhoneHasSpacesDashesAndParentheses() {
        assertThat(Hashing.e164(" +1 (650) 555-1234 ")).isEqualTo("+16505551234");
        assertThat(Hashing.phone("+1 (650) 555-1234")).isEqualTo(PHONE_16505551234);
    }

    @ParameterizedTest
    @ValueSource(strings = {"650-555-1234", "0045 12 34 56 78", "+0 45 12 34 56", "+45 1234 5678 ext 9",
            "+45.12.34.56.78", "+1234567890123456", "+", ""})
    void shouldRejectWhenPhoneIsNotE164(String raw) {
        assertThatThrownBy(() -> Hashing.phone(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldAcceptOnlyLowerCaseHexOf64CharactersAsHash() {
        assertThat(Hashing.isSha256Hex(TEST_EXAMPLE_COM)).isTrue();
        assertThat(Hashing.isSha256Hex(TEST_EXAMPLE_COM.toUpperCase())).isFalse();
        assertThat(Hashing.isSha256Hex(TEST_EXAMPLE_COM.substring(1))).isFalse();
        assertThat(Hashing.isSha256Hex("test@example.com")).isFalse();
        assertThat(Hashing.isSha256Hex(null)).isFalse();
    }
}
