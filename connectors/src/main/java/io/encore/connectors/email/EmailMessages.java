package io.encore.connectors.email;

import java.nio.charset.StandardCharsets;
import java.util.Date;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** Builds the MIME message of a rendered e-mail: multipart/alternative (text first, then HTML), UTF-8. */
final class EmailMessages {

    static final String SEND_ID_HEADER = "X-Encore-Send-Id";

    private EmailMessages() {
    }

    /** {@code <sendId@encore>}: the same send always carries the same Message-ID. */
    static String messageId(String sendId) {
        return "<" + sendId + "@encore>";
    }

    /**
     * @throws jakarta.mail.internet.AddressException when {@code to} is not a valid address
     */
    static MimeMessage compose(Session session, InternetAddress from, String to, String sendId, RenderedEmail email,
            Date sentDate) throws MessagingException {
        InternetAddress recipient = new InternetAddress(to.trim(), true);
        MimeMessage message = new FixedIdMessage(session, messageId(sendId));
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, recipient);
        message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(sentDate);
        message.setHeader("List-Unsubscribe", email.listUnsubscribe());
        message.setHeader(SEND_ID_HEADER, sendId);
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        message.saveChanges();
        return message;
    }

    /** Jakarta Mail would generate a random Message-ID on save; this keeps the deterministic one. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
