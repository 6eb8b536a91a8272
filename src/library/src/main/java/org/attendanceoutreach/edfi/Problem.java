package org.attendanceoutreach.edfi;

/**
 * A problem with one student's records (or one school's calendar), located in a resource file: the
 * resource's file name, the field ({@code [17].eventDate}) and what is wrong. The reader turns it into
 * that student's error; every other student is still read.
 */
final class Problem extends RuntimeException {
    final String resource;
    final String field;

    Problem(String resource, String field, String message) {
        super(message, null, false, false);
        this.resource = resource;
        this.field = field;
    }
}
