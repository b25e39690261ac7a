package io.encore.scoring.processor;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import io.encore.schemas.avro.Campaign;

/**
 * Forwards each campaign request, keyed by its id, to the private campaigns topic; the sink writes it to every
 * partition (like the catalogue), so every task selects recipients among the guests it owns. Tombstones and
 * records without an id carry no campaign and are dropped.
 */
public final class CampaignBroadcaster implements Processor<String, Campaign, String, Campaign> {

    private ProcessorContext<String, Campaign> context;

    @Override
    public void init(ProcessorContext<String, Campaign> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, Campaign> record) {
        Campaign campaign = record.value();
        if (campaign == null || campaign.getCampaignId() == null || campaign.getCampaignId().isBlank()) {
            return;
        }
        context.forward(record.withKey(campaign.getCampaignId()));
    }
}
