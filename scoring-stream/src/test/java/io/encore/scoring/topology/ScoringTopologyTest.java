package io.encore.scoring.topology;

import static io.encore.scoring.topology.ScoringFixtures.T0;
import static io.encore.scoring.topology.ScoringFixtures.concert;
import static io.encore.scoring.topology.ScoringFixtures.guest;
import static io.encore.scoring.topology.ScoringFixtures.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.AudienceMember;
import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.ChannelResponse;
import io.encore.schemas.avro.ConcertAudience;
import io.encore.schemas.avro.ConcertStatus;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.GuestProfile;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.avro.RecommendationChange;
import io.encore.schemas.avro.RecommendationChangeReason;
import io.encore.schemas.avro.RecommendationItem;
import io.encore.schemas.avro.RecommendationSet;
import io.encore.scoring.avro.AliasTarget;
import io.encore.scoring.avro.ArmState;
import io.encore.scoring.avro.SharedSignal;
import io.encore.scoring.bandit.Holdout;
import io.encore.scoring.config.ScoringSettings;
import io.encore.scoring.model.ConceptMatchModel;
import io.encore.scoring.model.TrendingModel;
import io.encore.scoring.signals.RecommendationIds;

/**
 * scoring-stream end to end in a TopologyTestDriver, with one model (concept match) so lists are predictable:
 * a guest who likes taste 0 sees the concerts along axis 0 first.
 */
class ScoringTopologyTest {

    private static final String GUEST = "GUEST_ID:anna";
    private static final String WEB = GUEST + "|WEB";

    private ScoringDriver scoring;

    @BeforeEach
    void catalogue() {
        ScoringSettings settings = ScoringSettings.defaults();
        assertThat(new Holdout(settings.holdoutShare()).isHoldout(GUEST)).as("the test guest is personalized").isFalse();
        scoring = new ScoringDriver(new ScoringSettings(settings.applicationId(), "", ScoringFixtures.DIMENSION,
                List.of(Channel.WEB, Channel.ADS), 3, 2, 4, 0.0, settings.holdoutShare(),
                settings.attributionWindow(), settings.clickReward(), settings.rescoreInterval(), settings.rescoreBatch(),
                settings.audienceSize(), Map.of(), 3, 3),
                T0, signals -> List.of(new ConceptMatchModel()), TrendingModel::control);
        addConcert("jazz-1", "Gregory Porter", 0, 10, ConcertStatus.ON_SALE);
        addConcert("jazz-2", "Cecile McLorin", 0, 12, ConcertStatus.ON_SALE);
        addConcert("drums", "Marilyn Mazur", 1, 14, ConcertStatus.ON_SALE);
        addConcert("symph", "Carl Nielsen", 2, 16, ConcertStatus.ON_SALE);
        addConcert("indie", "Efterklang", 3, 18, ConcertStatus.ON_SALE);
        scoring.advanceWallClock(Duration.ofSeconds(1));
    }

    @AfterEach
    void close() {
        scoring.close();
    }

