package org.attendanceoutreach.letters;

import java.util.List;
import java.util.Objects;

/**
 * Something a student's plan asks to send or say that was not written, because the rules folder has
 * no template of its kind in any language tried: the family's, the school's, then English
 * ({@code en}). Nothing is written in a language nobody chose for the family; {@code validate}
 * reports a kind without an English template before it comes to this. Ids and language tags only:
 * no personal data, so {@link #message()} can go to a log.
 *
 * @param studentId      the student it is about
 * @param intervention   the catalog practice it would have carried out
 * @param kind           LETTER, CALL_SCRIPT or TEXT
 * @param template       the template's kind as its file names it ({@code letter}, {@code call-script}, {@code text})
 * @param languagesTried the language tags tried, in order
 */
public record NotWritten(String studentId, String intervention, Communication.Kind kind, String template,
                         List<String> languagesTried) {
    public NotWritten {
        Objects.requireNonNull(studentId, "studentId");
        Objects.requireNonNull(intervention, "intervention");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(template, "template");
        languagesTried = List.copyOf(languagesTried);
    }

    /** What was not written and what to do, for a person: ids and language tags only. */
    public String message() {
        String what = template.replace('-', ' ');
        String order = kind == Communication.Kind.CALL_SCRIPT ? "the school's language, then English"
                : "the family's language, then the school's, then English";
        return studentId + ": no " + what + " written (" + intervention + "): there is no " + what + " template in "
                + String.join(" or ", languagesTried) + ", the languages tried (" + order + "); add letters/" + template
                + ".en.mustache to the rules folder (./outreach validate says what is missing)";
    }

    @Override
    public String toString() {
        return message();
    }
}
