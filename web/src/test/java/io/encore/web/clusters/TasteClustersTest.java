package io.encore.web.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.encore.web.guests.GuestEntry;

class TasteClustersTest {

    private static GuestEntry guest(String id, float[] taste, String concept) {
        return new GuestEntry(id, List.of(id), !id.startsWith("COOKIE:"), null, null, List.of(),
                List.of(new GuestEntry.Concept(concept, "TAG", 1)), List.of(), null, "PROSPECT", "prospect", List.of(),
                1, 1, null, taste);
    }

    private static List<GuestEntry> jazzAndClassical() {
        List<GuestEntry> guests = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            guests.add(guest("COOKIE:j" + i, new float[] {1, 0.01f * i, 0}, "jazz"));
            guests.add(guest("COOKIE:k" + i, new float[] {0, 0.01f * i, 1}, "klassisk"));
        }
        guests.add(guest("GUEST_ID:no-cookie", new float[] {1, 0, 0}, "rock"));
        guests.add(guest("COOKIE:no-taste", new float[0], "pop"));
        return guests;
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldClusterCookieVisitorsWithATasteIntoCloudsOfTheirConcepts() {
        // when
        Map<String, Object> view = TasteClusters.compute(jazzAndClassical(), TasteClusters.WEB, 2, 42, 5_000);
        // then
        assertThat(view.get("guests")).isEqualTo(60);
        List<Map<String, Object>> clusters = (List<Map<String, Object>>) view.get("clusters");
        assertThat(clusters).hasSize(2);
        assertThat(clusters).extracting(c -> c.get("size")).containsExactly(30, 30);
        assertThat(clusters).extracting(c -> c.get("label")).containsExactlyInAnyOrder("jazz", "klassisk");
        assertThat(clusters).extracting(c -> c.get("id")).containsExactly(1, 2);
        assertThat((List<double[]>) view.get("map")).hasSize(60)
                .allSatisfy(point -> assertThat(point[2]).isIn(1.0, 2.0));
    }

    @Test
    void shouldIncludeGuestsWithoutACookieWhenAllAreAskedFor() {
        // when
        Map<String, Object> view = TasteClusters.compute(jazzAndClassical(), TasteClusters.ALL, 2, 42, 5_000);
        // then
        assertThat(view.get("guests")).isEqualTo(61);
    }

    @Test
    void shouldSampleALargePopulationTheSameWayEveryTime() {
        // given
        List<GuestEntry> guests = jazzAndClassical();
        // when
        List<GuestEntry> first = TasteClusters.sample(guests, 10);
        List<GuestEntry> reversed = new ArrayList<>(guests);
        Collections.reverse(reversed);
        List<GuestEntry> second = TasteClusters.sample(reversed, 10);
        // then
        assertThat(first).hasSize(10).isEqualTo(second);
        assertThat(first).isSortedAccordingTo((a, b) -> a.guestId().compareTo(b.guestId()));
    }
}
