package io.encore.scoring.topology;

import static io.encore.scoring.topology.ScoringFixtures.T0;
import static io.encore.scoring.topology.ScoringFixtures.concert;
import static io.encore.scoring.topology.ScoringFixtures.guest;
import static io.encore.scoring.topology.ScoringFixtures.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.Campaign;
import io.encore.schemas.avro.CampaignReport;
import io.encore.schemas.avro.CampaignKind;
import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.ConcertStatus;
import io.encore.schemas.avro.DeadLetter;
import io.encore.schemas.avro.EmailItem;
import io.encore.schemas.avro.EmailSend;
import io.encore.schemas.avro.GuestContact;
import io.encore.schemas.privacy.Erasures;
import io.encore.schemas.avro.GuestProfile;
import io.encore.schemas.avro.PostalAddress;
import io.encore.schemas.avro.PrintItem;
import io.encore.schemas.avro.PrintSend;
import io.encore.scoring.config.ScoringSettings;
import io.encore.scoring.model.ConceptMatchModel;
import io.encore.scoring.model.TrendingModel;
import io.encore.scoring.processor.CampaignSelector;
import io.encore.scoring.signals.RecommendationIds;

/**
 * Campaign recipient selection end to end in a TopologyTestDriver: concerts along taste axes 0 (two jazz
 * concerts) and 1 (drums), and guests whose taste points where each test needs it.
 */
class CampaignSelectionTest {

    private static final String ANNA = "GUEST_ID:anna";
    private static final String ANNA_EMAIL = "anna@example.org";
    private static final PostalAddress ADDRESS = PostalAddress.newBuilder().setLines(List.of("Vesterbrogade 3, 2. th."))
            .setPostalCode("1620").setCity("København V").setCountry("DK").build();

    private ScoringDriver scoring;

    private void start(int contactMaxPerWeek) {
        ScoringSettings d = ScoringSettings.defaults();
        scoring = new ScoringDriver(new ScoringSettings(d.applicationId(), "", ScoringFixtures.DIMENSION,
                List.of(Channel.WEB, Channel.EMAIL), 3, 2, 4, 0.0, d.holdoutShare(), d.attributionWindow(),
                d.clickReward(), d.rescoreInterval(), d.rescoreBatch(), d.audienceSize(), Map.of(), 3, 3,
                contactMaxPerWeek, "https://hall.example/concerts/{concertId}?send={sendId}", d.exposureWindow(),
                d.audiencePublishInterval()),
                T0, signals -> List.of(new ConceptMatchModel()), TrendingModel::control);
        addConcert("jazz-1", "Gregory Porter", 0, 10);
        addConcert("jazz-2", "Cecile McLorin", 0, 12);
        addConcert("drums", "Marilyn Mazur", 1, 14);
        scoring.advanceWallClock(Duration.ofSeconds(1));
    }

    @AfterEach
    void close() {
        scoring.close();
    }

    @Test
    void shouldSendNothingWhenTheGuestHasNoEmailConsentOrNoContact() {
        // given: bob has a contact but only WEB consent, carl consents but has no contact
        start(2);
        scoring.pipe(scoring.topics.guestProfiles(), "GUEST_ID:bob", guest("GUEST_ID:bob", 0, 1, List.of()));
        addGuest("GUEST_ID:carl", taste(1f, 0f), false);
        scoring.pipe(scoring.topics.guestContacts(), "GUEST_ID:bob", contact("GUEST_ID:bob", "bob@example.org"));
        // when
        scoring.pipe(scoring.topics.campaigns(), "c1", campaign("c1", 0.5, 3));
        // then
        assertThat(scoring.emailSends()).isEmpty();
    }

