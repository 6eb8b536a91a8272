/**
 * Letters, call scripts and texts in the family's language (contract section 9): {@link
 * org.attendanceoutreach.letters.Letters} writes them from a student's plan and the templates of the
 * rules folder ({@code rules/letters/}); {@link org.attendanceoutreach.letters.LetterWriter} gives
 * JSON, plain text or one print-ready HTML page. Templates are logic-less (mustache) and get only
 * maps, lists and strings: they cannot run code. What has no template in the family's language, the
 * school's or English is not written, and is reported as a {@link org.attendanceoutreach.letters.NotWritten}.
 */
package org.attendanceoutreach.letters;
