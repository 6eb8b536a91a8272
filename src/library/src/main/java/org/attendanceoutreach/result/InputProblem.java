package org.attendanceoutreach.result;

import org.attendanceoutreach.internal.PlainText;

/**
 * Something wrong (or, for a warning, odd) in the input, located by file, student and field.
 * Messages never carry names, phone numbers or free text, only ids, dates, numbers and enum values.
 *
 * @param file      the file as given on the command line, or {@code null} for input from the Java API
 * @param studentId the student's id, or {@code null} when the problem is not about one student
 * @param field     the field's path within the student or file, e.g. {@code absences[2].date}
 * @param message   what is wrong and, where it helps, what to do
 */
public record InputProblem(String file, String studentId, String field, String message) {

    /** The same problem, located in a file. */
    public InputProblem inFile(String fileName) {
        return new InputProblem(fileName, studentId, field, message);
    }

    /**
     * {@code file: student S-1: field: message}, leaving out what is not known: one line, safe to
     * print. A control character, a line break or an escape sequence in any part (a student id, say)
     * is shown as {@code \}{@code uXXXX}, so it cannot forge a line or colour a terminal.
     */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (file != null) {
            b.append(PlainText.escape(file)).append(": ");
        }
        if (studentId != null) {
            b.append("student ").append(PlainText.escape(studentId)).append(": ");
        }
        if (field != null && !field.isEmpty()) {
            b.append(PlainText.escape(field)).append(": ");
        }
        return b.append(PlainText.escape(message)).toString();
    }
}
