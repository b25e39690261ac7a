package io.encore.web.operator;

import java.time.Instant;
import java.util.List;

/**
 * The e-mails the demo's SMTP capture received, newest first, for the operator view's outbox. The demo
 * implements it over its mail capture; the recipient is shown by guest and send id, never by address.
 */
@FunctionalInterface
public interface Outbox {

    /** The newest {@code limit} messages, newest first. */
    List<Message> latest(int limit);

    /** No capture: an empty outbox. */
    static Outbox none() {
        return limit -> List.of();
    }

    /**
     * One captured e-mail.
     *
     * @param sendId  the {@code X-Encore-Send-Id} (also in the Message-ID)
     * @param guestId the recipient guest, from the send; null when unknown
     * @param html    the HTML part as sent
     */
    record Message(String sendId, String guestId, String subject, String html, Instant receivedAt) {
    }
}