    @Test
    void shouldSendOneEmailWithEverythingTheTemplateNeedsWhenTheGuestIsChosen() {
        // given
        start(2);
        addGuest(ANNA, taste(1f, 0f), true);
        // when
        scoring.pipe(scoring.topics.campaigns(), "c1", campaign("c1", 0.5, 3));
        // then
        List<EmailSend> sends = scoring.emailSends();
        assertThat(sends).hasSize(1);
        EmailSend send = sends.get(0);
        assertThat(send.getSendId()).isEqualTo(CampaignSelector.sendId("c1", ANNA)).hasSize(64).doesNotContain("anna");
        assertThat(send.getToAddress()).isEqualTo(ANNA_EMAIL);
        assertThat(send.getFirstName()).isEqualTo("Anna");
        assertThat(send.getLanguage()).isEqualTo("en");
        assertThat(send.getSubject()).isEqualTo("Jazz this autumn");
        assertThat(send.getItems()).extracting(EmailItem::getConcertId).containsExactly("jazz-1", "jazz-2");
        EmailItem first = send.getItems().get(0);
        assertThat(first.getTitle()).isEqualTo("Concert jazz-1");
        assertThat(first.getStartTime()).isNotNull();
        assertThat(first.getUrl()).isEqualTo("https://hall.example/concerts/jazz-1?send=" + CampaignSelector.sendId("c1", ANNA));
        assertThat(first.getReason()).isNotBlank();
        assertThat(RecommendationIds.parse(first.getRecommendationId())).hasValueSatisfying(issued -> {
            assertThat(issued.channel()).isEqualTo("EMAIL");
            assertThat(issued.arm()).isEqualTo("campaign-newsletter");
        });
    }

    @Test
    void shouldSkipTheThirdCampaignOfTheWeekWhenTheCapIsTwo() {
        // given
        start(ScoringSettings.CONTACT_MAX_PER_WEEK_DEFAULT);
        addGuest(ANNA, taste(1f, 0f), true);
        // when
        for (String id : List.of("c1", "c2", "c3")) {
            scoring.pipe(scoring.topics.campaigns(), id, campaign(id, 0.5, 3));
            scoring.advanceWallClock(Duration.ofDays(1));
        }
        // then
        assertThat(scoring.emailSends()).extracting(EmailSend::getCampaignId).containsExactly("c1", "c2");
    }

    @Test
    void shouldSendAgainWhenTheWeekOfTheEarlierSendsHasPassed() {
        // given: the cap used up
        start(2);
        addGuest(ANNA, taste(1f, 0f), true);
        scoring.pipe(scoring.topics.campaigns(), "c1", campaign("c1", 0.5, 3));
        scoring.pipe(scoring.topics.campaigns(), "c2", campaign("c2", 0.5, 3));
        scoring.emailSends();
        // when
        scoring.advanceWallClock(Duration.ofDays(7).plusMinutes(1));
        scoring.pipe(scoring.topics.campaigns(), "c3", campaign("c3", 0.5, 1));
        // then
        assertThat(scoring.emailSends()).extracting(EmailSend::getCampaignId).containsExactly("c3");
    }

    @Test
    void shouldSendNothingWhenNoConcertReachesTheThreshold() {
        // given: a taste along axis 5, where no concert points
        start(2);
        addGuest(ANNA, unit(5), true);
        // when
        scoring.pipe(scoring.topics.campaigns(), "c1", campaign("c1", 0.3, 3));
        // then
        assertThat(scoring.emailSends()).isEmpty();
    }

    @Test
    void shouldListTheMostRelevantConcertsFirstAndNoMoreThanTheMaximum() {
        // given: drums 0.8, each jazz concert 0.6
        start(2);
        addGuest(ANNA, taste(0.6f, 0.8f), true);
        // when
        scoring.pipe(scoring.topics.campaigns(), "c1", campaign("c1", 0.5, 2));
        // then
        assertThat(scoring.emailSends().get(0).getItems()).extracting(EmailItem::getConcertId)
                .containsExactly("drums", "jazz-1");
    }

    @Test
    void shouldLimitACampaignToItsConcertsWhenItNamesThem() {
        // given
        start(2);
        addGuest(ANNA, taste(0.6f, 0.8f), true);
        Campaign push = Campaign.newBuilder(campaign("push", 0.5, 3)).setKind(CampaignKind.CONCERT_PUSH)
                .setConcertIds(List.of("jazz-2")).build();
        // when
        scoring.pipe(scoring.topics.campaigns(), "push", push);
        // then
        assertThat(scoring.emailSends().get(0).getItems()).extracting(EmailItem::getConcertId).containsExactly("jazz-2");
    }

