package io.encore.scoring.model;

import java.time.Instant;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.encore.schemas.avro.ReasonCode;
import io.encore.schemas.avro.RecommendationReason;
import io.encore.scoring.catalogue.Catalogue;

/**
 * The public-service arm: room for new and untried artists, offered to guests whose broader taste they still
 * fit, so that discovery does not become noise. Artists new to the hall get full novelty; other concerts only
 * a small base, shrinking with how many of their performers the guest already follows.
 *
 * <p>Scale: [0, 1], {@code novelty × max(0, cosine(taste, concert))} with novelty 1 for concerts
 * {@link Catalogue#newToVenue new to the venue}, otherwise {@code base × (1 − familiarity)}, familiarity being
 * the share of the concert's performers and composers among the guest's performer or composer concepts. 0
 * everywhere for a guest without a taste: novelty alone would be a random pick.
 *
 * <p>Reasons: {@code NEW_ON_SALE} "New to the hall: Marilyn Mazur" (the first performer the guest does not yet
 * follow) for concerts new to the venue; {@code SIMILAR_CONTENT} "New to you, close to what you like: …" for
 * others the guest's taste reaches.
 */
public final class DiscoveryModel implements ScoringModel {

    public static final String NAME = "discovery";

    /** Novelty of a concert neither new to the venue nor to the guest. */
    public static final float DEFAULT_FAMILIAR_BASE = 0.2f;

    private final float familiarBase;

    public DiscoveryModel() {
        this(DEFAULT_FAMILIAR_BASE);
    }

    /** {@code familiarBase} in [0, 1]: the novelty of concerts not new to the venue, before familiarity. */
    public DiscoveryModel(float familiarBase) {
        if (!(familiarBase >= 0f && familiarBase <= 1f)) {
            throw new IllegalArgumentException("familiar base must be in [0, 1]: " + familiarBase);
        }
        this.familiarBase = familiarBase;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void score(GuestView guest, Catalogue catalogue, BitSet eligible, Instant now, float[] scores) {
        int dimension = catalogue.dimension();
        float[] taste = guest.taste();
        float inverseNorm = Kernel.inverseNorm(taste, dimension);
        Set<String> followed = inverseNorm == 0f ? Set.of() : followedNames(guest.concepts());
        float[] vectors = catalogue.vectors();
        for (int i = eligible.nextSetBit(0); i >= 0; i = eligible.nextSetBit(i + 1)) {
            float cosine = inverseNorm == 0f ? 0f : Kernel.dot(taste, 0, vectors, i * dimension, dimension) * inverseNorm;
            scores[i] = cosine > 0f ? novelty(catalogue, i, followed) * cosine : 0f;
        }
    }

    @Override
    public List<RecommendationReason> explain(GuestView guest, Catalogue catalogue, int concert, Instant now) {
        Set<String> followed = followedNames(guest.concepts());
        float score = novelty(catalogue, concert, followed) * Kernel.cosine(guest.taste(), catalogue, concert);
        if (!(score > 0f)) {
            return List.of();
        }
        String newcomer = firstUnfollowed(catalogue.performers(concert), followed);
        String shown = newcomer == null ? null : ConceptKeys.titleCase(newcomer);
        if (catalogue.newToVenue(concert)) {
            return List.of(Reasons.of(ReasonCode.NEW_ON_SALE,
                    shown == null ? "New to the hall" : "New to the hall: " + shown, newcomer));
        }
        return List.of(Reasons.of(ReasonCode.SIMILAR_CONTENT,
                shown == null ? "New to you, close to what you like" : "New to you, close to what you like: " + shown,
                newcomer));
    }

    private float novelty(Catalogue catalogue, int concert, Set<String> followed) {
        if (catalogue.newToVenue(concert)) {
            return 1f;
        }
        String[] performers = catalogue.performers(concert);
        if (performers.length == 0) {
            return familiarBase;
        }
        int known = 0;
        for (String performer : performers) {
            if (followed.contains(performer)) {
                known++;
            }
        }
        return familiarBase * (1f - (float) known / performers.length);
    }

    /** Names of the guest's performer and composer concepts: the catalogue lists both as performers. */
    private static Set<String> followedNames(Map<String, Float> concepts) {
        Set<String> names = new HashSet<>();
        for (Map.Entry<String, Float> entry : concepts.entrySet()) {
            String key = entry.getKey();
            if (entry.getValue() > 0f && (key.startsWith(ConceptKeys.PERFORMER) || key.startsWith(ConceptKeys.COMPOSER))) {
                names.add(ConceptKeys.name(key));
            }
        }
        return names;
    }

    private static String firstUnfollowed(String[] performers, Set<String> followed) {
        for (String performer : performers) {
            if (!followed.contains(performer)) {
                return performer;
            }
        }
        return performers.length == 0 ? null : performers[0];
    }
}
