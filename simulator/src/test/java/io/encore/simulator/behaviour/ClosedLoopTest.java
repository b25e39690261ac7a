package io.encore.simulator.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.TicketSale;
import io.encore.schemas.avro.TicketSaleType;
import io.encore.simulator.audience.Guest;
import io.encore.simulator.audience.GuestKind;
import io.encore.simulator.output.OutputTopic;

/**
 * The loop's promise: what Encore shows changes what guests do. Two runs with the same seed and the same
 * guests differ only in the lists fed to them — the guests' best-fitting concerts, or their worst — so any
 * difference in clicks and purchases comes from the hidden affinity of what was shown.
 */
class ClosedLoopTest {

    private static final long SEED = 7;
    private static final int GUESTS = 3000;
    private static final int DAYS = 45;

    /** What one run produced from the fed lists. */
    private record Outcome(long rowClicks, long rowPurchases, long notInterested, Set<String> fedIds,
                           Set<String> clickIds, Set<String> purchaseIds, LoopStats.Row personalized) {
    }

    private static Outcome run(boolean bestFit) {
        TestHall hall = new TestHall(SEED, GUESTS);
        String prefix = bestFit ? "rec-best-" : "rec-worst-";
        for (Guest guest : hall.audience.guests()) {
            if (guest.kind() == GuestKind.REGISTERED) {
                String key = "GUEST_ID:" + guest.guestId() + "|WEB";
                hall.world.apply(new Feedback.Recommendations(key, TestHall.webList("GUEST_ID:" + guest.guestId(),
                        prefix + guest.index(), hall.onSaleByAffinity(guest, bestFit, 6), false)));
            }
        }
        hall.runDays(DAYS);
        List<ClickEvent> clicks = hall.sink.values(OutputTopic.CLICK_EVENTS, ClickEvent.class);
        List<TicketSale> sales = hall.sink.values(OutputTopic.TICKET_SALES, TicketSale.class);
        Set<String> clickIds = clicks.stream().filter(c -> c.getType() == ClickType.PAGE_VIEW && c.getRecommendationId() != null)
                .map(ClickEvent::getRecommendationId).collect(Collectors.toSet());
        Set<String> purchaseIds = sales.stream().filter(s -> s.getType() == TicketSaleType.PURCHASE && s.getRecommendationId() != null)
                .map(TicketSale::getRecommendationId).collect(Collectors.toSet());
        long rowClicks = clicks.stream().filter(c -> c.getType() == ClickType.PAGE_VIEW && c.getRecommendationId() != null).count();
        long rowPurchases = sales.stream().filter(s -> s.getType() == TicketSaleType.PURCHASE && s.getRecommendationId() != null).count();
        long notInterested = clicks.stream().filter(c -> c.getType() == ClickType.NOT_INTERESTED).count();
        Set<String> fed = hall.audience.guests().stream().filter(g -> g.kind() == GuestKind.REGISTERED)
                .map(g -> prefix + g.index()).collect(Collectors.toSet());
        return new Outcome(rowClicks, rowPurchases, notInterested, fed, clickIds, purchaseIds,
                hall.world.stats().snapshot().web().get(LoopStats.RowKind.PERSONALIZED));
    }

    @Test
    void shouldClickAndBuyFarMoreFromBestFittingListsThanFromWorstFitting() {
        // given / when: the same guests, the same seed, only the fed lists differ
        Outcome best = run(true);
        Outcome worst = run(false);

        // then: clicks and purchases follow the hidden affinity of what was shown, by a wide margin
        System.out.printf("best: clicks %d, purchases %d, not interested %d, %s%nworst: clicks %d, purchases %d, not interested %d, %s%n",
                best.rowClicks(), best.rowPurchases(), best.notInterested(), best.personalized(),
                worst.rowClicks(), worst.rowPurchases(), worst.notInterested(), worst.personalized());
        assertThat(best.personalized().meanAffinity()).isGreaterThan(worst.personalized().meanAffinity() + 0.5);
        assertThat(best.rowClicks()).isGreaterThan(5 * worst.rowClicks() + 100);
        assertThat(best.rowPurchases()).isGreaterThan(4 * worst.rowPurchases() + 20);
        // and what does not fit is waved away
        assertThat(worst.notInterested()).isGreaterThan(5 * best.notInterested() + 50);
    }

    @Test
    void shouldCarryTheFedRecommendationIdOnClicksAndPurchasesFromTheRow() {
        // given / when
        Outcome best = run(true);

        // then: every id on a row click or purchase is one of the lists fed, and they are many
        assertThat(best.clickIds()).isNotEmpty().allMatch(best.fedIds()::contains);
        assertThat(best.purchaseIds()).isNotEmpty().allMatch(best.fedIds()::contains);
        assertThat(best.clickIds().size()).isGreaterThan(200);
    }
}
