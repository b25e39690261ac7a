package io.encore.web.tracking;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.encore.schemas.avro.EmailSend;

/**
 * Which guest and campaign each e-mail send belongs to, followed from {@code email-sends}: a tracking link
 * carries only the opaque send id, while the {@code EmailResponse} it produces needs the recipient's
 * identifier and the campaign id. Bounded: the oldest sends are forgotten first, and a click on a forgotten
 * send still reaches its concert page (it is only not reported).
 */
public final class SendDirectory {

    /** Sends remembered; at about 150 bytes each, 200,000 is some 30 MB. */
    public static final int DEFAULT_CAPACITY = 200_000;

    private final Map<String, Send> sends;

    /** The part of a send the tracking endpoints need; the address and name stay out. */
    public record Send(String sendId, String guestId, String campaignId) {
    }

    public SendDirectory() {
        this(DEFAULT_CAPACITY);
    }

    public SendDirectory(int capacity) {
        this.sends = new LinkedHashMap<>(1024, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Send> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized void apply(String sendId, EmailSend send) {
        if (sendId != null && send != null) {
            sends.put(sendId, new Send(sendId, send.getGuestId(), send.getCampaignId()));
        }
    }

    public synchronized Optional<Send> find(String sendId) {
        return Optional.ofNullable(sends.get(sendId));
    }

    public synchronized int size() {
        return sends.size();
    }
}
