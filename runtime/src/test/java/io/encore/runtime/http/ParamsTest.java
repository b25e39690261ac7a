package io.encore.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class ParamsTest {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");

    @Test
    void shouldReturnValueWhenPathParamMatches() {
        // given
        Request request = new Request("GET", "/guests/g-1", "", Map.of("id", "g-1"), Map.of());

        // when
        String id = Params.requireMatches(request, "id", ID, 64);

        // then
        assertThat(id).isEqualTo("g-1");
    }

    @Test
    void shouldReadQueryParamWhenRouteHasNoSuchPathParam() {
        // given
        Request request = new Request("GET", "/top", "concert=c_9", Map.of(), Map.of());

        // when
        String concert = Params.requireMatches(request, "concert", ID, 64);

        // then
        assertThat(concert).isEqualTo("c_9");
    }

    @Test
    void shouldAnswer400NamingLengthWhenValueIsTooLong() {
        // given
        Request request = new Request("GET", "/guests/x", "", Map.of("id", "abcdefghij"), Map.of());

        // when / then
        assertThatThrownBy(() -> Params.requireMatches(request, "id", ID, 8))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessage("Parameter 'id' is 10 characters long; at most 8 are allowed");
    }

    @Test
    void shouldAnswer400NamingCharsetWhenValueHasOtherCharacters() {
        // given
        Request request = new Request("GET", "/guests/x", "", Map.of("id", "g 1"), Map.of());

        // when / then
        assertThatThrownBy(() -> Params.requireMatches(request, "id", ID, 64))
                .hasMessage("Parameter 'id' may only contain characters matching [A-Za-z0-9_-]+");
    }

    @Test
    void shouldAnswer400WhenQueryParamIsMissing() {
        // given
        Request request = new Request("GET", "/top", "", Map.of(), Map.of());

        // when / then
        assertThatThrownBy(() -> Params.requireMatches(request, "concert", ID, 64))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessage("Missing parameter 'concert'");
    }
}
