package io.encore.stack;

import java.net.http.HttpRequest;
import java.util.Map;

import io.encore.runtime.http.BearerAuth;

/**
 * The bearer tokens the ITs run the stream apps with: auth on, as in production, so the tests' own requests,
 * the forwarding between instances and the fan-outs all carry a credential.
 */
final class ItTokens {

    static final String QUERY = "it-query-token-0123456789abcdef";
    static final String ADMIN = "it-admin-token-0123456789abcdef";

    private ItTokens() {
    }

    /** Adds both tokens to an app's settings and returns them. */
    static Map<String, Object> put(Map<String, Object> settings) {
        settings.put(BearerAuth.TOKEN_CONFIG, QUERY);
        settings.put(BearerAuth.ADMIN_TOKEN_CONFIG, ADMIN);
        return settings;
    }

    /** {@code request} with {@code Authorization: Bearer <token>}. */
    static HttpRequest.Builder bearer(HttpRequest.Builder request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }
}
