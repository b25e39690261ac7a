package io.encore.simulator.behaviour;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.ConcertStatus;
import io.encore.schemas.avro.RecommendationItem;
import io.encore.schemas.avro.RecommendationSet;
import io.encore.simulator.audience.Audience;
import io.encore.simulator.audience.Guest;
import io.encore.simulator.catalogue.ConcertPlan;
import io.encore.simulator.catalogue.Inventory;
import io.encore.simulator.catalogue.Programme;
import io.encore.simulator.catalogue.Taxonomy;
import io.encore.simulator.output.MemorySink;

/** A small simulated hall for tests: a full season, a few thousand guests, records in memory, simulated time. */
final class TestHall {

    static final LocalDate FIRST_DAY = LocalDate.of(2026, 9, 1);
    static final Taxonomy TAXONOMY = Taxonomy.standard();
    static final long DAY = 24L * 3600 * 1000;

    final long seed;
    final Programme programme;
    final Audience audience;
    final Inventory inventory;
    final MemorySink sink = new MemorySink();
    final World world;
    final Instant start;

    TestHall(long seed, int guests) {
        this(seed, guests, 0);
    }

    TestHall(long seed, int guests, int newsletterEveryDays) {
        this.seed = seed;
        this.programme = Programme.generate(TAXONOMY, seed, FIRST_DAY, 420, 0);
        this.start = programme.current().start();
        this.audience = Audience.generate(TAXONOMY, seed, guests, start);
        this.inventory = new Inventory(programme, guests);
        World.Settings settings = new World.Settings(seed, 6, newsletterEveryDays, Duration.ofHours(6));
        this.world = new World(programme, audience, inventory, settings, sink, EventClock.simulated(), start);
        world.publishCatalogue();
        world.begin();
    }

    void runDays(int days) {
        world.runUntil(start.toEpochMilli() + days * DAY);
    }

    /** The guest's on-sale concerts at the start, by affinity: highest first, or lowest first. */
    List<ConcertPlan> onSaleByAffinity(Guest guest, boolean highest, int count) {
        Comparator<ConcertPlan> byAffinity = Comparator.comparingDouble(guest::affinity);
        List<ConcertPlan> concerts = new ArrayList<>(programme.current().concerts().stream()
                .filter(c -> inventory.status(c, start.toEpochMilli()) == ConcertStatus.ON_SALE)
                .sorted(highest ? byAffinity.reversed().thenComparing(ConcertPlan::index) : byAffinity.thenComparing(ConcertPlan::index))
                .toList());
        return concerts.subList(0, Math.min(count, concerts.size()));
    }

    /** A WEB list as scoring-stream would publish it. */
    static RecommendationSet webList(String guestKey, String recommendationId, List<ConcertPlan> concerts, boolean holdout) {
        List<RecommendationItem> items = new ArrayList<>();
        for (int i = 0; i < concerts.size(); i++) {
            items.add(new RecommendationItem(concerts.get(i).concertId(), i + 1, 1.0 - i * 0.1, "concept-match", List.of()));
        }
        return RecommendationSet.newBuilder().setRecommendationId(recommendationId).setGuestId(guestKey)
                .setChannel(Channel.WEB).setArm(holdout ? "control" : "concept-match").setHoldout(holdout)
                .setItems(items).setGeneratedAt(Instant.parse("2026-08-31T22:00:00Z")).build();
    }
}
