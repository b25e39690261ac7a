package io.encore.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PathTemplateTest {

    @Test
    void shouldCaptureEachParameterWhenPathMatches() {
        // given
        PathTemplate template = PathTemplate.parse("/guests/{guest}/concerts/{concert}");

        // when / then
        assertThat(template.match("/guests/g%201/concerts/c-2")).contains(Map.of("guest", "g 1", "concert", "c-2"));
    }

    @Test
    void shouldNotMatchWhenSegmentCountOrLiteralDiffersOrParameterIsEmpty() {
        // given
        PathTemplate template = PathTemplate.parse("/guests/{id}/profile");

        // when / then
        assertThat(template.match("/guests/g1")).isEmpty();
        assertThat(template.match("/guests/g1/profile/")).isEmpty();
        assertThat(template.match("/guests/g1/scores")).isEmpty();
        assertThat(template.match("/guests//profile")).isEmpty();
    }

    @Test
    void shouldAnswer400WhenPathHasMalformedPercentEncoding() {
        // given
        PathTemplate template = PathTemplate.parse("/guests/{id}");

        // when / then
        assertThatThrownBy(() -> template.match("/guests/%zz"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void shouldRejectTemplateWhenParameterIsRepeatedOrPartial() {
        // when / then
        assertThatThrownBy(() -> PathTemplate.parse("/a/{id}/{id}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PathTemplate.parse("/a/x{id}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PathTemplate.parse("a/{id}")).isInstanceOf(IllegalArgumentException.class);
    }
}
