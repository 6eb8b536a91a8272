package org.attendanceoutreach.edfi;

/** Where the warnings about one student's records go: the resource, the field and the message (the caller knows the student). */
interface StudentWarnings {
    void add(String resource, String field, String message);
}