    @Test
    void shouldLetTheFirstCampaignWinWhenTwoCompeteForAGuestUnderTheCap() {
        // given: one e-mail a week
        start(1);
        addGuest(ANNA, taste(1f, 0f), true);
        // when
        scoring.pipe(scoring.topics.campaigns(), "first", campaign("first", 0.5, 3));
        scoring.pipe(scoring.topics.campaigns(), "second", campaign("second", 0.5, 3));
        // then
        assertThat(scoring.emailSends()).extracting(EmailSend::getCampaignId).containsExactly("first");
    }

    @Test
    void shouldNotSendTwiceNorUseTheCapWhenACampaignIsReplayed() {
        // given
        start(2);
        addGuest(ANNA, taste(1f, 0f), true);
        scoring.pipe(scoring.topics.campaigns(), "c1", campaign("c1", 0.5, 3));
        // when
        scoring.pipe(scoring.topics.campaigns(), "c1", campaign("c1", 0.5, 3));
        scoring.pipe(scoring.topics.campaigns(), "c2", campaign("c2", 0.5, 3));
        // then
        assertThat(scoring.emailSends()).extracting(EmailSend::getSendId).containsExactly(CampaignSelector.sendId("c1", ANNA), CampaignSelector.sendId("c2", ANNA));
    }

    @Test
    void shouldReportChosenAndSkippedCountsByReasonWhenACampaignRuns() {
        // given: anna chosen; bob WEB only; carl consents without a contact; dora not relevant
        start(2);
        addGuest(ANNA, taste(1f, 0f), true);
        scoring.pipe(scoring.topics.guestProfiles(), "GUEST_ID:bob", guest("GUEST_ID:bob", 0, 1, List.of()));
        addGuest("GUEST_ID:carl", taste(1f, 0f), false);
        addGuest("GUEST_ID:dora", unit(5), true);
        // when
        scoring.pipe(scoring.topics.campaigns(), "c1", campaign("c1", 0.5, 3));
        // then
        List<CampaignReport> reports = scoring.campaignReports();
        assertThat(reports).hasSize(1);
        CampaignReport report = reports.get(0);
        assertThat(report.getCampaignId()).isEqualTo("c1");
        assertThat(report.getChannel()).isEqualTo(Channel.EMAIL);
        assertThat(report.getPartitions()).isEqualTo(4);
        assertThat(report.getGuests()).isEqualTo(4);
        assertThat(report.getChosen()).isEqualTo(1);
        assertThat(report.getNoConsent()).isEqualTo(1);
        assertThat(report.getNoAddress()).isEqualTo(1);
        assertThat(report.getNotRelevant()).isEqualTo(1);
        assertThat(report.getItems()).isEqualTo(2);
        assertThat(report.toString()).doesNotContain("@example.org").doesNotContain("anna");
    }

    @Test
    void shouldReportTheReplayAndTheCapAsTheirOwnReasons() {
        // given: the cap of one used by c1
        start(1);
        addGuest(ANNA, taste(1f, 0f), true);
        scoring.pipe(scoring.topics.campaigns(), "c1", campaign("c1", 0.5, 3));
        scoring.campaignReports();
        // when
        scoring.pipe(scoring.topics.campaigns(), "c1", campaign("c1", 0.5, 3));
        scoring.pipe(scoring.topics.campaigns(), "c2", campaign("c2", 0.5, 3));
        // then
        assertThat(scoring.campaignReports()).extracting(CampaignReport::getAlreadySent, CampaignReport::getCapped)
                .containsExactly(tuple(1, 0), tuple(0, 1));
    }

