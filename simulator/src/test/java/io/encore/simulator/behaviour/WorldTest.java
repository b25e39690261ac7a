package io.encore.simulator.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.Campaign;
import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.GuestConsent;
import io.encore.schemas.avro.GuestContact;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.avro.IdentityLink;
import io.encore.schemas.avro.LinkReason;
import io.encore.schemas.avro.SalesChannel;
import io.encore.schemas.avro.TicketSale;
import io.encore.schemas.avro.TicketSaleType;
import io.encore.schemas.topic.GuestKeys;
import io.encore.simulator.catalogue.ConcertPlan;
import io.encore.simulator.output.OutputTopic;
import io.encore.simulator.output.SimRecord;

class WorldTest {

    private static TestHall hall;

    @BeforeAll
    static void runThirtyDays() {
        hall = new TestHall(11, 4000, 7);
        hall.runDays(30);
    }

    @Test
    void shouldProduceTheSameRecordsForTheSameSeedAndOthersForAnother() {
        // given
        TestHall again = new TestHall(11, 4000, 7);
        TestHall other = new TestHall(12, 4000, 7);

        // when
        again.runDays(3);
        other.runDays(3);

        // then: the first records, ids and times included, are the same
        List<SimRecord> first = hall.sink.records().subList(0, 2000);
        assertThat(again.sink.records().subList(0, 2000)).isEqualTo(first);
        assertThat(other.sink.records().subList(0, 2000)).isNotEqualTo(first);
    }

    @Test
    void shouldGiveEveryEventAUniqueId() {
        List<String> ids = hall.sink.records().stream().map(SimRecord::value).filter(v -> v.getSchema().getField("eventId") != null)
                .map(v -> (String) ((GenericRecord) v).get("eventId")).toList();

        assertThat(ids).hasSizeGreaterThan(10_000).doesNotHaveDuplicates();
    }

    @Test
    void shouldKeyGuestEventsByTheIdentifierTheyWereSeenUnder() {
        for (SimRecord record : hall.sink.records()) {
            Optional<GuestIdentifier> seenUnder = seenUnder(record.value());
            seenUnder.ifPresent(id -> assertThat(record.key()).isEqualTo(GuestKeys.key(id)));
            if (record.topic() == OutputTopic.CONCERTS || record.topic() == OutputTopic.CAMPAIGNS) {
                assertThat(record.key()).doesNotContain(":");
            }
        }
    }

    @Test
    void shouldLinkABrowserToTheAccountTheFirstTimeItsGuestLogsIn() {
        List<IdentityLink> logins = hall.sink.values(OutputTopic.IDENTITY_LINKS, IdentityLink.class).stream()
                .filter(l -> l.getReason() == LinkReason.LOGIN).toList();
        List<ClickEvent> clicks = hall.sink.values(OutputTopic.CLICK_EVENTS, ClickEvent.class);

        assertThat(logins).hasSizeGreaterThan(500)
                .allMatch(l -> l.getFrom().getType() == IdentifierType.COOKIE && l.getTo().getType() == IdentifierType.GUEST_ID)
                .allMatch(l -> hall.audience.byIdentifier(GuestKeys.key(l.getFrom())).equals(hall.audience.byIdentifier(GuestKeys.key(l.getTo()))));
        assertThat(logins.stream().map(l -> GuestKeys.key(l.getFrom())).collect(Collectors.toSet())).hasSameSizeAs(logins);
        assertThat(clicks.stream().filter(c -> c.getIdentifier().getType() == IdentifierType.COOKIE).count()).isGreaterThan(1000);
        assertThat(clicks.stream().filter(c -> c.getIdentifier().getType() == IdentifierType.GUEST_ID).count()).isGreaterThan(1000);
    }

