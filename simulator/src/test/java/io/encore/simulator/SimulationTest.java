package io.encore.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.GuestConsent;
import io.encore.schemas.avro.GuestContact;
import io.encore.schemas.avro.RecommendationItem;
import io.encore.schemas.avro.RecommendationSet;
import io.encore.schemas.avro.TicketSale;
import io.encore.simulator.audience.Guest;
import io.encore.simulator.audience.GuestKind;
import io.encore.simulator.behaviour.Feedback;
import io.encore.simulator.behaviour.LoopStats;
import io.encore.simulator.catalogue.ConcertPlan;
import io.encore.simulator.kafka.KafkaSettings;
import io.encore.simulator.output.MemorySink;
import io.encore.simulator.output.OutputTopic;

class SimulationTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 9, 1);

    @Test
    void shouldExposeTheSeasonTheAudienceAndTheGroundTruthByAnyIdentifier() {
        // given
        Simulation simulation = Simulation.builder().seed(5).guests(500).concerts(400).startDate(FIRST_DAY).build();
        Guest guest = simulation.audience().guest(0);
        ConcertPlan concert = simulation.season().concerts().get(17);

        // then
        assertThat(simulation.season().concerts()).hasSize(400);
        assertThat(simulation.season().firstDay()).isEqualTo(FIRST_DAY);
        assertThat(simulation.affinity("COOKIE:" + guest.cookies().get(0), concert.concertId())).hasValue(guest.affinity(concert));
        assertThat(simulation.affinity("GUEST_ID:" + guest.guestId(), concert.concertId())).hasValue(guest.affinity(concert));
        assertThat(simulation.affinity("COOKIE:unknown", concert.concertId())).isEmpty();
        assertThat(simulation.affinity("COOKIE:" + guest.cookies().get(0), "no-such-concert")).isEmpty();
    }

    @Test
    void shouldRunOfflineAfterItsHistoryAndCountTheRecordsOfEveryTopic() throws InterruptedException {
        // given
        MemorySink sink = new MemorySink();
        Simulation simulation = Simulation.builder().seed(5).guests(1000).concerts(400).startDate(FIRST_DAY)
                .historyYears(1).sink(sink).build();
        Instant start = simulation.season().start();

        // when
        simulation.runFor(Duration.ofDays(5));

        // then
        assertThat(simulation.simulatedTime()).isEqualTo(start.plus(Duration.ofDays(5)));
        assertThat(sink.records().get(0).topic()).isEqualTo(OutputTopic.CONCERTS);
        Map<OutputTopic, Long> counts = simulation.counts();
        for (OutputTopic topic : OutputTopic.values()) {
            assertThat(counts.get(topic)).as(topic.name()).isEqualTo(sink.records().stream().filter(r -> r.topic() == topic).count());
        }
        assertThat(counts.get(OutputTopic.CLICK_EVENTS)).isPositive();
        assertThat(sink.values(OutputTopic.TICKET_SALES, TicketSale.class).stream()
                .filter(s -> s.getOccurredAt().isBefore(start)).count()).as("history").isGreaterThan(500);
        assertThat(simulation.totalRecords()).isEqualTo(sink.records().size());
    }

    @Test
    void shouldShowTheListsItIsFedOnTheWebRow() throws InterruptedException {
        // given
        Simulation simulation = Simulation.builder().seed(5).guests(1000).concerts(400).startDate(FIRST_DAY).build();
        for (Guest guest : simulation.audience().guests()) {
            if (guest.kind() == GuestKind.REGISTERED) {
                String id = "GUEST_ID:" + guest.guestId();
                ConcertPlan concert = simulation.season().concerts().get(guest.index() % 50 + 20);
                simulation.feedback(new Feedback.Recommendations(id + "|WEB", RecommendationSet.newBuilder()
                        .setRecommendationId("r" + guest.index()).setGuestId(id).setChannel(Channel.WEB).setArm("control")
                        .setHoldout(true).setItems(List.of(new RecommendationItem(concert.concertId(), 1, 1.0, "trending",
                                List.of()))).setGeneratedAt(simulation.season().start()).build()));
            }
        }

        // when
        simulation.runFor(Duration.ofDays(10));

        // then
        LoopStats.Row holdout = simulation.stats().web().get(LoopStats.RowKind.HOLDOUT);
        assertThat(holdout.rows()).isGreaterThan(100);
        assertThat(holdout.items()).isEqualTo(holdout.rows());
    }

    @Test
    void shouldRunInTheBackgroundAtAnAcceleratedClockUntilClosed() {
        // given: two simulated days per wall-clock second
        Simulation simulation = Simulation.builder().seed(5).guests(300).concerts(400).startDate(FIRST_DAY)
                .acceleration(2 * 86_400).build();
        Instant start = simulation.season().start();

        // when
        simulation.start();

        // then
        await().atMost(Duration.ofSeconds(20)).until(() -> simulation.simulatedTime().isAfter(start.plus(Duration.ofDays(1))));
        simulation.close();
        assertThat(simulation.finished()).isTrue();
        assertThat(simulation.failure()).isEmpty();
        assertThat(simulation.counts().get(OutputTopic.CLICK_EVENTS)).isPositive();
    }

    @Test
    void shouldFinishByItselfAtTheEndOfTheSeason() throws InterruptedException {
        // given: a year in a few seconds
        Simulation simulation = Simulation.builder().seed(5).guests(50).concerts(400).startDate(FIRST_DAY)
                .acceleration(365 * 86_400 / 4.0).build();

        // when
        simulation.start();

        // then
        assertThat(simulation.awaitFinished(Duration.ofSeconds(60))).isTrue();
        assertThat(simulation.simulatedTime()).isEqualTo(simulation.season().end());
        simulation.close();
    }

    @Test
    void shouldRefuseSettingsThatCannotWork() {
        assertThatThrownBy(() -> Simulation.builder().guests(0).build()).hasMessageContaining("guests");
        assertThatThrownBy(() -> Simulation.builder().concerts(0).build()).hasMessageContaining("concerts");
        assertThatThrownBy(() -> Simulation.builder().acceleration(0).build()).hasMessageContaining("acceleration");
        assertThatThrownBy(() -> Simulation.builder().historyYears(21).build()).hasMessageContaining("history");
        assertThatThrownBy(() -> Simulation.builder().sink(new MemorySink())
                .kafka(KafkaSettings.of("localhost:1", "mock://x", "")).build()).hasMessageContaining("not both");
    }

    @Test
    void shouldStampTheReferenceDataAsOfTheStartWhenThereIsNoHistory() throws InterruptedException {
        // given
        MemorySink sink = new MemorySink();
        Simulation simulation = Simulation.builder().seed(5).guests(300).concerts(400).startDate(FIRST_DAY).sink(sink).build();

        // when
        simulation.runFor(Duration.ofMinutes(1));

        // then: the CRM's state as it stands, not years of old events
        assertThat(sink.values(OutputTopic.GUEST_CONSENTS, GuestConsent.class)).isNotEmpty()
                .allMatch(c -> c.getOccurredAt().equals(simulation.season().start()));
        assertThat(sink.values(OutputTopic.GUEST_CONTACTS, GuestContact.class)).isNotEmpty()
                .allMatch(c -> c.getUpdatedAt().equals(simulation.season().start()));
        assertThat(sink.values(OutputTopic.TICKET_SALES, TicketSale.class)).isEmpty();
    }
}
