package io.encore.profile.topology;

import static io.encore.profile.topology.Fixtures.T0;
import static io.encore.profile.topology.Fixtures.click;
import static io.encore.profile.topology.Fixtures.concert;
import static io.encore.profile.topology.Fixtures.cookie;
import static io.encore.profile.topology.Fixtures.guest;
import static io.encore.profile.topology.Fixtures.key;
import static io.encore.profile.topology.Fixtures.sale;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.encore.profile.config.ProfileSettings;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.GuestProfile;
import io.encore.schemas.avro.LifecycleSegment;
import io.encore.schemas.avro.SegmentChange;
import io.encore.schemas.avro.TicketSale;
import io.encore.schemas.avro.TicketSaleType;
import io.encore.schemas.avro.ValueGroup;

/**
 * RFM(T) lifecycle through the topology. Histories lie in the past, so each test starts the driver's wall
 * clock at the first event and moves it forward as the history unfolds, as the live stream would: events
 * are never ahead of the wall clock (1 h skew) nor behind stream time by more than the 30-day de-duplication
 * horizon. The wall-clock sweep (a 1-minute punctuation that acts once a day) re-evaluates every guest as of
 * the wall clock, which is how a segment changes with no event.
 */
class LifecycleTopologyTest {

    private ProfileDriver profile;
    private int nextEvent;
    /** guest|concert → the last purchase's order id, which a refund names. */
    private final Map<String, String> lastOrder = new HashMap<>();

    @AfterEach
    void close() {
        if (profile != null) {
            profile.close();
        }
    }

    @Test
    void shouldBeAProspectWithoutASegmentChangeWhenTheVisitorNeverBought() {
        // given
        start(T0);
        // when
        view(cookie("a"), T0);
        // then
        GuestProfile visitor = profile.profiles().get("COOKIE:a");
        assertThat(visitor.getSegment()).isEqualTo(LifecycleSegment.PROSPECT);
        assertThat(visitor.getRfm().getRecencyDays()).isNull();
        assertThat(visitor.getRfm().getMonetaryMinor()).isZero();
        assertThat(profile.segmentChanges()).isEmpty();
    }

    @Test
    void shouldPublishValueGroupUnknownWhenTheVisitorNeverBought() {
        // given
        start(T0);
        // when
        view(cookie("a"), T0);
        // then
        assertThat(profile.profiles().get("COOKIE:a").getRfm().getValueGroup()).isEqualTo(ValueGroup.UNKNOWN);
    }

    @Test
    void shouldPublishNoTenureWhenTheVisitorNeverBought() {
        // given
        start(T0);
        view(cookie("a"), T0.minus(Duration.ofDays(10)));
        // when
        view(cookie("a"), T0);
        // then
        assertThat(profile.profiles().get("COOKIE:a").getRfm().getTenureDays()).isNull();
    }

    @Test
    void shouldMoveFromProspectToNewWithASegmentChangeWhenTheFirstPurchaseArrives() {
        // given: a visitor (profile version 1)
        start(T0);
        view(cookie("a"), T0);
        // when
        buy(cookie("a"), 50_000, T0.plusSeconds(60));
        // then
        GuestProfile buyer = profile.profiles().get("COOKIE:a");
        assertThat(buyer.getSegment()).isEqualTo(LifecycleSegment.NEW);
        assertThat(buyer.getRfm().getValueGroup()).isEqualTo(ValueGroup.A); // the only buyer of the task
        SegmentChange change = onlySegmentChange();
        assertThat(change.getGuestId()).isEqualTo("COOKIE:a");
        assertThat(change.getFromSegment()).isEqualTo(LifecycleSegment.PROSPECT);
        assertThat(change.getToSegment()).isEqualTo(LifecycleSegment.NEW);
        assertThat(change.getFromValueGroup()).isNull(); // a prospect has no value group (UNKNOWN)
        assertThat(change.getToValueGroup()).isEqualTo(ValueGroup.A);
        assertThat(change.getProfileVersion()).isEqualTo(2).isEqualTo(buyer.getVersion());
        assertThat(change.getEventId()).isEqualTo("COOKIE:a:2");
        assertThat(change.getChangedAt()).isEqualTo(buyer.getUpdatedAt());
    }

    @Test
    void shouldClassifyAFirstTimeBuyerWithoutAPreviousSegmentWhenThePurchaseIsTheFirstEvent() {
        // given
        start(T0);
        // when
        buy(guest("g"), 50_000, T0);
        // then
        SegmentChange change = onlySegmentChange();
        assertThat(change.getFromSegment()).isNull();
        assertThat(change.getFromValueGroup()).isNull();
        assertThat(change.getToSegment()).isEqualTo(LifecycleSegment.NEW);
        assertThat(change.getProfileVersion()).isEqualTo(1);
    }

