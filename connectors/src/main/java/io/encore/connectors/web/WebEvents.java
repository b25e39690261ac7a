package io.encore.connectors.web;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

import io.encore.connectors.common.EncoreRecordDecoder;
import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.GuestProfile;
import io.encore.schemas.avro.RecommendationSet;
import io.encore.schemas.topic.GuestKeys;

/**
 * Reads one sink record as a {@link WebEvent}: empty for a record the web has no use for (another channel's
 * set), {@link DataException} for one that cannot be read (it becomes an errant record).
 */
final class WebEvents {

    private static final String WEB_SUFFIX = "|" + Channel.WEB.name();

    private final String recommendationsTopic;
    private final String profilesTopic;
    private final EncoreRecordDecoder<RecommendationSet> sets;
    private final EncoreRecordDecoder<GuestProfile> profiles;

    WebEvents(String recommendationsTopic, String profilesTopic, EncoreRecordDecoder<RecommendationSet> sets,
              EncoreRecordDecoder<GuestProfile> profiles) {
        this.recommendationsTopic = recommendationsTopic;
        this.profilesTopic = profilesTopic;
        this.sets = sets;
        this.profiles = profiles;
    }

    Optional<WebEvent> read(SinkRecord record) {
        if (recommendationsTopic.equals(record.topic())) {
            return fromRecommendation(record);
        }
        if (profilesTopic.equals(record.topic())) {
            return Optional.of(fromProfile(record));
        }
        throw new DataException("Record " + EncoreRecordDecoder.where(record) + " is from a topic the web sink does not read");
    }

    private Optional<WebEvent> fromRecommendation(SinkRecord record) {
        String key = EncoreRecordDecoder.key(record);
        int bar = key == null ? -1 : key.lastIndexOf('|');
        if (bar <= 0) {
            throw new DataException("Key of " + EncoreRecordDecoder.where(record) + " is not <guestId>|<CHANNEL>: " + key);
        }
        if (!key.endsWith(WEB_SUFFIX)) {
            return Optional.empty();
        }
        String guestId = key.substring(0, bar);
        RecommendationSet set = sets.decode(record);
        if (set == null) {
            return Optional.of(new WebEvent.SetWithdrawn(guestId));
        }
        if (!guestId.equals(set.getGuestId())) {
            throw new DataException("Set of " + EncoreRecordDecoder.where(record) + " belongs to guest '" + set.getGuestId()
                    + "' but its key names '" + guestId + "'");
        }
        return Optional.of(new WebEvent.SetPublished(guestId, WebSetJson.render(set)));
    }

    private WebEvent fromProfile(SinkRecord record) {
        String guestId = EncoreRecordDecoder.key(record);
        if (guestId == null || guestId.isBlank()) {
            throw new DataException("Profile at " + EncoreRecordDecoder.where(record) + " has no key");
        }
        GuestProfile profile = profiles.decode(record);
        if (profile == null) {
            return new WebEvent.ProfileRemoved(guestId);
        }
        Set<String> aliases = new LinkedHashSet<>();
        for (GuestIdentifier alias : profile.getAliases()) {
            String aliasKey = GuestKeys.key(alias);
            // The guest's own id is written under set:<guestId> already; unusable identifiers are skipped.
            if (GuestKeys.problem(alias).isEmpty() && !aliasKey.equals(guestId)) {
                aliases.add(aliasKey);
            }
        }
        return new WebEvent.ProfileUpdated(guestId, aliases);
    }
}
