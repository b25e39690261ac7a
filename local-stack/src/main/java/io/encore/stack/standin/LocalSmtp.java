package io.encore.stack.standin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import io.encore.stack.Ports;

/**
 * An SMTP server that keeps every e-mail it receives in memory instead of delivering it (GreenMail), so the
 * e-mail sink can run on a laptop with real SMTP and nothing leaves the machine. No authentication, no TLS:
 * the sink connects with {@code smtp.starttls=false}.
 */
public final class LocalSmtp implements AutoCloseable {

    private final GreenMail server;
    private final String host;
    private final int port;

    private LocalSmtp(GreenMail server, String host, int port) {
        this.server = server;
        this.host = host;
        this.port = port;
    }

    /** Listens on {@code host:port} (0 picks a free port); a taken port names {@code --smtp-port}. */
    public static LocalSmtp start(String host, int port) {
        int chosen = Ports.require(host, port, "--smtp-port");
        GreenMail server = new GreenMail(new ServerSetup(chosen, host, ServerSetup.PROTOCOL_SMTP));
        server.start();
        return new LocalSmtp(server, host, chosen);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** Every e-mail received so far, oldest first. */
    public List<CapturedEmail> emails() {
        List<CapturedEmail> emails = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            emails.add(capture(message));
        }
        return emails;
    }

    /** The newest {@code limit} e-mails, newest first: the demo web app's outbox. */
    public List<CapturedEmail> latest(int limit) {
        MimeMessage[] received = server.getReceivedMessages();
        List<CapturedEmail> latest = new ArrayList<>();
        for (int i = received.length - 1; i >= 0 && latest.size() < limit; i--) {
            latest.add(capture(received[i]));
        }
        return latest;
    }

    /** How many e-mails arrived so far (cheaper than {@link #emails()}). */
    public int count() {
        return server.getReceivedMessages().length;
    }

    @Override
    public void close() {
        server.stop();
    }

    private static CapturedEmail capture(MimeMessage message) {
        try {
            Parts parts = new Parts();
            parts.collect(message.getContentType(), message.getContent());
            return new CapturedEmail(message.getMessageID(), header(message, "X-Encore-Send-Id"),
                    addresses(message.getFrom()), addresses(message.getAllRecipients()), message.getSubject(),
                    header(message, "List-Unsubscribe"), parts.text, parts.html,
                    message.getSentDate() == null ? null : message.getSentDate().toInstant());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot read a captured e-mail: " + e.getMessage(), e);
        }
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }

    /** The text and HTML bodies of a message, found in any multipart nesting. */
    private static final class Parts {
        private String text;
        private String html;

        void collect(String contentType, Object content) throws MessagingException, IOException {
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    collect(part.getContentType(), part.getContent());
                }
            } else if (content instanceof String body) {
                String type = contentType.toLowerCase(Locale.ROOT);
                if (type.startsWith("text/html") && html == null) {
                    html = body;
                } else if (type.startsWith("text/plain") && text == null) {
                    text = body;
                }
            }
        }
    }
}
