package io.encore.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RequestTest {

    @Test
    void shouldFindHeaderWhenNameCaseDiffers() {
        // given
        Request request = new Request("GET", "/a", "", Map.of(), Map.of("X-Encore-Forwarded", List.of("1")));

        // when / then
        assertThat(request.header("x-encore-forwarded")).contains("1");
        assertThat(request.header("X-ENCORE-FORWARDED")).contains("1");
    }

    @Test
    void shouldDecodeQueryParamWhenEncoded() {
        // given
        Request request = new Request("GET", "/a", "flag&name=J%C3%B6rg+M&name=second", Map.of(), Map.of());

        // when / then
        assertThat(request.queryParam("name")).contains("Jörg M");
        assertThat(request.queryParam("flag")).contains("");
        assertThat(request.queryParam("absent")).isEmpty();
    }

    @Test
    void shouldAnswer400WhenQueryHasMalformedPercentEncoding() {
        // given
        Request request = new Request("GET", "/a", "name=%zz", Map.of(), Map.of());

        // when / then
        assertThatThrownBy(() -> request.queryParam("name"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void shouldKeepQueryWhenRebuildingPathWithQuery() {
        // given
        Request withQuery = new Request("GET", "/guests/a%2Fb", "limit=5", Map.of(), Map.of());
        Request withoutQuery = new Request("GET", "/guests/a%2Fb", null, Map.of(), Map.of());

        // when / then
        assertThat(withQuery.pathWithQuery()).isEqualTo("/guests/a%2Fb?limit=5");
        assertThat(withoutQuery.pathWithQuery()).isEqualTo("/guests/a%2Fb");
    }

    @Test
    void shouldFailWhenPathParamIsNotInTemplate() {
        // given
        Request request = new Request("GET", "/a", "", Map.of("id", "1"), Map.of());

        // when / then
        assertThatThrownBy(() -> request.pathParam("guest"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{guest}");
    }
}
