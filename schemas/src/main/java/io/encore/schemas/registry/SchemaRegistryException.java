package io.encore.schemas.registry;

/**
 * A registry call that failed, with what the server said.
 *
 * <p>{@code status} is the HTTP status (0 when no answer came: timeout, refused connection), {@code errorCode}
 * the registry's own {@code error_code} (Confluent: 40401 subject not found, 40403 schema not found,
 * 409 incompatible; Apicurio answers 0 for an incompatible schema, so callers test {@link #status()}).
 */
public final class SchemaRegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(String message, int status, int errorCode) {
        this(message, status, errorCode, null);
    }

    public SchemaRegistryException(String message, int status, int errorCode, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    public boolean isIncompatible() {
        return status == 409;
    }
}
