package io.encore.profile.processor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.encore.profile.avro.ChannelStats;
import io.encore.profile.avro.ConsentFlags;
import io.encore.profile.avro.GuestState;
import io.encore.profile.identity.Identifiers;
import io.encore.profile.value.Rfm;
import io.encore.schemas.avro.CategoryPotential;
import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.ChannelResponse;
import io.encore.schemas.avro.ConceptKind;
import io.encore.schemas.avro.GuestHabits;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.GuestProfile;
import io.encore.schemas.avro.LifecycleSegment;
import io.encore.schemas.avro.RfmValue;
import io.encore.schemas.avro.ValueGroup;
import io.encore.schemas.avro.WeightedConcept;

/**
 * The published form of a guest's state: the {@code guest-profiles} record. Taste weights are as of the
 * guest's latest event (the decay anchor), so a replay of the same events publishes the same profile.
 */
final class ProfileView {

    static final int PUBLISHED_CONCEPTS = 20;
    static final int PUBLISHED_NEGATIVE = 10;
    static final int PUBLISHED_AFFINITIES = 15;

    private final boolean defaultProfiling;
    private final int currentWindowDays;

    ProfileView(boolean defaultProfiling, int currentWindowDays) {
        this.defaultProfiling = defaultProfiling;
        this.currentWindowDays = currentWindowDays;
    }

    GuestProfile of(GuestState state, Rfm rfm, long updatedAt) {
        boolean profiling = state.getConsent() == null ? defaultProfiling : state.getConsent().getProfiling();
        return GuestProfile.newBuilder()
                .setGuestId(state.getId())
                .setAliases(state.getAliases().stream().map(ProfileView::identifier).toList())
                .setKnown(state.getKnown())
                .setAllowedChannels(List.copyOf(allowedChannels(state.getConsent(), profiling)))
                .setProfilingAllowed(profiling)
                .setPreferredLanguage(state.getPreferredLanguage())
                .setTasteVector(state.getVector().stream().map(Double::floatValue).toList())
                .setTasteDimension(state.getVector().size())
                .setTopConcepts(concepts(state, w -> w > 0, PUBLISHED_CONCEPTS, false))
                .setNegativeConcepts(aversions(concepts(state, w -> w < 0, PUBLISHED_NEGATIVE, true)))
                .setPerformerAffinities(byKind(state, EnumSet.of(ConceptKind.PERFORMER, ConceptKind.COMPOSER, ConceptKind.WORK)))
                .setTagAffinities(byKind(state, EnumSet.of(ConceptKind.TAG)))
                .setHabits(habits(state))
                .setChannelResponsiveness(channels(state))
                .setMarketPotential(potential(state))
                .setLearnedEventCount(state.getLearnedCount())
                .setIgnoredEventCount(state.getIgnoredCount())
                .setRfm(rfm(state, rfm))
                .setSegment(LifecycleSegment.valueOf(state.getSegment()))
                .setBehaviourGroup(state.getSegment().toLowerCase(Locale.ROOT))
                .setEventCount(state.getEventCount())
                .setPurchasedConcertIds(state.getPurchased().stream()
                        .filter(concert -> state.getSeats().getOrDefault(concert, 0) > 0).toList())
                .setFirstSeenAt(instant(state.getFirstSeenAt()))
                .setLastEventAt(instant(state.getLastEventAt()))
                .setVersion(state.getVersion())
                .setUpdatedAt(Instant.ofEpochMilli(updatedAt))
                .build();
    }

