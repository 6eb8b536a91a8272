package org.attendanceoutreach.read;

/** Input that cannot be used; carries the field's path and a message free of personal data. */
public class InvalidInputException extends RuntimeException {
    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The path of the offending field, e.g. {@code absences[2].date}. */
    public String field() {
        return field;
    }
}
