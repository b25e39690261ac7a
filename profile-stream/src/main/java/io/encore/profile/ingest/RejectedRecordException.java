package io.encore.profile.ingest;

/** A record that decoded but cannot be used; its message is the reason written to the dead-letter topic. */
public final class RejectedRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RejectedRecordException(String reason) {
        super(reason);
    }
}
