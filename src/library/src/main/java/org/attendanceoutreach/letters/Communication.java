package org.attendanceoutreach.letters;

import org.attendanceoutreach.school.ContactRole;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One thing to send or say to a family (contract section 9): a monthly letter, the script of a call,
 * or a short text. It carries names, which is its point; {@link #toString()} does not, so a log
 * line never shows one.
 *
 * @param studentId    the student it is about
 * @param intervention the catalog practice it carries out ({@code monthly-letter-and-follow-up-call},
 *                     {@code personal-call-home}, …)
 * @param kind         LETTER, CALL_SCRIPT or TEXT
 * @param language     the language it is written in (a BCP 47 tag, as its template's file names it)
 * @param translated   whether that is the language wanted (the contact's for a letter or a text; the
 *                     school's for a call script); false: the plan's need for an interpreter stands
 * @param contactRole  whom it is for (null when the student has no contact on file)
 * @param subject      its title: the letter's subject line, the call's heading
 * @param body         the text, plain, paragraphs separated by an empty line
 * @param schoolId     the school's id
 * @param asOf         the day it was written for
 * @param recipient    the name to write on the envelope: the contact's name, or null
 * @param schoolName   the school's name for the letterhead, or null
 * @param schoolPhone  the school's phone number for the letterhead, or null
 */
public record Communication(String studentId, String intervention, Kind kind, String language, boolean translated,
                            ContactRole contactRole, String subject, String body, String schoolId, LocalDate asOf,
                            String recipient, String schoolName, String schoolPhone) {
    /** What kind of communication. */
    public enum Kind { LETTER, CALL_SCRIPT, TEXT }

    public Communication {
        Objects.requireNonNull(studentId, "studentId");
        Objects.requireNonNull(intervention, "intervention");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }

    /** Ids and kinds only: the text and the names are personal data. */
    @Override
    public String toString() {
        return "Communication[studentId=" + studentId + ", intervention=" + intervention + ", kind=" + kind
                + ", language=" + language + ", translated=" + translated + "]";
    }
}
