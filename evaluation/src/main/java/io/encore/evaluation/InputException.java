package io.encore.evaluation;

/** Input the evaluation cannot use; the message names the file, the line and what is wrong. */
public final class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
