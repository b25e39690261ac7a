package io.encore.scoring.processor;

import java.util.Set;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import io.encore.runtime.errors.RejectedRecordException;
import io.encore.schemas.avro.Campaign;
import io.encore.schemas.avro.Channel;

/**
 * Checks each campaign request and forwards it, keyed by its id, to the private campaigns topic; the sink
 * writes it to every partition (like the catalogue), so every task selects recipients among the guests it
 * owns. Tombstones carry no campaign and are dropped; a request that cannot be run as asked is rejected to
 * the dead-letter topic with the reason, once, here, rather than ignored by every task.
 */
public final class CampaignBroadcaster implements Processor<String, Campaign, String, Campaign> {

    /** The channels a campaign can be selected for: the ones with a send record and a sink. */
    public static final Set<Channel> CHANNELS = Set.of(Channel.EMAIL, Channel.PRINT);

    private ProcessorContext<String, Campaign> context;

    @Override
    public void init(ProcessorContext<String, Campaign> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, Campaign> record) {
        Campaign campaign = record.value();
        if (campaign == null) {
            return;
        }
        check(campaign);
        context.forward(record.withKey(campaign.getCampaignId()));
    }

    /** Throws {@link RejectedRecordException} naming the first field that makes the campaign unrunnable. */
    static void check(Campaign campaign) {
        String id = campaign.getCampaignId();
        if (id == null || id.isBlank()) {
            throw new RejectedRecordException("campaign without a campaignId");
        }
        if (!CHANNELS.contains(campaign.getChannel())) {
            throw new RejectedRecordException("campaign " + id + ": channel " + campaign.getChannel()
                    + " is not one campaigns are selected for (EMAIL, PRINT)");
        }
        if (campaign.getMaxItemsPerRecipient() < 1) {
            throw new RejectedRecordException("campaign " + id + ": maxItemsPerRecipient "
                    + campaign.getMaxItemsPerRecipient() + " is below 1");
        }
        double threshold = campaign.getRelevanceThreshold();
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new RejectedRecordException("campaign " + id + ": relevanceThreshold " + threshold
                    + " is outside [0, 1]");
        }
        if (campaign.getLanguage() != null && !campaign.getLanguage().matches("[a-z]{2}")) {
            throw new RejectedRecordException("campaign " + id + ": language '" + campaign.getLanguage()
                    + "' is not a lower-case ISO 639-1 code");
        }
        if (campaign.getWindowStart() != null && campaign.getWindowEnd() != null
                && !campaign.getWindowEnd().isAfter(campaign.getWindowStart())) {
            throw new RejectedRecordException("campaign " + id + ": windowEnd is not after windowStart");
        }
        if (campaign.getSubject() == null || campaign.getSubject().isBlank()) {
            throw new RejectedRecordException("campaign " + id + ": subject is blank");
        }
    }
}