    @Test
    void shouldAddressOnlyGuestsOfTheCampaignsLanguageWhenItNamesOne() {
        // given: anna prefers English; erik has no stated language (Danish)
        start(2);
        addGuest(ANNA, taste(1f, 0f), true);
        addGuest("GUEST_ID:erik", taste(1f, 0f), false);
        scoring.pipe(scoring.topics.guestContacts(), "GUEST_ID:erik", GuestContact.newBuilder()
                .setGuestId("GUEST_ID:erik").setEmail("erik@example.org").setUpdatedAt(T0).build());
        // when
        scoring.pipe(scoring.topics.campaigns(), "da", Campaign.newBuilder(campaign("da", 0.5, 3)).setLanguage("da").build());
        // then
        List<EmailSend> sends = scoring.emailSends();
        assertThat(sends).extracting(EmailSend::getGuestId, EmailSend::getLanguage)
                .containsExactly(tuple("GUEST_ID:erik", "da"));
        assertThat(scoring.campaignReports().get(0).getOtherLanguage()).isEqualTo(1);
    }

    @Test
    void shouldWriteOnePrintedPieceToEachGuestWithPrintConsentAndAPostalAddress() {
        // given: anna allows PRINT and has an address; bob allows PRINT without an address; carl only EMAIL
        start(1);
        addGuest(ANNA, taste(0.6f, 0.8f), false, Channel.PRINT);
        scoring.pipe(scoring.topics.guestContacts(), ANNA, GuestContact.newBuilder(contact(ANNA, ANNA_EMAIL))
                .setLastName("Larsen").setPostalAddress(ADDRESS).build());
        addGuest("GUEST_ID:bob", taste(1f, 0f), true, Channel.PRINT);
        addGuest("GUEST_ID:carl", taste(1f, 0f), true);
        Campaign brochure = Campaign.newBuilder(campaign("season-27", 0.5, 2)).setKind(CampaignKind.SEASON_BROCHURE)
                .setChannel(Channel.PRINT).setSubject("Your season 2027").build();
        // when: twice, a replay
        scoring.pipe(scoring.topics.campaigns(), "season-27", brochure);
        scoring.pipe(scoring.topics.campaigns(), "season-27", brochure);
        // then
        List<PrintSend> pieces = scoring.printSends();
        assertThat(pieces).hasSize(1);
        PrintSend piece = pieces.get(0);
        assertThat(piece.getSendId()).isEqualTo(CampaignSelector.sendId("season-27", ANNA));
        assertThat(piece.getGuestId()).isEqualTo(ANNA);
        assertThat(piece.getFirstName()).isEqualTo("Anna");
        assertThat(piece.getLastName()).isEqualTo("Larsen");
        assertThat(piece.getPostalAddress()).isEqualTo(ADDRESS);
        assertThat(piece.getTitle()).isEqualTo("Your season 2027");
        assertThat(piece.getLanguage()).isEqualTo("en");
        assertThat(piece.getItems()).extracting(PrintItem::getConcertId).containsExactly("drums", "jazz-1");
        assertThat(RecommendationIds.parse(piece.getItems().get(0).getRecommendationId())).hasValueSatisfying(issued -> {
            assertThat(issued.channel()).isEqualTo("PRINT");
            assertThat(issued.arm()).isEqualTo("campaign-season_brochure");
        });
        assertThat(scoring.emailSends()).isEmpty();
        assertThat(scoring.campaignReports()).extracting(CampaignReport::getChosen, CampaignReport::getNoAddress,
                CampaignReport::getNoConsent, CampaignReport::getAlreadySent)
                .containsExactly(tuple(1, 1, 1, 0), tuple(0, 1, 1, 1));
    }

    @Test
    void shouldNotCountPrintedPiecesAgainstTheWeeklyEmailCap() {
        // given: a cap of one e-mail a week; anna allows EMAIL and PRINT and has both addresses
        start(1);
        addGuest(ANNA, taste(1f, 0f), false, Channel.PRINT);
        scoring.pipe(scoring.topics.guestContacts(), ANNA, GuestContact.newBuilder(contact(ANNA, ANNA_EMAIL))
                .setPostalAddress(ADDRESS).build());
        // when
        scoring.pipe(scoring.topics.campaigns(), "brochure", Campaign.newBuilder(campaign("brochure", 0.5, 3))
                .setChannel(Channel.PRINT).build());
        scoring.pipe(scoring.topics.campaigns(), "news", campaign("news", 0.5, 3));
        // then
        assertThat(scoring.printSends()).hasSize(1);
        assertThat(scoring.emailSends()).extracting(EmailSend::getCampaignId).containsExactly("news");
    }

