package io.encore.simulator.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.ConcertStatus;

class InventoryTest {

    private static final Programme PROGRAMME = Programme.generate(Taxonomy.standard(), 42, LocalDate.of(2026, 9, 1), 420, 0);

    @Test
    void shouldMoveFromDraftToOnSaleToPastAroundTheSalePeriod() {
        // given
        Inventory inventory = new Inventory(PROGRAMME, 20_000);
        ConcertPlan concert = PROGRAMME.concert(200);

        // then
        assertThat(inventory.status(concert, concert.saleOpens().toEpochMilli() - 1)).isEqualTo(ConcertStatus.DRAFT);
        assertThat(inventory.status(concert, concert.startTime().toEpochMilli())).isEqualTo(ConcertStatus.PAST);
        assertThat(inventory.available(concert, concert.saleOpens().toEpochMilli())).isEqualTo(concert.capacity());
    }

    @Test
    void shouldSellOutPopularConcertsBeforeTheyStartButNotMost() {
        // given
        Inventory inventory = new Inventory(PROGRAMME, 20_000);

        // when: the background market has bought what it wants by the last minute
        List<ConcertPlan> soldOut = PROGRAMME.concerts().stream()
                .filter(c -> inventory.status(c, c.startTime().toEpochMilli() - 60_000) == ConcertStatus.SOLD_OUT).toList();

        // then
        assertThat(soldOut.size()).isBetween(PROGRAMME.concerts().size() / 20, PROGRAMME.concerts().size() / 2);
        assertThat(soldOut).allMatch(c -> c.demand() * 0.8 >= 0.99);
    }

    @Test
    void shouldTakeTheAudiencesSeatsAndRefundsIntoAccount() {
        // given
        Inventory inventory = new Inventory(PROGRAMME, 100_000);
        ConcertPlan concert = PROGRAMME.concert(10);
        long at = concert.saleOpens().toEpochMilli() + 1;

        // when
        inventory.sell(concert, concert.capacity() - 2);

        // then
        assertThat(inventory.buyable(concert, at, 2)).isTrue();
        assertThat(inventory.buyable(concert, at, 3)).isFalse();
        inventory.sell(concert, 2);
        assertThat(inventory.status(concert, at)).isEqualTo(ConcertStatus.SOLD_OUT);
        inventory.refund(concert, 4);
        assertThat(inventory.available(concert, at)).isEqualTo(4);
    }

    @Test
    void shouldPublishAConcertOnlyWhenItsStatusOrSeatsByTenthsChangeWithAGrowingVersion() {
        // given
        Inventory inventory = new Inventory(PROGRAMME, 100_000);
        ConcertPlan concert = PROGRAMME.concert(10);
        long at = concert.saleOpens().toEpochMilli() + 1;

        // when
        Concert first = inventory.changed(concert, at, concert.saleOpens()).orElseThrow();
        boolean unchanged = inventory.changed(concert, at, concert.saleOpens()).isEmpty();
        inventory.sell(concert, concert.capacity() / 5);
        Concert second = inventory.changed(concert, at, concert.saleOpens()).orElseThrow();

        // then
        assertThat(unchanged).isTrue();
        assertThat(first.getVersion()).isEqualTo(1);
        assertThat(second.getVersion()).isEqualTo(2);
        assertThat(second.getSeatsAvailable()).isLessThan(first.getSeatsAvailable());
    }
}
