package io.encore.connectors.ads;

import static io.encore.connectors.ads.Audiences.diff;
import static io.encore.connectors.ads.Audiences.member;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class AudienceUpdateTest {

    @Test
    void shouldSplitIntoThreeBatchesWhen25000HashesAndLimit10000() {
        // given
        List<String> hashes = IntStream.range(0, 25_000).mapToObj(i -> Hashing.sha256Hex("h" + i)).toList();
        AudienceUpdate update = new AudienceUpdate("c1", hashes, List.of());

        // when
        List<AudienceUpdate> batches = update.batches(10_000);

        // then
        assertThat(batches).extracting(AudienceUpdate::size).containsExactly(10_000, 10_000, 5_000);
        assertThat(batches.stream().flatMap(batch -> batch.add().stream()).toList()).isEqualTo(hashes);
    }

    @Test
    void shouldFillBatchesWithRemovalsAfterAdditionsWhenBothPresent() {
        AudienceUpdate update = new AudienceUpdate("c1", List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7"),
                List.of("r1", "r2", "r3", "r4", "r5"));

        List<AudienceUpdate> batches = update.batches(5);

        assertThat(batches).containsExactly(
                new AudienceUpdate("c1", List.of("a1", "a2", "a3", "a4", "a5"), List.of()),
                new AudienceUpdate("c1", List.of("a6", "a7"), List.of("r1", "r2", "r3")),
                new AudienceUpdate("c1", List.of(), List.of("r4", "r5")));
    }

    @Test
    void shouldSeparateLookalikesIntoTheirOwnAudienceWhenDiffHasBoth() {
        // given
        var core = member("core", false);
        var twin = member("twin", true);
        var gone = member("gone", true);

        // when
        AudienceUpdate.Plan plan = AudienceUpdate.plan(diff("c7", List.of(core, twin), List.of(gone)));

        // then
        assertThat(plan.updates()).containsExactly(
                new AudienceUpdate("c7", List.of(Hashing.email("core@example.com")), List.of()),
                new AudienceUpdate("c7-lookalike", List.of(Hashing.email("twin@example.com")),
                        List.of(Hashing.email("gone@example.com"))));
        assertThat(plan.droppedMatchKeys()).isZero();
    }

    @Test
    void shouldPlanNothingWhenDiffIsEmpty() {
        assertThat(AudienceUpdate.plan(diff("c7", List.of(), List.of())).updates()).isEmpty();
    }
}
