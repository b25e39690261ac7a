package io.encore.stack.standin;

import java.time.Instant;
import java.util.List;

/**
 * One e-mail the local SMTP server received, as a page or a test reads it.
 *
 * @param messageId   the Message-ID header ({@code <sendId@encore>} for Encore's e-mails)
 * @param sendId      the {@code X-Encore-Send-Id} header, or null
 * @param from        sender addresses
 * @param to          recipient addresses
 * @param unsubscribe the {@code List-Unsubscribe} header, or null
 * @param text        the text/plain body, or null
 * @param html        the text/html body, or null
 * @param sentAt      the Date header, or null
 */
public record CapturedEmail(String messageId, String sendId, List<String> from, List<String> to, String subject,
                            String unsubscribe, String text, String html, Instant sentAt) {

    public CapturedEmail {
        from = List.copyOf(from);
        to = List.copyOf(to);
    }
}
