package io.encore.profile.topology;

import static io.encore.profile.topology.Fixtures.T0;
import static io.encore.profile.topology.Fixtures.click;
import static io.encore.profile.topology.Fixtures.cookie;
import static io.encore.profile.topology.Fixtures.crooner;
import static io.encore.profile.topology.Fixtures.guest;
import static io.encore.profile.topology.Fixtures.key;
import static io.encore.profile.topology.Fixtures.link;
import static io.encore.profile.topology.Fixtures.sale;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.TicketSaleType;

/**
 * profile-stream's own meters, read from the Prometheus text the app's {@code /metrics} serves, after records
 * went through the topology: events by input topic and type, dead letters by stage and reason category.
 */
class ProfileMetricsTest {

    private ProfileDriver profile;

    @BeforeEach
    void catalogue() {
        profile = new ProfileDriver();
        profile.pipe(profile.topics.concerts(), "jazz", crooner());
    }

    @AfterEach
    void close() {
        profile.close();
    }

    @Test
    void shouldCountProcessedEventsByTopicAndTypeWhenEventsArrive() {
        // when: two page views (one of them sent twice), a favourite, a purchase and an identity link
        profile.pipe(profile.topics.clickEvents(), key(cookie("a")), click("v1", cookie("a"), ClickType.PAGE_VIEW, "jazz", T0));
        profile.pipe(profile.topics.clickEvents(), key(cookie("a")), click("v1", cookie("a"), ClickType.PAGE_VIEW, "jazz", T0));
        profile.pipe(profile.topics.clickEvents(), key(cookie("b")), click("v2", cookie("b"), ClickType.PAGE_VIEW, "jazz", T0));
        profile.pipe(profile.topics.clickEvents(), key(cookie("a")), click("f1", cookie("a"), ClickType.FAVOURITE, "jazz", T0));
        profile.pipe(profile.topics.ticketSales(), key(guest("g")),
                sale("s1", guest("g"), TicketSaleType.PURCHASE, "jazz", 40_000, T0));
        profile.pipe(profile.topics.identityLinks(), key(cookie("a")), link("l1", cookie("a"), guest("g"), T0));

        // then: every record that decoded and passed the rules, duplicates included
        String scraped = profile.meters.scrape();
        assertThat(scraped).contains(
                "encore_events_processed_total{topic=\"click-events\",type=\"PAGE_VIEW\"} 3.0",
                "encore_events_processed_total{topic=\"click-events\",type=\"FAVOURITE\"} 1.0",
                "encore_events_processed_total{topic=\"ticket-sales\",type=\"PURCHASE\"} 1.0",
                "encore_events_processed_total{topic=\"identity-links\",type=\"IDENTITY_LINK\"} 1.0");
        assertThat(scraped).doesNotContain("COOKIE:a", "GUEST_ID:g");
    }

    @Test
    void shouldCountDeadLettersByStageAndReasonCategoryWhenRecordsFail() {
        // given
        profile.pipeRaw("click-events", "COOKIE:x", new byte[] {1, 2, 3});
        profile.pipe(profile.topics.clickEvents(), key(cookie("a")), click("", cookie("a"), ClickType.PAGE_VIEW, "jazz", T0));
        profile.pipe(profile.topics.clickEvents(), key(cookie("b")), click("e1", cookie("b"), ClickType.FAVOURITE, "ghost", T0));

        // when: the hold for the unknown concert elapses
        profile.advanceWallClock(Duration.ofMinutes(61));

        // then: three dead letters, each under a fixed category; the rejected one is not counted as processed
        assertThat(profile.deadLetters()).hasSize(3);
        String scraped = profile.meters.scrape();
        assertThat(scraped).contains(
                "encore_dead_letters_total{reason=\"undecodable\",stage=\"deserialization\"} 1.0",
                "encore_dead_letters_total{reason=\"rejected\",stage=\"processing\"} 1.0",
                "encore_dead_letters_total{reason=\"hold-expired\",stage=\"processing\"} 1.0");
        assertThat(scraped).doesNotContain("type=\"PAGE_VIEW\"").doesNotContain("missing eventId");
    }
}
