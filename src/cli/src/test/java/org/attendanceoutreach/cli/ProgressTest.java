package org.attendanceoutreach.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Progress shows on a terminal only, and erases itself. */
class ProgressTest {
    @Test
    void offPrintsNothingAtAll() {
        StringWriter w = new StringWriter();
        Progress p = new Progress(new PrintWriter(w), false);
        p.stage("reading");
        p.count("evaluating", 5, 10);
        p.done();
        assertEquals("", w.toString());
    }

    @Test
    void onShowsOneLineAndErasesIt() {
        StringWriter w = new StringWriter();
        Progress p = new Progress(new PrintWriter(w), true);
        p.stage("reading studentSchoolAttendanceEvents.json");
        p.count("evaluating school 900100", 10, 10);
        p.done();
        String s = w.toString();
        assertTrue(s.startsWith("\rreading studentSchoolAttendanceEvents.json"), s);
        assertTrue(s.contains("\revaluating school 900100: 10 of 10 (100%)"), s);
        assertTrue(s.endsWith("\r"), "the line is erased when done");
        assertTrue(!s.contains("\n"), "never a new line: the output stays clean");
    }

    @Test
    void underTestsThereIsNoTerminal() {
        assertEquals(System.console() != null, Progress.forTerminal(new PrintWriter(new StringWriter())).on());
    }
}
