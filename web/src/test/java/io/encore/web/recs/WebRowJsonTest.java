package io.encore.web.recs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.encore.web.FakeSources;
import io.encore.web.Fixtures;

class WebRowJsonTest {

    @Test
    void shouldReadTheWebSinksJsonWithItemsInRankOrder() throws Exception {
        // when
        WebRow row = WebRowJson.parse(FakeSources.MAPPER.readTree(Fixtures.webSetJson("rec-1", "GUEST_ID:g", "c-9", "c-3")),
                WebRow.REDIS).orElseThrow();
        // then
        assertThat(row.recommendationId()).isEqualTo("rec-1");
        assertThat(row.language()).isEqualTo("da");
        assertThat(row.items()).extracting(WebRow.Item::concertId).containsExactly("c-9", "c-3");
        assertThat(row.items().get(0).reasons().get(0)).isEqualTo(new WebRow.Reason("SIMILAR_CONTENT", "Fordi du kan lide jazz", "jazz"));
    }

    @Test
    void shouldSortItemsByRankAndSkipOnesWithoutAConcert() throws Exception {
        // when
        WebRow row = WebRowJson.parse(FakeSources.MAPPER.readTree("{\"recommendationId\":\"r\",\"items\":["
                + "{\"concertId\":\"b\",\"rank\":2},{\"rank\":3},{\"concertId\":\"a\",\"rank\":1}]}"), WebRow.SCORING_API).orElseThrow();
        // then
        assertThat(row.items()).extracting(WebRow.Item::concertId).containsExactly("a", "b");
        assertThat(row.language()).isNull();
    }

    @Test
    void shouldReadNothingWithoutARecommendationId() throws Exception {
        assertThat(WebRowJson.parse(FakeSources.MAPPER.readTree("{\"items\":[]}"), WebRow.REDIS)).isEmpty();
    }
}
