package io.encore.runtime.http;

/**
 * Answers one routed request. Throwing {@link ApiException} chooses the error status; any other exception
 * becomes a generic 500 and is logged once, so handlers need no catch-all of their own.
 */
@FunctionalInterface
public interface Handler {

    Response handle(Request request) throws Exception;
}
