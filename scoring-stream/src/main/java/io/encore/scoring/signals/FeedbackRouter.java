package io.encore.scoring.signals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import io.encore.schemas.avro.AdInteraction;
import io.encore.schemas.avro.AdInteractionType;
import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.EmailResponse;
import io.encore.schemas.avro.EmailResponseType;
import io.encore.schemas.avro.TicketSale;
import io.encore.schemas.avro.TicketSaleType;
import io.encore.scoring.avro.SignalEvent;
import io.encore.scoring.avro.SignalType;
import io.encore.scoring.bandit.Feedback;
import io.encore.scoring.bandit.Rewards;

/**
 * Credits feedback to the list that caused it: a purchase (reward 1) or a click (reward
 * {@code clickReward}) that carries a recommendation id made by scoring-stream, within the attribution
 * window after the list's exposure started, becomes a REWARD for the arm named in the id, keyed by its bandit
 * and naming the exposure (the trial), so responses to any list of one exposure make one reward.
 * Events without such an id, or too late, are not feedback; malformed input is profile-stream's to
 * dead-letter, so it is skipped here rather than reported twice.
 */
public final class FeedbackRouter implements Processor<String, SpecificRecord, String, SignalEvent> {

    private final Rewards rewards;
    private ProcessorContext<String, SignalEvent> context;

    public FeedbackRouter(Duration attributionWindow, double clickReward) {
        this.rewards = new Rewards(Rewards.DEFAULT_PURCHASE, clickReward, attributionWindow);
    }

    @Override
    public void init(ProcessorContext<String, SignalEvent> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        feedback(record.value()).ifPresent(f -> credit(f, record.timestamp()));
    }

    private record Response(String recommendationId, Instant at, double reward) {
    }

    private Optional<Response> feedback(SpecificRecord value) {
        if (value instanceof TicketSale sale && sale.getType() == TicketSaleType.PURCHASE) {
            return feedback(sale.getRecommendationId(), sale.getOccurredAt(), rewards.of(Feedback.PURCHASE));
        }
        if (value instanceof ClickEvent click && (click.getType() == ClickType.PAGE_VIEW
                || click.getType() == ClickType.FAVOURITE || click.getType() == ClickType.SHARE)) {
            return feedback(click.getRecommendationId(), click.getOccurredAt(), rewards.of(Feedback.CLICK));
        }
        if (value instanceof EmailResponse email && email.getType() == EmailResponseType.CLICK) {
            return feedback(email.getRecommendationId(), email.getOccurredAt(), rewards.of(Feedback.CLICK));
        }
        if (value instanceof AdInteraction ad && ad.getType() == AdInteractionType.CLICK) {
            return feedback(ad.getRecommendationId(), ad.getOccurredAt(), rewards.of(Feedback.CLICK));
        }
        return Optional.empty();
    }

    private static Optional<Response> feedback(String recommendationId, Instant at, double reward) {
        return recommendationId == null || at == null ? Optional.empty()
                : Optional.of(new Response(recommendationId, at, reward));
    }

    private void credit(Response feedback, long timestamp) {
        RecommendationIds.parse(feedback.recommendationId()).ifPresent(issued -> {
            if (!rewards.attributable(issued.issuedAt(), feedback.at().toEpochMilli())) {
                return;
            }
            SignalEvent reward = SignalEvent.newBuilder().setType(SignalType.REWARD).setArm(issued.arm())
                    .setRecommendationId(issued.exposure()).setReward(feedback.reward())
                    .setAt(feedback.at().toEpochMilli()).build();
            context.forward(new Record<>(SignalKeys.bandit(issued.channel(), issued.group()), reward, timestamp));
        });
    }
}