    @Test
    void shouldStayNewWhenLessThanTheCurrentWindowHasPassed() {
        // given
        Instant purchase = Instant.parse("2025-03-10T10:00:00Z");
        start(purchase);
        buy(guest("g"), 50_000, purchase);
        profile.segmentChanges();
        profile.profiles();
        // when: 300 days later the daily sweep has run
        profile.advanceWallClock(Duration.ofDays(300));
        // then
        assertThat(profile.segmentChanges()).isEmpty();
        assertThat(profile.profiles()).isEmpty();
        assertThat(profile.guests().get("GUEST_ID:g").getSegment()).isEqualTo("NEW");
    }

    @Test
    void shouldBecomeDormantWithASegmentChangeWhenTheCurrentWindowPassesWithoutAPurchase() {
        // given: bought once, profile version 1
        Instant purchase = Instant.parse("2025-03-10T10:00:00Z");
        start(purchase);
        buy(guest("g"), 50_000, purchase);
        profile.segmentChanges();
        // when: a year and a day later the sweep re-evaluates the guest as of the wall clock
        profile.advanceWallClock(Duration.ofDays(366));
        // then
        Instant sweptAt = purchase.plus(Duration.ofDays(366));
        GuestProfile dormant = profile.profiles().get("GUEST_ID:g");
        assertThat(dormant.getSegment()).isEqualTo(LifecycleSegment.DORMANT);
        assertThat(dormant.getRfm().getMonetaryMinor()).isZero();
        assertThat(dormant.getRfm().getRecencyDays()).isEqualTo(366);
        assertThat(dormant.getRfm().getAsOf()).isEqualTo(sweptAt);
        SegmentChange change = onlySegmentChange();
        assertThat(change.getGuestId()).isEqualTo("GUEST_ID:g");
        assertThat(change.getFromSegment()).isEqualTo(LifecycleSegment.NEW);
        assertThat(change.getToSegment()).isEqualTo(LifecycleSegment.DORMANT);
        assertThat(change.getFromValueGroup()).isEqualTo(ValueGroup.A);
        assertThat(change.getToValueGroup()).isEqualTo(ValueGroup.E);
        assertThat(change.getProfileVersion()).isEqualTo(2).isEqualTo(dormant.getVersion());
        assertThat(change.getChangedAt()).isEqualTo(sweptAt);
    }

    @Test
    void shouldStayNewWithValueGroupEWhenTheOnlyPurchaseIsRefundedInTheSameMonth() {
        // given
        Instant june15 = Instant.parse("2026-06-15T10:00:00Z");
        start(june15);
        buy(guest("g"), 50_000, june15.minus(Duration.ofDays(1)));
        profile.segmentChanges();
        // when
        sell(guest("g"), TicketSaleType.REFUND, 50_000, 2, june15);
        // then: "ever purchased" stays true, so the guest is NEW with nothing spent, not a prospect again
        GuestProfile refunded = profile.profiles().get("GUEST_ID:g");
        assertThat(refunded.getSegment()).isEqualTo(LifecycleSegment.NEW);
        assertThat(refunded.getRfm().getMonetaryMinor()).isZero();
        assertThat(refunded.getRfm().getFrequencyPerMonth()).isZero();
        assertThat(refunded.getRfm().getRecencyDays()).isEqualTo(1);
        assertThat(refunded.getRfm().getValueGroup()).isEqualTo(ValueGroup.E);
        assertThat(refunded.getPurchasedConcertIds()).isEmpty();
        SegmentChange change = onlySegmentChange();
        assertThat(change.getFromSegment()).isEqualTo(LifecycleSegment.NEW);
        assertThat(change.getToSegment()).isEqualTo(LifecycleSegment.NEW);
        assertThat(change.getFromValueGroup()).isEqualTo(ValueGroup.A);
        assertThat(change.getToValueGroup()).isEqualTo(ValueGroup.E);
    }

    @Test
    void shouldCancelTheMonetaryValueWhenTheRefundFallsInTheMonthAfterThePurchase() {
        // given: bought on the last evening of May
        start(T0);
        buy(guest("g"), 50_000, Instant.parse("2026-05-31T20:00:00Z"));
        // when: refunded the next morning, in June
        sell(guest("g"), TicketSaleType.REFUND, 50_000, 2, Instant.parse("2026-06-01T09:00:00Z"));
        // then: both months are in the current window, so the refund cancels May's spend
        GuestProfile refunded = profile.profiles().get("GUEST_ID:g");
        assertThat(refunded.getRfm().getMonetaryMinor()).isZero();
        assertThat(refunded.getPurchasedConcertIds()).isEmpty();
        assertThat(refunded.getRfm().getValueGroup()).isEqualTo(ValueGroup.E);
    }

