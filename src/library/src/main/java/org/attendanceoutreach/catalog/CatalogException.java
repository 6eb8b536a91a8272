package org.attendanceoutreach.catalog;

/** A catalog file with a mistake; the message starts with {@code FILE:LINE:}. */
public class CatalogException extends Exception {
    public CatalogException(String message) {
        super(message);
    }
}
