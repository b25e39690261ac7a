package io.encore.runtime.errors;

/**
 * A record that decoded but cannot be used; its message is the reason written to the dead-letter topic. The
 * {@link DeadLetterHandler} logs it without a stack trace: it is bad input, not a bug.
 */
public final class RejectedRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RejectedRecordException(String reason) {
        super(reason);
    }
}