    @Test
    void shouldDeadLetterACampaignThatCannotRunAsAsked() {
        // given
        start(2);
        addGuest(ANNA, taste(1f, 0f), true);
        // when: an ADS campaign, no items allowed, a threshold above 1, a language that is not a code
        scoring.pipe(scoring.topics.campaigns(), "ads", Campaign.newBuilder(campaign("ads", 0.5, 3)).setChannel(Channel.ADS).build());
        scoring.pipe(scoring.topics.campaigns(), "none", campaign("none", 0.5, 0));
        scoring.pipe(scoring.topics.campaigns(), "high", campaign("high", 1.5, 3));
        scoring.pipe(scoring.topics.campaigns(), "lang", Campaign.newBuilder(campaign("lang", 0.5, 3)).setLanguage("Danish").build());
        // then
        assertThat(scoring.emailSends()).isEmpty();
        assertThat(scoring.campaignReports()).isEmpty();
        assertThat(scoring.deadLetters()).extracting(DeadLetter::getReason).satisfiesExactly(
                reason -> assertThat(reason).contains("campaign ads").contains("channel ADS"),
                reason -> assertThat(reason).contains("campaign none").contains("maxItemsPerRecipient 0"),
                reason -> assertThat(reason).contains("campaign high").contains("relevanceThreshold 1.5"),
                reason -> assertThat(reason).contains("campaign lang").contains("'Danish'"));
    }

    @Test
    void shouldStopSendingWhenTheContactIsErased() {
        // given
        start(2);
        addGuest(ANNA, taste(1f, 0f), true);
        // when
        scoring.pipe(scoring.topics.guestContacts(), ANNA, null);
        scoring.pipe(scoring.topics.campaigns(), "c1", campaign("c1", 0.5, 3));
        // then
        assertThat(scoring.emailSends()).isEmpty();
    }

    @Test
    void shouldForgetWhichCampaignsReachedAGuestWhoIsErased() {
        // given: anna got an e-mail and a printed piece, so scoring-stream keeps both contact ledgers
        start(2);
        addGuest(ANNA, taste(0.6f, 0.8f), false, Channel.PRINT);
        scoring.pipe(scoring.topics.guestContacts(), ANNA, GuestContact.newBuilder(contact(ANNA, ANNA_EMAIL))
                .setPostalAddress(ADDRESS).build());
        scoring.pipe(scoring.topics.campaigns(), "c1", campaign("c1", 0.5, 3));
        scoring.pipe(scoring.topics.campaigns(), "season-27", Campaign.newBuilder(campaign("season-27", 0.5, 2))
                .setKind(CampaignKind.SEASON_BROCHURE).setChannel(Channel.PRINT).build());
        assertThat(scoring.emailSends()).hasSize(1);
        assertThat(scoring.printSends()).hasSize(1);
        KeyValueStore<String, String> ledgers = scoring.driver.getKeyValueStore(ScoringNames.STORE_CONTACT_LEDGER);
        assertThat(ledgers.get(CampaignSelector.ledgerKey(Channel.EMAIL, ANNA))).isNotNull();
        assertThat(ledgers.get(CampaignSelector.ledgerKey(Channel.PRINT, ANNA))).isNotNull();
        // when: profile-stream tombstones her profile (an erasure)
        scoring.pipe(scoring.topics.guestProfiles(), ANNA, null);
        // then
        assertThat(ledgers.get(CampaignSelector.ledgerKey(Channel.EMAIL, ANNA))).isNull();
        assertThat(ledgers.get(CampaignSelector.ledgerKey(Channel.PRINT, ANNA))).isNull();
    }

