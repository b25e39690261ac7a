package io.encore.scoring.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.encore.scoring.ranking.ChangeDetector.Change;
import io.encore.scoring.ranking.ChangeDetector.Move;

class ChangeDetectorTest {

    private static final List<String> TEN = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");

    private final ChangeDetector detector = new ChangeDetector();

    @Test
    void shouldPublishNothingWhenTheListIsUnchanged() {
        // given
        List<String> previous = List.of("a", "b", "c");

        // when
        Optional<Change> change = detector.detect(previous, List.of("a", "b", "c"));

        // then
        assertThat(change).isEmpty();
        assertThat(ChangeDetector.diff(previous, previous).isEmpty()).isTrue();
    }

    @Test
    void shouldReportExactAdditionsRemovalsAndMovesWhenTheListChanged() {
        // given
        List<String> previous = List.of("a", "b", "c", "d", "e");
        List<String> current = List.of("b", "a", "f", "c", "e");

        // when
        Optional<Change> change = detector.detect(previous, current);

        // then
        assertThat(change).contains(new Change(List.of("f"), List.of("d"),
                List.of(new Move("b", 2, 1), new Move("a", 1, 2), new Move("c", 3, 4))));
    }

    @Test
    void shouldPublishNothingWhenTheTopTwoOnlySwap() {
        // given
        List<String> current = List.of("b", "a", "c", "d", "e", "f", "g", "h", "i", "j");

        // when
        Optional<Change> change = detector.detect(TEN, current);

        // then
        assertThat(change).isEmpty();
        assertThat(ChangeDetector.diff(TEN, current).moved()).hasSize(2);
    }

    @Test
    void shouldPublishWhenTheFirstConcertDropsThreePlaces() {
        // given
        List<String> current = List.of("b", "c", "d", "a", "e", "f", "g", "h", "i", "j");

        // when
        Optional<Change> change = detector.detect(TEN, current);

        // then
        assertThat(change).map(Change::moved).hasValueSatisfying(moves -> assertThat(moves)
                .contains(new Move("a", 1, 4)));
    }

    @Test
    void shouldPublishNothingWhenABigMoveStaysBelowTheTopThree() {
        // given: e moves from 5 to 9
        List<String> current = List.of("a", "b", "c", "d", "f", "g", "h", "i", "e", "j");

        // when
        Optional<Change> change = detector.detect(TEN, current);

        // then
        assertThat(change).isEmpty();
    }

    @Test
    void shouldPublishNothingWhenOnlyTheTailBeyondTopNChanges() {
        // given: twelve concerts, the twelfth replaced
        List<String> previous = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");
        List<String> current = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "m");

        // when
        Optional<Change> change = detector.detect(previous, current);

        // then
        assertThat(change).isEmpty();
        assertThat(ChangeDetector.diff(previous, current).added()).containsExactly("m");
    }

    @Test
    void shouldPublishWhenAConcertEntersTheTopNFromTheTail() {
        // given: k (11th) and j (10th) swap
        List<String> previous = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k");
        List<String> current = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "k", "j");

        // when
        Optional<Change> change = detector.detect(previous, current);

        // then
        assertThat(change).map(Change::moved).hasValue(List.of(new Move("k", 11, 10), new Move("j", 10, 11)));
    }

    @Test
    void shouldPublishWhenTheFirstListAppearsOrTheListIsEmptied() {
        // when
        Optional<Change> first = detector.detect(List.of(), List.of("a", "b"));
        Optional<Change> emptied = detector.detect(List.of("a", "b"), List.of());

        // then
        assertThat(first).contains(new Change(List.of("a", "b"), List.of(), List.of()));
        assertThat(emptied).contains(new Change(List.of(), List.of("a", "b"), List.of()));
        assertThat(detector.detect(List.of(), List.of())).isEmpty();
    }

    @Test
    void shouldPublishEveryDifferenceWhenTheThresholdIsLowest() {
        // given
        ChangeDetector eager = new ChangeDetector(Integer.MAX_VALUE, Integer.MAX_VALUE, 1);

        // when
        Optional<Change> change = eager.detect(List.of("a", "b"), List.of("b", "a"));

        // then
        assertThat(change).isPresent();
    }

    @Test
    void shouldRejectAListWhenAConcertAppearsTwice() {
        // when / then
        assertThatThrownBy(() -> detector.detect(List.of("a", "a"), List.of("a")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