    @Test
    void shouldPublishAListAndAChangeWhenAGuestProfileArrives() {
        // when
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, guest(GUEST, 0, 1, List.of()));
        // then: only the consented channel, the two jazz concerts first
        Map<String, RecommendationSet> sets = scoring.sets();
        assertThat(sets).containsOnlyKeys(WEB);
        assertThat(sets.get(WEB).getItems()).extracting(RecommendationItem::getConcertId)
                .startsWith("jazz-1", "jazz-2").hasSize(3);
        assertThat(sets.get(WEB).getItems()).allSatisfy(item -> assertThat(item.getScore()).isBetween(0.0, 1.0));
        assertThat(sets.get(WEB).getArm()).isEqualTo(ConceptMatchModel.NAME);
        RecommendationChange change = onlyChange();
        assertThat(change.getReason()).isEqualTo(RecommendationChangeReason.PROFILE_CHANGED);
        assertThat(change.getAddedConcertIds()).containsExactlyElementsOf(change.getConcertIds());
        assertThat(change.getRecommendationId()).isEqualTo(sets.get(WEB).getRecommendationId());
    }

    @Test
    void shouldPublishNothingWhenAProfileUpdateLeavesTheListAsItWas() {
        // given
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, guest(GUEST, 0, 1, List.of()));
        scoring.sets();
        scoring.changes();
        // when: a new profile version with the same taste
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, guest(GUEST, 0, 2, List.of()));
        // then
        assertThat(scoring.sets()).isEmpty();
        assertThat(scoring.changes()).isEmpty();
    }

    @Test
    void shouldLeaveOutAConcertTheGuestAlreadyBought() {
        // when
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, guest(GUEST, 0, 1, List.of("jazz-1")));
        // then
        assertThat(scoring.sets().get(WEB).getItems()).extracting(RecommendationItem::getConcertId)
                .doesNotContain("jazz-1").startsWith("jazz-2");
    }

    @Test
    void shouldBringANewConcertIntoTheListWhenTheCatalogueChanges() {
        // given: a guest who likes taste 1 (one matching concert)
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, guest(GUEST, 1, 1, List.of()));
        scoring.changes();
        // when: a second taste-1 concert appears, and the task's sweep runs
        addConcert("drums-2", "Snorre Kirk", 1, 20, ConcertStatus.ON_SALE);
        scoring.advanceWallClock(Duration.ofSeconds(2));
        // then
        RecommendationChange change = onlyChange();
        assertThat(change.getReason()).isEqualTo(RecommendationChangeReason.CATALOGUE_CHANGED);
        assertThat(change.getAddedConcertIds()).containsExactly("drums-2");
        assertThat(change.getConcertIds()).startsWith("drums");
    }

    @Test
    void shouldDropASoldOutConcertFromEveryListWhenItSellsOut() {
        // given
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, guest(GUEST, 0, 1, List.of()));
        scoring.changes();
        // when
        scoring.pipe(scoring.topics.concerts(), "jazz-1", concert("jazz-1", "Gregory Porter", T0.plus(Duration.ofDays(10)),
                ConcertStatus.SOLD_OUT));
        scoring.advanceWallClock(Duration.ofSeconds(2));
        // then
        RecommendationChange change = onlyChange();
        assertThat(change.getReason()).isEqualTo(RecommendationChangeReason.SOLD_OUT);
        assertThat(change.getRemovedConcertIds()).containsExactly("jazz-1");
        assertThat(change.getConcertIds()).doesNotContain("jazz-1").startsWith("jazz-2");
        assertThat(change.getMoved()).extracting(m -> m.getConcertId() + ":" + m.getOldRank() + "→" + m.getNewRank())
                .contains("jazz-2:2→1");
    }

    @Test
    void shouldNotReScoreTheGuestsWhenASaleOnlyLowersAConcertsSeatCount() {
        // given: a list, and a concert with seats
        scoring.pipe(scoring.topics.concerts(), "jazz-1", withSeats(100, 2));
        scoring.advanceWallClock(Duration.ofSeconds(2));
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, guest(GUEST, 0, 1, List.of()));
        scoring.sets();
        scoring.changes();
        // when: sales lower the seat count, and the last seat goes
        scoring.pipe(scoring.topics.concerts(), "jazz-1", withSeats(99, 3));
        scoring.advanceWallClock(Duration.ofSeconds(2));
        assertThat(scoring.changes()).as("no change for a seat count").isEmpty();
        scoring.pipe(scoring.topics.concerts(), "jazz-1", withSeats(0, 4));
        scoring.advanceWallClock(Duration.ofSeconds(2));
        // then: only selling out changed the list
        RecommendationChange change = onlyChange();
        assertThat(change.getRemovedConcertIds()).containsExactly("jazz-1");
        assertThat(change.getReason()).isEqualTo(RecommendationChangeReason.SOLD_OUT);
    }

    @Test
    void shouldDropAConcertWhenItsDateHasPassed() {
        // given: a concert that starts in an hour
        addConcert("tonight", "Gregory Porter", 0, 0, ConcertStatus.ON_SALE);
        scoring.advanceWallClock(Duration.ofSeconds(2));
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, guest(GUEST, 0, 1, List.of()));
        assertThat(scoring.sets().get(WEB).getItems()).extracting(RecommendationItem::getConcertId).contains("tonight");
        scoring.changes();
        // when: the wall clock passes its start
        scoring.advanceWallClock(Duration.ofMinutes(61));
        scoring.advanceWallClock(Duration.ofSeconds(2));
        // then
        RecommendationChange change = onlyChange();
        assertThat(change.getReason()).isEqualTo(RecommendationChangeReason.EXPIRED);
        assertThat(change.getRemovedConcertIds()).containsExactly("tonight");
    }

    @Test
    void shouldWithdrawTheListWhenTheGuestWithdrawsConsentForTheChannel() {
        // given
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, guest(GUEST, 0, 1, List.of()));
        scoring.sets();
        scoring.changes();
        // when
        GuestProfile noWeb = GuestProfile.newBuilder(guest(GUEST, 0, 2, List.of())).setAllowedChannels(List.of()).build();
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, noWeb);
        // then: a tombstone and a change that removes everything
        assertThat(scoring.sets()).isEmpty();
        RecommendationChange change = onlyChange();
        assertThat(change.getReason()).isEqualTo(RecommendationChangeReason.CONSENT_CHANGED);
        assertThat(change.getConcertIds()).isEmpty();
        assertThat(change.getRemovedConcertIds()).hasSize(3);
    }

    @Test
    void shouldGiveAHeldOutGuestTheControlList() {
        // given: a guest id the holdout takes
        String heldOut = holdoutGuest();
        // when
        scoring.pipe(scoring.topics.guestProfiles(), heldOut, guest(heldOut, 0, 1, List.of()));
        // then
        RecommendationSet set = scoring.sets().get(heldOut + "|WEB");
        assertThat(set.getHoldout()).isTrue();
        assertThat(set.getArm()).isEqualTo("control");
        assertThat(set.getArmPropensity()).isNull();
    }

    @Test
    void shouldCreditAClickToTheArmOfTheRecommendationItAnswers() {
        // given: a published list
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, guest(GUEST, 0, 1, List.of()));
        RecommendationSet set = scoring.sets().get(WEB);
        // when: the guest clicks a recommended concert, carrying the list's id
        scoring.pipe(scoring.topics.clickEvents(), "COOKIE:c", ScoringFixtures.click("k1", "jazz-1",
                set.getRecommendationId(), scoring.wallClock().plusSeconds(30)));
        // then: one trial and a click's reward for concept-match in WEB|prospect
        ArmState arm = scoring.signal("a:WEB|prospect").getArms().get(ConceptMatchModel.NAME);
        assertThat(arm.getSelections()).isEqualTo(1);
        assertThat(arm.getAlpha()).isEqualTo(1.3, within(1e-9));
        assertThat(arm.getBeta()).isEqualTo(1.7, within(1e-9));
    }

    @Test
    void shouldCountAPurchaseOnlyOnceWhenItFollowsAClickOnTheSameList() {
        // given
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, guest(GUEST, 0, 1, List.of()));
        String id = scoring.sets().get(WEB).getRecommendationId();
        scoring.pipe(scoring.topics.clickEvents(), "COOKIE:c", ScoringFixtures.click("k1", "jazz-1", id,
                scoring.wallClock().plusSeconds(30)));
        // when: the purchase arrives, then the same click again
        scoring.pipe(scoring.topics.ticketSales(), GUEST, ScoringFixtures.purchase("p1", "jazz-1", id,
                scoring.wallClock().plusSeconds(60)));
        scoring.pipe(scoring.topics.clickEvents(), "COOKIE:c", ScoringFixtures.click("k2", "jazz-1", id,
                scoring.wallClock().plusSeconds(90)));
        // then: the list's reward is the purchase's 1, not 1.3 or 2.3
        ArmState arm = scoring.signal("a:WEB|prospect").getArms().get(ConceptMatchModel.NAME);
        assertThat(arm.getAlpha()).isEqualTo(2.0, within(1e-9));
        assertThat(arm.getBeta()).isEqualTo(1.0, within(1e-9));
    }

    @Test
    void shouldIgnoreFeedbackOutsideTheAttributionWindow() {
        // given
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, guest(GUEST, 0, 1, List.of()));
        String id = scoring.sets().get(WEB).getRecommendationId();
        // when: a click eight days later
        scoring.pipe(scoring.topics.clickEvents(), "COOKIE:c", ScoringFixtures.click("k1", "jazz-1", id,
                scoring.wallClock().plus(Duration.ofDays(8))));
        // then
        assertThat(scoring.signal("a:WEB|prospect").getArms().get(ConceptMatchModel.NAME).getAlpha()).isEqualTo(1.0);
    }

    @Test
    void shouldCountAnExposureAsOneTrialWithOneRewardHoweverOftenItsListChanges() {
        // given: a list, then a new taste that changes it within the exposure window
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, guest(GUEST, 0, 1, List.of()));
        RecommendationSet first = scoring.sets().get(WEB);
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, guest(GUEST, 3, 2, List.of()));
        RecommendationSet second = scoring.sets().get(WEB);
        assertThat(second.getItems()).extracting(RecommendationItem::getConcertId).startsWith("indie");
        // when: the guest answers both lists, a click on the first and a purchase from the second
        scoring.pipe(scoring.topics.clickEvents(), "COOKIE:c", ScoringFixtures.click("k1", "jazz-1",
                first.getRecommendationId(), scoring.wallClock().plusSeconds(30)));
        scoring.pipe(scoring.topics.ticketSales(), GUEST, ScoringFixtures.purchase("p1", "indie",
                second.getRecommendationId(), scoring.wallClock().plusSeconds(60)));
        // then: two lists with their own ids in one exposure under one arm, one trial, the purchase's reward
        assertThat(second.getRecommendationId()).isNotEqualTo(first.getRecommendationId());
        assertThat(exposure(second)).isEqualTo(exposure(first));
        assertThat(second.getArm()).isEqualTo(first.getArm());
        ArmState arm = scoring.signal("a:WEB|prospect").getArms().get(ConceptMatchModel.NAME);
        assertThat(arm.getSelections()).isEqualTo(1);
        assertThat(arm.getAlpha()).isEqualTo(2.0, within(1e-9));
        assertThat(arm.getBeta()).isEqualTo(1.0, within(1e-9));
    }

    @Test
    void shouldStartANewExposureWithTheUnchangedListOnceTheWindowHasClosed() {
        // given
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, guest(GUEST, 0, 1, List.of()));
        RecommendationSet first = scoring.sets().get(WEB);
        scoring.changes();
        // when: after the exposure window the guest views a page, which re-scores it to the same list
        scoring.advanceWallClock(ScoringSettings.EXPOSURE_WINDOW_DEFAULT.plusSeconds(1));
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, webVisits(guest(GUEST, 0, 2, List.of()), 1));
        // then: the same concerts published again under the new exposure's id, a second trial, no change event
        RecommendationSet again = scoring.sets().get(WEB);
        assertThat(ids(again)).isEqualTo(ids(first));
        assertThat(exposure(again)).isNotEqualTo(exposure(first));
        assertThat(scoring.changes()).isEmpty();
        assertThat(scoring.signal("a:WEB|prospect").getArms().get(ConceptMatchModel.NAME).getSelections()).isEqualTo(2);
    }

    @Test
    void shouldKeepTheExposureThroughCatalogueSweepsUntilTheGuestIsActiveAgain() {
        // given: a list whose exposure window has closed
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, guest(GUEST, 1, 1, List.of()));
        RecommendationSet first = scoring.sets().get(WEB);
        scoring.advanceWallClock(ScoringSettings.EXPOSURE_WINDOW_DEFAULT.plusSeconds(1));
        // when: a catalogue change re-scores the guest, who has not been active since
        addConcert("drums-2", "Snorre Kirk", 1, 20, ConcertStatus.ON_SALE);
        scoring.advanceWallClock(Duration.ofSeconds(2));
        // then: the changed list is still the first exposure's, and no trial was added
        RecommendationSet swept = scoring.sets().get(WEB);
        assertThat(ids(swept)).contains("drums-2");
        assertThat(exposure(swept)).isEqualTo(exposure(first));
        assertThat(scoring.signal("a:WEB|prospect").getArms().get(ConceptMatchModel.NAME).getSelections()).isEqualTo(1);
    }

    @Test
    void shouldNotStartAWebExposureWithActivityOnAnotherChannel() {
        // given: a list whose exposure window has closed
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, guest(GUEST, 0, 1, List.of()));
        RecommendationSet first = scoring.sets().get(WEB);
        scoring.advanceWallClock(ScoringSettings.EXPOSURE_WINDOW_DEFAULT.plusSeconds(1));
        // when: the guest sees an ad, and its taste moves the web list
        GuestProfile sawAnAd = GuestProfile.newBuilder(guest(GUEST, 3, 2, List.of()))
                .setChannelResponsiveness(List.of(ChannelResponse.newBuilder().setChannel(Channel.ADS).setExposures(1)
                        .build())).build();
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, sawAnAd);
        // then: the web list changed within the same exposure
        RecommendationSet changed = scoring.sets().get(WEB);
        assertThat(ids(changed)).isNotEqualTo(ids(first));
        assertThat(exposure(changed)).isEqualTo(exposure(first));
        assertThat(scoring.signal("a:WEB|prospect").getArms().get(ConceptMatchModel.NAME).getSelections()).isEqualTo(1);
    }

    @Test
    void shouldKeepTheBanditsArmForTheExposureWhenItsModelHasNothingToGoOnYet() {
        // given: a guest without a taste yet, so concept match has no opinion
        List<Float> none = new java.util.ArrayList<>(java.util.Collections.nCopies(ScoringFixtures.DIMENSION, 0f));
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, GuestProfile.newBuilder(guest(GUEST, 0, 1, List.of()))
                .setTasteVector(none).build());
        RecommendationSet fallback = scoring.sets().get(WEB);
        // when: the guest's activity gives it a taste within the exposure (the symphony, not in the first list)
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, guest(GUEST, 2, 2, List.of()));
        // then: the first list came from the non-personalized fallback, both are the chosen arm's exposure
        assertThat(fallback.getArm()).isEqualTo(ConceptMatchModel.NAME);
        assertThat(fallback.getItems()).extracting(RecommendationItem::getModel).doesNotContain(ConceptMatchModel.NAME);
        RecommendationSet personal = scoring.sets().get(WEB);
        assertThat(personal.getItems().get(0).getConcertId()).isEqualTo("symph");
        assertThat(personal.getItems().get(0).getModel()).isEqualTo(ConceptMatchModel.NAME);
        assertThat(exposure(personal)).isEqualTo(exposure(fallback));
        assertThat(scoring.signal("a:WEB|prospect").getArms().get(ConceptMatchModel.NAME).getSelections()).isEqualTo(1);
    }

    @Test
    void shouldCountTheHoldoutsExposuresLikeEveryoneElses() {
        // given: a held-out guest whose control list does not follow its taste
        String heldOut = holdoutGuest();
        scoring.pipe(scoring.topics.guestProfiles(), heldOut, guest(heldOut, 0, 1, List.of()));
        scoring.pipe(scoring.topics.guestProfiles(), heldOut, guest(heldOut, 3, 2, List.of()));
        assertThat(scoring.signal("a:WEB|prospect").getArms().get("control").getSelections()).isEqualTo(1);
        // when: the guest visits the site after the window
        scoring.advanceWallClock(ScoringSettings.EXPOSURE_WINDOW_DEFAULT.plusSeconds(1));
        scoring.pipe(scoring.topics.guestProfiles(), heldOut, webVisits(guest(heldOut, 3, 3, List.of()), 1));
        // then: a trial per window, as for a personalized guest, not per list
        assertThat(scoring.signal("a:WEB|prospect").getArms().get("control").getSelections()).isEqualTo(2);
    }

    @Test
    void shouldLearnSalesVelocityAndCoPurchasesWhenAProfileShowsANewPurchase() {
        // given: a guest who already holds tickets for jazz-1
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, guest(GUEST, 0, 1, List.of("jazz-1")));
        // when: the next profile shows a purchase of drums too
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, guest(GUEST, 0, 2, List.of("jazz-1", "drums")));
        // then
        SharedSignal drums = scoring.signal("c:drums");
        assertThat(drums.getVelocity()).isEqualTo(1.0, within(1e-9));
        assertThat(drums.getGroupVelocity()).containsEntry("prospect", 1.0);
        assertThat(drums.getNeighbours()).containsOnlyKeys("jazz-1");
        assertThat(scoring.signal("c:jazz-1").getNeighbours()).containsOnlyKeys("drums");
    }

    @Test
    void shouldPutAGuestWithAdConsentInTheAudiencesOfItsAdListWithHashedKeysOnly() {
        // given: a guest who allows ads, known by a hashed e-mail and a cookie
        GuestProfile withAds = GuestProfile.newBuilder(guest(GUEST, 0, 1, List.of()))
                .setAllowedChannels(List.of(Channel.WEB, Channel.ADS))
                .setAliases(List.of(new GuestIdentifier(IdentifierType.EMAIL_SHA256, "5e88"),
                        new GuestIdentifier(IdentifierType.COOKIE, "c-9"))).build();
        // when
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, withAds);
        // then: the ad list's concerts have the guest in their audience, matched by the hash alone
        Map<String, ConcertAudience> audiences = publishedAudiences();
        assertThat(audiences).containsKeys("jazz-1", "jazz-2");
        AudienceMember member = audiences.get("jazz-1").getMembers().get(0);
        assertThat(member.getGuestId()).isEqualTo(GUEST);
        assertThat(member.getMatchKeys()).containsExactly(new GuestIdentifier(IdentifierType.EMAIL_SHA256, "5e88"));
        assertThat(audiences.get("jazz-1").getAdded()).hasSize(1);
    }

    @Test
    void shouldTakeTheGuestOutOfEveryAudienceWhenAdConsentIsWithdrawn() {
        // given
        GuestProfile withAds = GuestProfile.newBuilder(guest(GUEST, 0, 1, List.of()))
                .setAllowedChannels(List.of(Channel.WEB, Channel.ADS)).build();
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, withAds);
        publishedAudiences();
        // when
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, GuestProfile.newBuilder(withAds).setVersion(2)
                .setAllowedChannels(List.of(Channel.WEB)).build());
        // then
        Map<String, ConcertAudience> audiences = publishedAudiences();
        assertThat(audiences).containsKeys("jazz-1", "jazz-2");
        assertThat(audiences.values()).allSatisfy(audience -> {
            assertThat(audience.getMembers()).isEmpty();
            assertThat(audience.getRemoved()).extracting(AudienceMember::getGuestId).containsExactly(GUEST);
        });
    }

    @Test
    void shouldRepublishTheAudiencesOfAnErasedGuestSoTheirLastVersionDoesNotNameIt() {
        // given
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, GuestProfile.newBuilder(guest(GUEST, 0, 1, List.of()))
                .setAllowedChannels(List.of(Channel.WEB, Channel.ADS)).build());
        assertThat(publishedAudiences()).containsKeys("jazz-1", "jazz-2");
        // when: erased
        scoring.pipeErasure(GUEST, "erase-1");
        // then: first the removal, which the ad sink applies ...
        Map<String, ConcertAudience> removal = publishedAudiences();
        assertThat(removal.get("jazz-1").getRemoved()).extracting(AudienceMember::getGuestId).containsExactly(GUEST);
        // ... then, an interval later, versions that name the guest nowhere: the compacted topic's last record
        List<ConcertAudience> settled = settledAudiences();
        assertThat(settled).extracting(ConcertAudience::getConcertId).containsExactlyInAnyOrderElementsOf(removal.keySet());
        assertThat(settled).allSatisfy(audience -> {
            assertThat(audience.getMembers()).isEmpty();
            assertThat(audience.getAdded()).isEmpty();
            assertThat(audience.getRemoved()).isEmpty();
            assertThat(audience.getPreviousVersion()).isEqualTo(audience.getVersion() - 1);
        });
        // and the store keeps no trace either; nothing more is published
        KeyValueStore<String, ConcertAudience> store = scoring.driver.getKeyValueStore(ScoringNames.STORE_AUDIENCES);
        assertThat(store.get("jazz-1").toString()).doesNotContain(GUEST);
        assertThat(settledAudiences()).isEmpty();
    }

    @Test
    void shouldPublishAConcertsAudienceOncePerIntervalWithEveryChangeOfTheInterval() {
        // given: three guests with ad consent and the same taste arrive within one interval
        for (String guest : List.of("GUEST_ID:a", "GUEST_ID:b", "GUEST_ID:c")) {
            scoring.pipe(scoring.topics.guestProfiles(), guest, GuestProfile.newBuilder(guest(guest, 0, 1, List.of()))
                    .setAllowedChannels(List.of(Channel.WEB, Channel.ADS)).build());
        }
        assertThat(scoring.audiences()).as("nothing before the interval has passed").isEmpty();
        // when
        scoring.advanceWallClock(ScoringSettings.AUDIENCE_PUBLISH_INTERVAL_DEFAULT);
        // then: one version per concert, with all three members added at once
        List<ConcertAudience> jazz = scoring.audienceRecords().stream()
                .filter(audience -> audience.getConcertId().equals("jazz-1")).toList();
        assertThat(jazz).hasSize(1);
        assertThat(jazz.get(0).getVersion()).isEqualTo(1);
        assertThat(jazz.get(0).getAdded()).extracting(AudienceMember::getGuestId)
                .containsExactlyInAnyOrder("GUEST_ID:a", "GUEST_ID:b", "GUEST_ID:c");
    }

    @Test
    void shouldAddALookAlikeToTheAudienceOfWhatGuestsWithTheSameTasteBought() {
        // given: a guest who likes taste 1 buys the symphony concert (taste 2), which taste-1 lists do not show
        scoring.pipe(scoring.topics.guestProfiles(), "GUEST_ID:buyer", guest("GUEST_ID:buyer", 1, 1, List.of()));
        scoring.pipe(scoring.topics.guestProfiles(), "GUEST_ID:buyer", guest("GUEST_ID:buyer", 1, 2, List.of("symph")));
        publishedAudiences();
        // when: another taste-1 guest, who allows ads, arrives
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, GuestProfile.newBuilder(guest(GUEST, 1, 1, List.of()))
                .setAllowedChannels(List.of(Channel.WEB, Channel.ADS)).build());
        // then: a look-alike member of the symphony's audience, though not on the guest's own ad list
        assertThat(publishedAudiences().get("symph").getMembers())
                .anySatisfy(member -> {
                    assertThat(member.getGuestId()).isEqualTo(GUEST);
                    assertThat(member.getLookalike()).isTrue();
                });
    }

    @Test
    void shouldLeaveTheSurvivorsClaimOnAnAliasWhenTheMergedGuestIsTombstonedAfterIt() {
        // given: an anonymous visitor, then the known guest it merged into, claiming its cookie
        scoring.pipe(scoring.topics.guestProfiles(), "COOKIE:c", guest("COOKIE:c", 0, 1, List.of()));
        scoring.pipe(scoring.topics.guestProfiles(), GUEST, GuestProfile.newBuilder(guest(GUEST, 0, 2, List.of()))
                .setAliases(List.of(new GuestIdentifier(IdentifierType.COOKIE, "c"))).build());
        // when: the visitor's profile is tombstoned after the survivor's claim (another task, any order)
        scoring.pipe(scoring.topics.guestProfiles(), "COOKIE:c", null);
        // then: only the survivor claims the cookie
        var aliases = scoring.driver.<String, AliasTarget>getTimestampedKeyValueStore(ScoringNames.STORE_ALIASES_GLOBAL);
        assertThat(aliases.get("COOKIE:c\u001f" + GUEST)).isNotNull();
        assertThat(aliases.get("COOKIE:c\u001fCOOKIE:c")).isNull();
        assertThat(aliases.get(GUEST + "\u001f" + GUEST).value().getGuestId()).isEqualTo(GUEST);
    }

    private static String exposure(RecommendationSet set) {
        return RecommendationIds.parse(set.getRecommendationId()).orElseThrow().exposure();
    }

    private static List<String> ids(RecommendationSet set) {
        return set.getItems().stream().map(RecommendationItem::getConcertId).toList();
    }

    private List<ConcertAudience> settledAudiences() {
        scoring.advanceWallClock(ScoringSettings.AUDIENCE_PUBLISH_INTERVAL_DEFAULT);
        return scoring.audienceRecords();
    }

    /** The audiences published once the aggregator's interval has passed. */
    private Map<String, ConcertAudience> publishedAudiences() {
        scoring.advanceWallClock(ScoringSettings.AUDIENCE_PUBLISH_INTERVAL_DEFAULT);
        return scoring.audiences();
    }

    /** The profile of a guest who has viewed {@code pages} pages of the site. */
    private static GuestProfile webVisits(GuestProfile profile, long pages) {
        return GuestProfile.newBuilder(profile).setChannelResponsiveness(List.of(ChannelResponse.newBuilder()
                .setChannel(Channel.WEB).setExposures(pages).setOpens(pages).build())).build();
    }

    private Concert withSeats(int seats, long version) {
        return Concert.newBuilder(concert("jazz-1", "Gregory Porter", T0.plus(Duration.ofDays(10)).plus(Duration.ofHours(1)),
                ConcertStatus.ON_SALE)).setSeatsAvailable(seats).setVersion(version).build();
    }

    private String holdoutGuest() {
        Holdout holdout = new Holdout(scoring.settings.holdoutShare());
        for (int i = 0; ; i++) {
            if (holdout.isHoldout("GUEST_ID:h-" + i)) {
                return "GUEST_ID:h-" + i;
            }
        }
    }

    private void addConcert(String id, String performer, int axis, int daysAhead, ConcertStatus status) {
        scoring.pipe(scoring.topics.concerts(), id, concert(id, performer,
                scoring.wallClock().plus(Duration.ofDays(daysAhead)).plus(Duration.ofHours(1)), status));
        scoring.pipe(scoring.topics.concertProfiles(), id, profile(id, performer, axis));
    }

    private RecommendationChange onlyChange() {
        List<RecommendationChange> changes = scoring.changes();
        assertThat(changes).hasSize(1);
        return changes.get(0);
    }
}