    @Test
    void shouldKeepTheConcertPurchasedWhenOnlySomeSeatsAreRefunded() {
        // given: two seats bought
        start(T0);
        buy(guest("g"), 50_000, T0.minusSeconds(600));
        // when: one of them is refunded
        sell(guest("g"), TicketSaleType.REFUND, 25_000, 1, T0);
        // then
        GuestProfile partly = profile.profiles().get("GUEST_ID:g");
        assertThat(partly.getRfm().getMonetaryMinor()).isEqualTo(25_000);
        assertThat(partly.getPurchasedConcertIds()).containsExactly("hall");
    }

    /**
     * Five guests who bought in the comparison window (autumn 2024) and again in the current one (May 2026),
     * chosen so every guest lands in a different current value group. Annualized comparison spend is a third
     * of the comparison-window spend (12 of 36 months).
     *
     * <pre>
     *  guest      comparison (annualized)   current   current group   comparison group   segment
     *  top          30 000  (10 000)        100 000        A               D              TOP
     *  growing       3 000   (1 000)         50 000        B               E              GROWING
     *  loyal        60 000  (20 000)         20 000        C               C              LOYAL
     *  slipping    150 000  (50 000)         10 000        D               B              NEEDS_ATTENTION
     *  dropping    300 000 (100 000)          2 000        E               A              NEEDS_ATTENTION
     * </pre>
     *
     * The groups come out the same whether the comparison spend is ranked among comparison values or among
     * current values.
     */
    @Nested
    class WhenAPopulationHasBoughtForYears {

        private final Map<String, List<SegmentChange>> changes = new HashMap<>();
        private Map<String, GuestProfile> profiles;

        @BeforeEach
        void history() {
            Instant autumn = Instant.parse("2024-09-02T10:00:00Z");
            Instant may = Instant.parse("2026-05-11T10:00:00Z");
            start(autumn);
            String[] guests = {"top", "growing", "loyal", "slipping", "dropping"};
            long[] before = {30_000, 3_000, 60_000, 150_000, 300_000};
            long[] now = {100_000, 50_000, 20_000, 10_000, 2_000};
            for (int i = 0; i < guests.length; i++) {
                buy(guest(guests[i]), before[i], autumn.plusSeconds(60L * i));
            }
            profile.advanceWallClockTo(may);
            for (int i = 0; i < guests.length; i++) {
                buy(guest(guests[i]), now[i], may.plusSeconds(60L * i));
            }
            profile.advanceWallClock(Duration.ofDays(2)); // the daily sweep ranks everyone against the final population
            profile.segmentChanges().forEach(change ->
                    changes.computeIfAbsent(change.getGuestId(), id -> new ArrayList<>()).add(change));
            profiles = profile.profiles();
        }

        @Test
        void shouldBeTopWhenTheGuestIsInValueGroupA() {
            assertSegment("top", LifecycleSegment.TOP, ValueGroup.A);
        }

        @Test
        void shouldBeGrowingWhenCurrentSpendRanksAboveComparisonSpend() {
            assertSegment("growing", LifecycleSegment.GROWING, ValueGroup.B);
        }

        @Test
        void shouldBeLoyalWhenCurrentAndComparisonSpendRankAlike() {
            assertSegment("loyal", LifecycleSegment.LOYAL, ValueGroup.C);
        }

        @Test
        void shouldNeedAttentionWhenCurrentSpendRanksOneGroupBelowComparisonSpend() {
            assertSegment("slipping", LifecycleSegment.NEEDS_ATTENTION, ValueGroup.D);
        }

        @Test
        void shouldNeedAttentionWhenCurrentSpendDropsFromTheTopToTheBottomGroup() {
            assertSegment("dropping", LifecycleSegment.NEEDS_ATTENTION, ValueGroup.E);
        }

        @Test
        void shouldCountEveryGuestOnceByValueGroupAndSegmentInTheSegmentCountsStore() {
            // when
            KeyValueStore<String, Long> store = profile.driver.getKeyValueStore(ProfileNames.STORE_SEGMENT_COUNTS);
            Map<String, Long> counts = new HashMap<>();
            try (var all = store.all()) {
                all.forEachRemaining(entry -> counts.put(entry.key, entry.value));
            }
            // then
            assertThat(counts).isEqualTo(Map.of("A|TOP", 1L, "B|GROWING", 1L, "C|LOYAL", 1L,
                    "D|NEEDS_ATTENTION", 1L, "E|NEEDS_ATTENTION", 1L));
        }