    /** Channels a guest allows; without a consent record: the web only, when profiling is allowed by default. */
    static Set<Channel> allowedChannels(ConsentFlags consent, boolean profiling) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (consent == null) {
            if (profiling) {
                channels.add(Channel.WEB);
            }
            return channels;
        }
        if (consent.getWeb()) {
            channels.add(Channel.WEB);
            channels.add(Channel.APP);
        }
        if (consent.getEmail()) {
            channels.add(Channel.EMAIL);
        }
        if (consent.getAds()) {
            channels.add(Channel.ADS);
        }
        if (consent.getPrint()) {
            channels.add(Channel.PRINT);
        }
        return channels;
    }

    private static GuestIdentifier identifier(String key) {
        return Identifiers.parse(key).orElseThrow(() -> new IllegalStateException("stored alias is not an identifier"));
    }

    static List<WeightedConcept> concepts(GuestState state, Predicate<Double> keep, int limit, boolean ascending) {
        Comparator<Map.Entry<String, Double>> order = Comparator.comparingDouble(Map.Entry::getValue);
        return state.getConcepts().entrySet().stream()
                .filter(entry -> keep.test(entry.getValue()))
                .sorted((ascending ? order : order.reversed()).thenComparing(Map.Entry::getKey))
                .limit(limit)
                .map(entry -> weighted(entry.getKey(), entry.getValue()))
                .toList();
    }

    /** Negative concepts are published with the strength of the aversion, as WeightedConcept's contract says. */
    private static List<WeightedConcept> aversions(List<WeightedConcept> negative) {
        return negative.stream().map(c -> new WeightedConcept(c.getConcept(), c.getKind(), Math.abs(c.getWeight()))).toList();
    }

    /** The guest's positive concepts of some kinds; aversions are only in negativeConcepts. */
    private static List<WeightedConcept> byKind(GuestState state, Set<ConceptKind> kinds) {
        return state.getConcepts().entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .map(entry -> weighted(entry.getKey(), entry.getValue()))
                .filter(concept -> kinds.contains(concept.getKind()))
                .sorted(Comparator.comparingDouble((WeightedConcept c) -> -c.getWeight()).thenComparing(WeightedConcept::getConcept))
                .limit(PUBLISHED_AFFINITIES)
                .toList();
    }

    static WeightedConcept weighted(String key, double weight) {
        int colon = key.indexOf(':');
        ConceptKind kind;
        try {
            kind = ConceptKind.valueOf(key.substring(0, Math.max(colon, 0)).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            kind = ConceptKind.UNKNOWN;
        }
        return new WeightedConcept(key.substring(colon + 1), kind, (float) weight);
    }

    private static GuestHabits habits(GuestState state) {
        return GuestHabits.newBuilder()
                .setWeekdays(shares(state.getWeekdays()))
                .setDayparts(shares(state.getDayparts()))
                .setLeadTimes(shares(state.getLeadTimes()))
                .setHalls(shares(state.getHalls()))
                .setPriceBands(shares(state.getPriceBands()))
                .build();
    }

    /** Shares of the positive counts; a count below zero (a refund seen before its purchase) counts as zero. */
    private static List<Float> shares(List<Double> counts) {
        double total = counts.stream().mapToDouble(c -> Math.max(0, c)).sum();
        return total <= 0 ? List.of() : counts.stream().map(c -> (float) (Math.max(0, c) / total)).toList();
    }

    private static Map<String, Float> shares(Map<String, Double> counts) {
        double total = counts.values().stream().mapToDouble(c -> Math.max(0, c)).sum();
        Map<String, Float> shares = new HashMap<>();
        if (total > 0) {
            counts.forEach((key, count) -> {
                if (count > 0) {
                    shares.put(key, (float) (count / total));
                }
            });
        }
        return shares;
    }

    private static List<ChannelResponse> channels(GuestState state) {
        List<ChannelResponse> responses = new ArrayList<>();
        state.getChannels().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            ChannelStats stats = entry.getValue();
            float rate = (float) ((stats.getClicks() + 1.0) / (stats.getExposures() + 2.0));
            responses.add(new ChannelResponse(Channel.valueOf(entry.getKey()), stats.getExposures(), stats.getOpens(),
                    stats.getClicks(), stats.getNegatives(), Math.min(rate, 1f)));
        });
        return responses;
    }

    private static List<CategoryPotential> potential(GuestState state) {
        return state.getMarketSpend().entrySet().stream()
                .map(entry -> {
                    long here = Math.max(0, state.getCategorySpend().getOrDefault(entry.getKey(), 0L));
                    return new CategoryPotential(entry.getKey(), entry.getValue(), here, Math.max(0, entry.getValue() - here));
                })
                .sorted(Comparator.comparingLong(CategoryPotential::getPotentialMinor).reversed()
                        .thenComparing(CategoryPotential::getCategory))
                .toList();
    }

    private RfmValue rfm(GuestState state, Rfm rfm) {
        return RfmValue.newBuilder()
                .setRecencyDays(rfm.recencyDays())
                .setFrequencyPerMonth(rfm.frequencyPerMonth())
                .setMonetaryMinor(rfm.monetaryCurrentMinor())
                .setCurrency(state.getCurrency() == null ? "DKK" : state.getCurrency())
                .setTenureDays(tenureDays(state))
                .setMarketSpendMinor(state.getMarketSpend().isEmpty() ? null
                        : state.getMarketSpend().values().stream().mapToLong(Long::longValue).sum())
                .setWindowDays(currentWindowDays)
                .setValueGroup(ValueGroup.valueOf(state.getValueGroup()))
                .setAsOf(Instant.ofEpochMilli(state.getRfmAsOf() == null ? 0 : state.getRfmAsOf()))
                .build();
    }

    /** RFM-T tenure: whole days from the first purchase to the evaluation instant; null for a prospect. */
    private static Integer tenureDays(GuestState state) {
        if (state.getFirstPurchaseAt() == null || state.getRfmAsOf() == null) {
            return null;
        }
        return (int) Math.max(0, (state.getRfmAsOf() - state.getFirstPurchaseAt()) / 86_400_000L);
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