    @Test
    void shouldSellOnTheWebUnderTheAccountAndAtTheBoxOfficeUnderTheCard() {
        List<TicketSale> sales = hall.sink.values(OutputTopic.TICKET_SALES, TicketSale.class);

        assertThat(sales).filteredOn(s -> s.getSalesChannel() == SalesChannel.WEB).hasSizeGreaterThan(300)
                .allMatch(s -> s.getIdentifier().getType() == IdentifierType.GUEST_ID);
        assertThat(sales).filteredOn(s -> s.getSalesChannel() == SalesChannel.BOX_OFFICE).hasSizeGreaterThan(50)
                .allMatch(s -> s.getIdentifier().getType() == IdentifierType.LOYALTY_CARD);
        assertThat(sales).allMatch(s -> s.getSeats() >= 1 && s.getAmountMinor() > 0 && "DKK".equals(s.getCurrency()));
        Set<String> purchased = sales.stream().filter(s -> s.getType() == TicketSaleType.PURCHASE).map(TicketSale::getOrderId)
                .collect(Collectors.toSet());
        assertThat(sales).filteredOn(s -> s.getType() == TicketSaleType.REFUND).isNotEmpty()
                .allMatch(r -> purchased.contains(r.getOrderId()));
    }

    @Test
    void shouldAnswerTheCookieBannerOnceABrowserAndLetProspectsSignUp() {
        List<GuestConsent> banners = hall.sink.values(OutputTopic.GUEST_CONSENTS, GuestConsent.class).stream()
                .filter(c -> c.getSource().equals("cookie-banner")).toList();

        assertThat(banners).hasSizeGreaterThan(1000)
                .allMatch(c -> c.getIdentifier().getType() == IdentifierType.COOKIE && !c.getEmailConsent() && !c.getAdsConsent());
        assertThat(banners.stream().map(c -> GuestKeys.key(c.getIdentifier())).collect(Collectors.toSet())).hasSameSizeAs(banners);
        assertThat(hall.sink.values(OutputTopic.GUEST_CONTACTS, GuestContact.class)).isNotEmpty();
    }

    @Test
    void shouldNeverAnswerEmailsOrAdsNobodySent() {
        // given: thirty days in which Encore published nothing

        // then: no e-mail or ad responses, but newsletters requested
        assertThat(hall.sink.values(OutputTopic.EMAIL_RESPONSES, SpecificRecord.class)).isEmpty();
        assertThat(hall.sink.values(OutputTopic.AD_INTERACTIONS, SpecificRecord.class)).isEmpty();
        assertThat(hall.sink.values(OutputTopic.CAMPAIGNS, Campaign.class)).hasSize(4)
                .allMatch(c -> c.getMaxItemsPerRecipient() > 0 && c.getWindowEnd() != null);
    }

    @Test
    void shouldPublishCatalogueChangesAsSeatsSellWithGrowingVersions() {
        List<Concert> concerts = hall.sink.values(OutputTopic.CONCERTS, Concert.class);
        Map<String, List<Long>> versions = concerts.stream().collect(Collectors.groupingBy(
                Concert::getConcertId, Collectors.mapping(Concert::getVersion, Collectors.toList())));

        assertThat(versions).hasSize(hall.programme.concerts().size());
        assertThat(versions.values()).allMatch(v -> v.get(0) == 1 && isIncreasing(v));
        assertThat(versions.values().stream().filter(v -> v.size() > 1).count()).isGreaterThan(20);
    }

    @Test
    void shouldRecordOnlyPurchasesOfConcertsOnSale() {
        Set<String> seen = new HashSet<>();
        for (TicketSale sale : hall.sink.values(OutputTopic.TICKET_SALES, TicketSale.class)) {
            if (sale.getType() == TicketSaleType.PURCHASE) {
                ConcertPlan concert = hall.programme.byId(sale.getConcertId()).orElseThrow();
                assertThat(sale.getOccurredAt()).isAfterOrEqualTo(concert.saleOpens()).isBefore(concert.startTime());
                seen.add(sale.getConcertId());
            }
        }
        assertThat(seen.size()).isGreaterThan(50);
    }

    private static boolean isIncreasing(List<Long> values) {
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i) <= values.get(i - 1)) {
                return false;
            }
        }
        return true;
    }

    /** The identifier an input event was seen under (IdentityLink: its from), if it has one. */
    private static Optional<GuestIdentifier> seenUnder(SpecificRecord value) {
        GenericRecord record = (GenericRecord) value;
        Object id = record.getSchema().getField("identifier") != null ? record.get("identifier")
                : record.getSchema().getField("from") != null ? record.get("from") : null;
        return Optional.ofNullable((GuestIdentifier) id);
    }
}