        @Test
        void shouldChainEachGuestsSegmentChangesFromTheirPreviousSegmentAndGroup() {
            // then: NEW in 2024, DORMANT by May 2026, each change starting where the previous one ended
            changes.forEach((guestId, list) -> {
                assertThat(list.get(0).getFromSegment()).as(guestId).isNull();
                assertThat(list.get(0).getToSegment()).as(guestId).isEqualTo(LifecycleSegment.NEW);
                assertThat(list).as(guestId).extracting(SegmentChange::getToSegment).contains(LifecycleSegment.DORMANT);
                for (int i = 1; i < list.size(); i++) {
                    SegmentChange previous = list.get(i - 1);
                    SegmentChange next = list.get(i);
                    assertThat(next.getFromSegment()).as(guestId + " #" + i).isEqualTo(previous.getToSegment());
                    assertThat(next.getFromValueGroup()).as(guestId + " #" + i).isEqualTo(previous.getToValueGroup());
                    assertThat(next.getProfileVersion()).as(guestId + " #" + i).isGreaterThan(previous.getProfileVersion());
                }
            });
            assertThat(changes).hasSize(5);
        }

        private void assertSegment(String id, LifecycleSegment segment, ValueGroup group) {
            GuestProfile guest = profiles.get("GUEST_ID:" + id);
            assertThat(guest.getSegment()).isEqualTo(segment);
            assertThat(guest.getRfm().getValueGroup()).isEqualTo(group);
            List<SegmentChange> history = changes.get("GUEST_ID:" + id);
            SegmentChange last = history.get(history.size() - 1);
            assertThat(last.getGuestId()).isEqualTo("GUEST_ID:" + id);
            assertThat(last.getToSegment()).isEqualTo(segment);
            assertThat(last.getToValueGroup()).isEqualTo(group);
            assertThat(last.getProfileVersion()).isEqualTo(guest.getVersion());
        }
    }

    @Test
    void shouldNeedAttentionWhenTheGuestSpendsAsBeforeWhileEveryoneElseSpendsMore() {
        // given: four guests went from 3 000 to 50 000 a year; the fifth spent 10 000 a year before and now.
        // Groups are ranks among peers in each window: the fifth was the top spender then, the lowest now.
        Instant autumn = Instant.parse("2024-09-02T10:00:00Z");
        Instant may = Instant.parse("2026-05-11T10:00:00Z");
        start(autumn);
        String[] others = {"o1", "o2", "o3", "o4"};
        for (String other : others) {
            buy(guest(other), 3_000, autumn);
        }
        buy(guest("steady"), 30_000, autumn);
        profile.advanceWallClockTo(may);
        for (String other : others) {
            buy(guest(other), 50_000, may);
        }
        buy(guest("steady"), 10_000, may);
        // when
        profile.advanceWallClock(Duration.ofDays(2));
        // then: fell from the top of its peers to the bottom
        GuestProfile steady = profile.profiles().get("GUEST_ID:steady");
        assertThat(steady.getRfm().getValueGroup()).isEqualTo(ValueGroup.E);
        assertThat(steady.getSegment()).isEqualTo(LifecycleSegment.NEEDS_ATTENTION);
    }


    private void start(Instant wallClock) {
        profile = new ProfileDriver(ProfileSettings.defaults(), wallClock);
        profile.pipe(profile.topics.concerts(), "hall", concert("hall", "Crooner night", "Gregory Porter",
                List.of("vocal jazz"), wallClock.plus(Duration.ofDays(30))));
    }

    private void view(GuestIdentifier who, Instant at) {
        profile.pipe(profile.topics.clickEvents(), key(who),
                click("v" + nextEvent++, who, ClickType.PAGE_VIEW, "hall", at));
    }

    private void buy(GuestIdentifier who, long amount, Instant at) {
        sell(who, TicketSaleType.PURCHASE, amount, 2, at);
    }

    private void sell(GuestIdentifier who, TicketSaleType type, long amount, int seats, Instant at) {
        if (at.isAfter(profile.wallClock())) {
            profile.advanceWallClockTo(at);
        }
        String eventId = "s" + nextEvent++;
        String orderKey = key(who) + "|hall";
        if (type == TicketSaleType.PURCHASE) {
            lastOrder.put(orderKey, "o-" + eventId);
        }
        TicketSale sale = TicketSale.newBuilder(sale(eventId, who, type, "hall", amount, at))
                .setSeats(seats).setOrderId(lastOrder.getOrDefault(orderKey, "o-" + eventId)).build();
        profile.pipe(profile.topics.ticketSales(), key(who), sale);
    }

    private SegmentChange onlySegmentChange() {
        List<SegmentChange> changes = profile.segmentChanges();
        assertThat(changes).hasSize(1);
        return changes.get(0);
    }
}
