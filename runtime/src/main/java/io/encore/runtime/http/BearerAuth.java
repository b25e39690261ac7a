package io.encore.runtime.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Bearer tokens on an {@link HttpApi}: a query token for {@link Access#QUERY} routes, an admin token for
 * {@link Access#ADMIN} routes (and, as the stronger one, for query routes too). On unless switched off
 * explicitly with {@value #ENABLED_CONFIG}{@code =false}: an app without tokens and without that opt-out does
 * not start, so a forgotten setting can never publish the stores to the network.
 *
 * <p>Tokens are compared as SHA-256 digests with {@link MessageDigest#isEqual}, which takes the same time
 * wherever the first difference is, and the digests hide the length. The tokens themselves are held only as
 * Kafka {@link Password}s in the config (shown as {@code [hidden]}) and never logged.
 */
public final class BearerAuth {

    public static final String ENABLED_CONFIG = "encore.http.auth.enabled";
    public static final boolean ENABLED_DEFAULT = true;
    private static final String ENABLED_DOC = "Require bearer tokens on the HTTP API (health probes excepted). "
            + "Switch off only where nothing but the local machine reaches the port, as ./encore demo does.";

    public static final String TOKEN_CONFIG = "encore.http.auth.token";
    private static final String TOKEN_DOC = "Bearer token of the query endpoints (one guest's or one concert's "
            + "answer); at least " + BearerAuth.MIN_TOKEN_LENGTH + " characters of A-Z a-z 0-9 - . _ ~ + /.";

    public static final String ADMIN_TOKEN_CONFIG = "encore.http.admin.token";
    private static final String ADMIN_TOKEN_DOC = "Bearer token of the admin endpoints (/metrics, reports, "
            + "explanations); also accepted on the query endpoints. Must differ from " + TOKEN_CONFIG + ".";

    /** 16 characters of the token alphabet carry at least 96 bits when generated at random. */
    public static final int MIN_TOKEN_LENGTH = 16;
    static final int MAX_TOKEN_LENGTH = 512;
    /** RFC 6750's token68 alphabet, so a token always fits the header unescaped. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    private static final String SCHEME = "bearer ";
    private static final String CHALLENGE = "Bearer realm=\"encore\"";

    private final byte[] queryDigest;
    private final byte[] adminDigest;

    private BearerAuth(byte[] queryDigest, byte[] adminDigest) {
        this.queryDigest = queryDigest;
        this.adminDigest = adminDigest;
    }

    /** No tokens: every route is open. For the demo, tests, and servers that are not an Encore API. */
    public static BearerAuth disabled() {
        return new BearerAuth(null, null);
    }

    /**
     * Tokens on: {@code queryToken} for query routes, {@code adminToken} for admin routes and query routes.
     *
     * @throws ConfigException naming the setting when a token is missing, short, has other characters, or both are equal
     */
    public static BearerAuth of(String queryToken, String adminToken) {
        requireToken(TOKEN_CONFIG, queryToken);
        requireToken(ADMIN_TOKEN_CONFIG, adminToken);
        if (queryToken.equals(adminToken)) {
            throw new ConfigException(ADMIN_TOKEN_CONFIG + " must differ from " + TOKEN_CONFIG
                    + ": the admin endpoints are kept apart from the query endpoints");
        }
        return new BearerAuth(digest(queryToken), digest(adminToken));
    }

    /** Adds the three settings to an app's definition. */
    public static ConfigDef define(ConfigDef definition) {
        return definition
                .define(ENABLED_CONFIG, Type.BOOLEAN, ENABLED_DEFAULT, Importance.HIGH, ENABLED_DOC)
                .define(TOKEN_CONFIG, Type.PASSWORD, null, Importance.HIGH, TOKEN_DOC)
                .define(ADMIN_TOKEN_CONFIG, Type.PASSWORD, null, Importance.HIGH, ADMIN_TOKEN_DOC);
    }

    /**
     * The tokens an app's validated settings ask for.
     *
     * @throws ConfigException naming the settings when auth is on and a token is missing or unusable
     */
    public static BearerAuth from(AbstractConfig config) {
        if (!config.getBoolean(ENABLED_CONFIG)) {
            return disabled();
        }
        Password query = config.getPassword(TOKEN_CONFIG);
        Password admin = config.getPassword(ADMIN_TOKEN_CONFIG);
        if (query == null || admin == null) {
            throw new ConfigException("The HTTP API needs bearer tokens: set " + TOKEN_CONFIG
                    + " (ENCORE_HTTP_AUTH_TOKEN) and " + ADMIN_TOKEN_CONFIG + " (ENCORE_HTTP_ADMIN_TOKEN), or "
                    + ENABLED_CONFIG + "=false (ENCORE_HTTP_AUTH_ENABLED=false) where nothing but this machine "
                    + "reaches the port. Missing: " + (query == null ? TOKEN_CONFIG : "")
                    + (query == null && admin == null ? ", " : "") + (admin == null ? ADMIN_TOKEN_CONFIG : ""));
        }
        return of(query.value(), admin.value());
    }

    public boolean enabled() {
        return adminDigest != null;
    }

    /**
     * Why a request with this {@code Authorization} header may not call a route of {@code access}: empty when it
     * may, else the answer to send — 401 with {@code WWW-Authenticate: Bearer} for a missing or wrong token,
     * 403 for the query token on an admin route.
     */
    public Optional<Response> deny(Access access, Optional<String> authorization) {
        if (!enabled() || access == Access.OPEN) {
            return Optional.empty();
        }
        Optional<String> token = authorization.flatMap(BearerAuth::bearerToken);
        if (token.isEmpty()) {
            return Optional.of(challenge("A bearer token is required: Authorization: Bearer <token>", null));
        }
        byte[] presented = digest(token.get());
        // Both comparisons always run, so the time taken does not tell which token was close.
        boolean admin = MessageDigest.isEqual(presented, adminDigest);
        boolean query = MessageDigest.isEqual(presented, queryDigest);
        if (admin || (query && access == Access.QUERY)) {
            return Optional.empty();
        }
        if (query) {
            return Optional.of(Response.error(403, "This endpoint needs the admin token (" + ADMIN_TOKEN_CONFIG
                    + "); the query token is not enough"));
        }
        return Optional.of(challenge("The bearer token is not valid here", "invalid_token"));
    }

    private static Response challenge(String message, String error) {
        return Response.error(401, message).withHeader("WWW-Authenticate",
                error == null ? CHALLENGE : CHALLENGE + ", error=\"" + error + "\"");
    }

    private static Optional<String> bearerToken(String header) {
        if (header.length() <= SCHEME.length() || !header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT)
                .equals(SCHEME)) {
            return Optional.empty();
        }
        String token = header.substring(SCHEME.length()).trim();
        return token.isEmpty() || token.length() > MAX_TOKEN_LENGTH ? Optional.empty() : Optional.of(token);
    }

    private static void requireToken(String name, String token) {
        if (token == null || token.isEmpty()) {
            throw new ConfigException(name + " must be set when " + ENABLED_CONFIG + " is true");
        }
        if (token.length() < MIN_TOKEN_LENGTH || token.length() > MAX_TOKEN_LENGTH) {
            throw new ConfigException(name + " must be " + MIN_TOKEN_LENGTH + " to " + MAX_TOKEN_LENGTH
                    + " characters long, not " + token.length() + " (generate one, e.g. openssl rand -hex 32)");
        }
        if (!TOKEN.matcher(token).matches()) {
            throw new ConfigException(name + " may only contain A-Z a-z 0-9 - . _ ~ + / (and = at the end)");
        }
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