    @Test
    void shouldDeleteAndTombstoneTheContactOfAnErasedGuestAndAuditIt() {
        // given: anna's contact is held for campaigns
        start(2);
        addGuest(ANNA, taste(1f, 0f), true);
        KeyValueStore<String, GuestContact> contacts = scoring.driver.getKeyValueStore(ScoringNames.STORE_GUEST_CONTACTS);
        assertThat(contacts.get(ANNA)).isNotNull();
        // when: profile-stream erases her
        scoring.pipeErasure(ANNA, "erase-7");
        // then: the contact is gone from the store and tombstoned on the CRM's compacted topic
        assertThat(contacts.get(ANNA)).isNull();
        assertThat(scoring.records(scoring.topics.guestContacts())).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(ANNA);
            assertThat(record.value()).isNull();
        });
        // and the audit names her by hash only
        assertThat(scoring.records(scoring.topics.erasureAudits())).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(Erasures.subject(ANNA));
            assertThat(record.value().getApplication()).isEqualTo(scoring.settings.applicationId());
            assertThat(record.value().getRequestEventId()).isEqualTo("erase-7");
            assertThat(record.value().toString()).doesNotContain(ANNA, ANNA_EMAIL);
        });
        // and no campaign reaches her
        scoring.pipe(scoring.topics.campaigns(), "c1", campaign("c1", 0.5, 3));
        assertThat(scoring.emailSends()).isEmpty();
    }

    @Test
    void shouldKeepTheContactOfAGuestMergedIntoAnother() {
        // given
        start(2);
        addGuest(ANNA, taste(1f, 0f), true);
        // when: a plain tombstone (a merge: the CRM decides what becomes of the contact)
        scoring.pipe(scoring.topics.guestProfiles(), ANNA, null);
        // then
        KeyValueStore<String, GuestContact> contacts = scoring.driver.getKeyValueStore(ScoringNames.STORE_GUEST_CONTACTS);
        assertThat(contacts.get(ANNA)).isNotNull();
        assertThat(scoring.records(scoring.topics.guestContacts())).isEmpty();
        assertThat(scoring.records(scoring.topics.erasureAudits())).isEmpty();
    }

    private void addConcert(String id, String performer, int axis, int daysAhead) {
        scoring.pipe(scoring.topics.concerts(), id, concert(id, performer,
                scoring.wallClock().plus(Duration.ofDays(daysAhead)).plus(Duration.ofHours(1)), ConcertStatus.ON_SALE));
        scoring.pipe(scoring.topics.concertProfiles(), id, profile(id, performer, axis));
    }

    /** A guest with WEB, EMAIL and {@code more} consent and the given taste; with a contact when {@code withContact}. */
    private void addGuest(String guestId, List<Float> taste, boolean withContact, Channel... more) {
        List<Channel> allowed = new ArrayList<>(List.of(Channel.WEB, Channel.EMAIL));
        allowed.addAll(List.of(more));
        GuestProfile profile = GuestProfile.newBuilder(guest(guestId, 0, 1, List.of()))
                .setAllowedChannels(allowed).setTasteVector(taste).build();
        scoring.pipe(scoring.topics.guestProfiles(), guestId, profile);
        if (withContact) {
            scoring.pipe(scoring.topics.guestContacts(), guestId, contact(guestId, ANNA_EMAIL));
        }
    }

    private static GuestContact contact(String guestId, String email) {
        return GuestContact.newBuilder().setGuestId(guestId).setEmail(email).setFirstName("Anna")
                .setPreferredLanguage("en").setUpdatedAt(T0).build();
    }

    private static Campaign campaign(String id, double threshold, int maxItems) {
        return Campaign.newBuilder().setCampaignId(id).setKind(CampaignKind.NEWSLETTER).setChannel(Channel.EMAIL)
                .setConcertIds(List.of()).setRelevanceThreshold(threshold).setMaxItemsPerRecipient(maxItems)
                .setSubject("Jazz this autumn").setRequestedAt(T0).build();
    }

    private static List<Float> taste(float axis0, float axis1) {
        List<Float> vector = new ArrayList<>(Collections.nCopies(ScoringFixtures.DIMENSION, 0f));
        vector.set(0, axis0);
        vector.set(1, axis1);
        return vector;
    }

    private static List<Float> unit(int axis) {
        return ScoringFixtures.unit(axis);
    }
}
