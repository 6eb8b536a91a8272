package org.attendanceoutreach.output;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The OWASP guard against CSV injection, cell by cell: what would start a formula gets a leading
 * {@code '}; plain numbers and ordinary text stay as they are. Shown to catch: the guard removed,
 * and a guard that also quoted negative numbers ({@code -0.5} became text in the spreadsheet).
 */
class SpreadsheetCsvTest {
    @Test
    void cellsThatWouldStartAFormulaAreText() {
        assertEquals("'=HYPERLINK(\"http://x\",\"mom\")", SpreadsheetCsv.cell("=HYPERLINK(\"http://x\",\"mom\")"));
        assertEquals("'+cmd|' /C calc'!A0", SpreadsheetCsv.cell("+cmd|' /C calc'!A0"));
        assertEquals("'-2+3+cmd|' /C calc'!A0", SpreadsheetCsv.cell("-2+3+cmd|' /C calc'!A0"));
        assertEquals("'@SUM(A1:A9)", SpreadsheetCsv.cell("@SUM(A1:A9)"));
        assertEquals("'+1 555 0101", SpreadsheetCsv.cell("+1 555 0101"), "a phone number with spaces is not a number");
        assertEquals("\\u0009=1+1", SpreadsheetCsv.cell("\t=1+1"), "a tab is escaped, so it cannot start the cell");
        assertEquals("\\u000d=1+1", SpreadsheetCsv.cell("\r=1+1"));
        assertEquals("'-", SpreadsheetCsv.cell("-"));
    }

    @Test
    void numbersAndTextStayAsTheyAre() {
        assertEquals("-0.5", SpreadsheetCsv.cell("-0.5"));
        assertEquals("+14", SpreadsheetCsv.cell("+14"));
        assertEquals("0.1346", SpreadsheetCsv.cell("0.1346"));
        assertEquals("mother", SpreadsheetCsv.cell("mother"));
        assertEquals("a = b", SpreadsheetCsv.cell("a = b"), "only the first character matters");
        assertEquals("", SpreadsheetCsv.cell(null));
        assertEquals("", SpreadsheetCsv.cell(""));
    }
}
