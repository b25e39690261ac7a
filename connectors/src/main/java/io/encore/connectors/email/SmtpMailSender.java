package io.encore.connectors.email;

import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;

/**
 * One SMTP connection, opened on first use and reopened after a failure. Not thread-safe: a task uses it
 * from its own thread only.
 */
final class SmtpMailSender implements AutoCloseable {

    private final Session session;
    private final EmailSinkConnectorConfig config;
    private Transport transport;

    SmtpMailSender(EmailSinkConnectorConfig config) {
        this.config = config;
        this.session = Session.getInstance(properties(config));
    }

    Session session() {
        return session;
    }

    /** Sends to the message's recipients; after a failure the connection is closed and the next send reconnects. */
    void send(Message message) throws MessagingException {
        try {
            if (transport == null || !transport.isConnected()) {
                closeQuietly();
                transport = session.getTransport(config.ssl() ? "smtps" : "smtp");
                String user = config.smtpUsername();
                transport.connect(config.smtpHost(), config.smtpPort(), user.isEmpty() ? null : user,
                        user.isEmpty() ? null : config.smtpPassword());
            }
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException | RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    private void closeQuietly() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException alreadyBroken) {
                // The connection is being discarded after a failure; the failure itself is what the caller sees.
            }
            transport = null;
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private static Properties properties(EmailSinkConnectorConfig config) {
        String protocol = config.ssl() ? "smtps" : "smtp";
        String timeout = Long.toString(config.smtpTimeout().toMillis());
        Properties props = new Properties();
        props.put("mail.transport.protocol", protocol);
        props.put("mail." + protocol + ".host", config.smtpHost());
        props.put("mail." + protocol + ".port", Integer.toString(config.smtpPort()));
        props.put("mail." + protocol + ".auth", Boolean.toString(!config.smtpUsername().isEmpty()));
        props.put("mail." + protocol + ".connectiontimeout", timeout);
        props.put("mail." + protocol + ".timeout", timeout);
        props.put("mail." + protocol + ".writetimeout", timeout);
        props.put("mail." + protocol + ".from", config.from().getAddress());
        if (config.startTls()) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        if (config.ssl() || config.startTls()) {
            // Jakarta Mail checks the server's name against its certificate only when asked.
            props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
            config.trustedSocketFactory().ifPresent(factory -> props.put("mail." + protocol + ".ssl.socketFactory", factory));
        }
        return props;
    }
}
