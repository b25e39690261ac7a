package io.encore.connectors.ads;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalizes and hashes contact identifiers the way the large ad platforms match them: the SHA-256 of the
 * normalized value, as 64 lower-case hex characters. Normalization must be exact, or a hash never matches
 * the platform's own hash of the same address; so anything that cannot be normalized is rejected rather
 * than hashed as is.
 *
 * <p>Encore's audiences already carry hashed e-mails; {@link #email} and {@link #phone} are for callers that
 * hold raw contacts (a CRM export, the box office) and must hash them before they leave.
 */
public final class Hashing {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    /** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    /** Separators people type in phone numbers; anything else (letters, dots, extensions) is rejected. */
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s\\-()]");
    private static final Pattern EMAIL_SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private Hashing() {
    }

    /** The hash of an e-mail address: trimmed, lower-cased (root locale), SHA-256, lower-case hex. */
    public static String email(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("e-mail address is null");
        }
        String normalized = raw.trim().toLowerCase(Locale.ROOT);
        if (!EMAIL_SHAPE.matcher(normalized).matches()) {
            throw new IllegalArgumentException("not an e-mail address (expected local@domain)");
        }
        return sha256Hex(normalized);
    }

    /**
     * The hash of a phone number in E.164 form ({@code +<country code><number>}): spaces, dashes and
     * parentheses are removed; a number without its leading {@code +} and country code is rejected, since
     * guessing the country would hash the wrong number.
     */
    public static String phone(String raw) {
        return sha256Hex(e164(raw));
    }

    /** The E.164 form of {@code raw}, or an {@link IllegalArgumentException} saying why there is none. */
    public static String e164(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("phone number is null");
        }
        String normalized = PHONE_SEPARATORS.matcher(raw).replaceAll("");
        if (!E164.matcher(normalized).matches()) {
            throw new IllegalArgumentException(
                    "not an E.164 phone number (expected + country code and up to 15 digits)");
        }
        return normalized;
    }

    /** SHA-256 of the UTF-8 bytes of {@code value}, as 64 lower-case hex characters. */
    public static String sha256Hex(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (java.security.MessageDigest Javadoc).
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Whether {@code value} looks like a SHA-256 hash as ad platforms accept it: exactly 64 lower-case hex. */
    public static boolean isSha256Hex(String value) {
        return value != null && SHA256_HEX.matcher(value).matches();
    }
}
