package io.encore.runtime.http;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a handler answers: a status, a body and extra headers. The body is either a value that the server
 * serialises as JSON, or text that is sent as is with its own content type (Prometheus exposition, or JSON
 * passed through unchanged from another instance).
 *
 * @param status  the HTTP status
 * @param body    the body, JSON value or raw text
 * @param headers extra response headers; {@code Content-Type} comes from the body
 */
public record Response(int status, Body body, Map<String, String> headers) {

    public static final String JSON_CONTENT_TYPE = "application/json; charset=utf-8";
    public static final String RETRY_AFTER = "Retry-After";

    public Response {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("Not an HTTP status: " + status);
        }
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    /** 200 with {@code body} serialised as JSON. */
    public static Response ok(Object body) {
        return json(200, body);
    }

    /** {@code status} with {@code body} serialised as JSON. */
    public static Response json(int status, Object body) {
        return new Response(status, new Body.Json(body), Map.of());
    }

    /** {@code status} with {@code text} sent unchanged under {@code contentType}. */
    public static Response text(int status, String contentType, String text) {
        return new Response(status, new Body.Text(contentType, text), Map.of());
    }

    /** The error shape every Encore endpoint uses: {@code {"status":404,"error":"..."}}. */
    public static Response error(int status, String message) {
        return json(status, new ErrorBody(status, message));
    }

    /** A copy with one more header; a header of the same name is replaced. */
    public Response withHeader(String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return new Response(status, body, more);
    }

    /** The two kinds of body, so the server never has to guess whether a String is JSON or text. */
    public sealed interface Body {

        /** A value serialised with Jackson; {@code null} is sent as JSON {@code null}. */
        record Json(Object value) implements Body {
        }

        /** Text sent as is. */
        record Text(String contentType, String text) implements Body {

            public Text {
                Objects.requireNonNull(contentType, "contentType");
                Objects.requireNonNull(text, "text");
            }
        }
    }

    /** The JSON body of every error response. */
    public record ErrorBody(int status, String error) {
    }
}
