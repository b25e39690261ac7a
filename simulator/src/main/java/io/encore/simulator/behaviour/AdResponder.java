package io.encore.simulator.behaviour;

import java.util.List;
import java.util.Optional;

import io.encore.schemas.avro.AdInteraction;
import io.encore.schemas.avro.AdInteractionType;
import io.encore.schemas.avro.AudienceMember;
import io.encore.schemas.avro.ConcertAudience;
import io.encore.schemas.avro.Device;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.topic.GuestKeys;
import io.encore.simulator.audience.Audience;
import io.encore.simulator.audience.Guest;
import io.encore.simulator.catalogue.ConcertPlan;
import io.encore.simulator.catalogue.Programme;
import io.encore.simulator.output.OutputTopic;
import io.encore.simulator.random.Draw;

/**
 * The ad platform and the guests it reaches. A member newly added to a concert's audience, matched by its
 * hashed e-mail (only members with match keys can be matched, which Encore gives only with ad consent), sees
 * the concert's ad within a day and a half with some probability, clicks it by its hidden affinity — landing
 * on the concert's page with the recommendation id — or hides it when it does not fit. Interactions are
 * exported under the hashed e-mail the platform matched.
 */
final class AdResponder {

    static final String PLATFORM = "meta";
    private static final long HOUR = 3600_000;

    private final Emitter out;
    private final Audience audience;
    private final Programme programme;
    private final GuestState[] states;
    private final Agenda agenda;
    private final WebVisits web;
    private final LoopStats stats;

    AdResponder(Emitter out, Audience audience, Programme programme, GuestState[] states, Agenda agenda, WebVisits web,
                LoopStats stats) {
        this.out = out;
        this.audience = audience;
        this.programme = programme;
        this.states = states;
        this.agenda = agenda;
        this.web = web;
        this.stats = stats;
    }

    void onAudience(String concertId, ConcertAudience update) {
        Optional<ConcertPlan> concert = programme.byId(concertId);
        if (update == null || concert.isEmpty()) {
            return;
        }
        List<AudienceMember> newcomers = update.getPreviousVersion() == null ? update.getMembers() : update.getAdded();
        for (AudienceMember member : newcomers) {
            Optional<GuestIdentifier> key = member.getMatchKeys().stream()
                    .filter(k -> k.getType() == IdentifierType.EMAIL_SHA256).findFirst();
            if (key.isEmpty()) {
                continue;
            }
            Optional<Guest> guest = audience.byIdentifier(GuestKeys.key(key.get()));
            if (guest.isEmpty()) {
                stats.unknownGuest();
                continue;
            }
            GuestState state = states[guest.get().index()];
            stats.audienceMember(state.guest.consent().ads());
            if (!state.guest.consent().ads() || !Draw.chance(state.random, Odds.adReach())) {
                continue;
            }
            long at = out.now() + (long) (state.random.nextDouble() * 36 * HOUR);
            agenda.at(at, () -> impression(state, concert.get(), member, key.get()));
        }
    }

    private void impression(GuestState state, ConcertPlan concert, AudienceMember member, GuestIdentifier matched) {
        long at = out.now();
        String recommendationId = member.getRecommendationId();
        stats.adImpression();
        emit(state, concert, member, matched, AdInteractionType.IMPRESSION, at);
        double affinity = state.guest.affinity(concert);
        if (Draw.chance(state.random, Odds.adClick(state.guest, affinity))) {
            stats.adClick();
            emit(state, concert, member, matched, AdInteractionType.CLICK, at + 5_000);
            Session landing = new Session(out, state, at + 10_000);
            landing.view(concert.url(), "https://ads.hall.example/" + PLATFORM, concert.concertId(), recommendationId);
            if (web.onConcertPage(landing, concert, recommendationId, affinity)) {
                stats.adPurchase();
            }
        } else if (Draw.chance(state.random, Odds.adHide(affinity))) {
            emit(state, concert, member, matched, AdInteractionType.HIDE, at + 5_000);
        }
    }

    private void emit(GuestState state, ConcertPlan concert, AudienceMember member, GuestIdentifier matched,
                      AdInteractionType type, long at) {
        AdInteraction interaction = AdInteraction.newBuilder()
                .setEventId(Ids.event(out.seed(), state.guest.index(), state.nextEvent())).setOccurredAt(out.stamp(at))
                .setIdentifier(matched).setType(type).setPlatform(PLATFORM).setCampaignId("encore-" + concert.concertId())
                .setAdSetId(member.getLookalike() ? "lookalike" : "audience").setAdId("ad-" + concert.concertId())
                .setConcertId(concert.concertId()).setRecommendationId(member.getRecommendationId())
                .setDevice(Draw.chance(state.random, 0.7) ? Device.MOBILE : Device.DESKTOP)
                .setSource(ReferenceData.SOURCE).build();
        out.emit(OutputTopic.AD_INTERACTIONS, GuestKeys.key(matched), interaction);
    }
}
