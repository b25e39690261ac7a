package io.encore.importer;

/** An import that cannot go on: a file that cannot be read, a header without a required column, a broker that refuses. */
public final class ImportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
