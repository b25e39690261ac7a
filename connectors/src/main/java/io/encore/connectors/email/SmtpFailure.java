package io.encore.connectors.email;

import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * What a failed send means for the record. The reason never contains an e-mail address: server replies
 * often quote the recipient, and the reason ends up in logs and dead-letter headers.
 *
 * @param kind   what to do
 * @param reason a redacted description, with the SMTP reply code when there is one
 */
record SmtpFailure(Kind kind, String reason) {

    enum Kind {
        /** Connection failures and 4xx replies: retry later. */
        TRANSIENT,
        /** 5xx for this recipient or this message: the record is undeliverable, dead-letter it. */
        PERMANENT,
        /** Authentication or sender refused: every record would fail, so the task must stop. */
        FATAL
    }

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"',;:()\\[\\]]+@[^\\s<>\"',;:()\\[\\]]+");

    static SmtpFailure classify(MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return new SmtpFailure(Kind.FATAL, "SMTP authentication failed: " + redact(e.getMessage()));
        }
        if (e instanceof SendFailedException failed && hasAny(failed.getInvalidAddresses())) {
            return new SmtpFailure(Kind.PERMANENT, "recipient rejected: " + reply(failed));
        }
        if (e instanceof SMTPSendFailedException failed) {
            int code = failed.getReturnCode();
            String reason = "SMTP " + redact(failed.getCommand()) + " refused: " + redact(failed.getMessage());
            if (code >= 500 && failed.getCommand() != null && failed.getCommand().startsWith("MAIL")) {
                return new SmtpFailure(Kind.FATAL, "sender refused, check mail.from: " + reason);
            }
            return new SmtpFailure(code >= 500 ? Kind.PERMANENT : Kind.TRANSIENT, reason);
        }
        if (e instanceof SendFailedException failed && hasAny(failed.getValidUnsentAddresses())) {
            return new SmtpFailure(Kind.TRANSIENT, "recipient deferred: " + reply(failed));
        }
        return new SmtpFailure(Kind.TRANSIENT, e.getClass().getSimpleName() + ": " + redact(e.getMessage()));
    }

    /** The RCPT reply of the first address failure in the chain, e.g. {@code 550 5.1.1 user unknown}. */
    private static String reply(SendFailedException failed) {
        for (Exception next = failed.getNextException(); next != null;
                next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException address) {
                return redact(address.getMessage());
            }
        }
        return redact(failed.getMessage());
    }

    private static boolean hasAny(Address[] addresses) {
        return addresses != null && addresses.length > 0;
    }

    /** Replaces anything that looks like an e-mail address with {@code <redacted>}. */
    static String redact(String text) {
        return text == null ? "" : ADDRESS.matcher(text.strip()).replaceAll("<redacted>");
    }
}
