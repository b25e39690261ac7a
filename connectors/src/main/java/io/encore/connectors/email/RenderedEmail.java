package io.encore.connectors.email;

/**
 * One e-mail ready to be put on the wire.
 *
 * @param subject        subject line
 * @param text           plain-text alternative
 * @param html           HTML alternative
 * @param unsubscribeUrl the unsubscribe link, also sent as the {@code List-Unsubscribe} header
 */
public record RenderedEmail(String subject, String text, String html, String unsubscribeUrl) {

    /** The value of the {@code List-Unsubscribe} header (RFC 2369). */
    public String listUnsubscribe() {
        return "<" + unsubscribeUrl + ">";
    }
}
