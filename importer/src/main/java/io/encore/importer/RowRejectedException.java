package io.encore.importer;

/** A row that cannot be imported: the column at fault (or empty for the whole row) and why. */
final class RowRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String column;

    RowRejectedException(String column, String reason) {
        super(reason, null, false, false);
        this.column = column;
    }

    /** The column at fault; empty when the row as a whole is. */
    String column() {
        return column;
    }

    String reason() {
        return getMessage();
    }
}
