package org.attendanceoutreach.letters;

import com.fasterxml.jackson.core.JsonGenerator;
import org.attendanceoutreach.internal.PlainText;
import org.attendanceoutreach.output.HtmlReport;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Letters, call scripts and texts as JSON (contract section 9), plain text, or one print-ready HTML
 * page. Deterministic, byte for byte.
 */
public final class LetterWriter {
    private LetterWriter() {
    }

    /**
     * A JSON array of {@code {studentId, intervention, kind, language, translated, contactRole, subject,
     * body}}, in the order given (use {@link Letters#ORDER}: by student id).
     */
    public static void json(List<Communication> all, Writer out) throws IOException {
        try (JsonGenerator g = org.attendanceoutreach.internal.JsonOutput.FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (Communication c : all) {
                g.writeStartObject();
                g.writeStringField("studentId", c.studentId());
                g.writeStringField("intervention", c.intervention());
                g.writeStringField("kind", c.kind().name());
                g.writeStringField("language", c.language());
                g.writeBooleanField("translated", c.translated());
                g.writeStringField("contactRole", c.contactRole() == null ? null : c.contactRole().name());
                g.writeStringField("subject", c.subject());
                g.writeStringField("body", c.body());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        out.write(System.lineSeparator());
        out.flush();
    }

    /**
     * Plain text for reading or printing as is: each communication under a line that says for whom
     * and what, then its subject and body. Control characters from the input are escaped
     * ({@link PlainText}), so nothing can colour or rewrite a terminal.
     */
    public static void text(List<Communication> all, Writer w) {
        PrintWriter out = new PrintWriter(w);
        if (all.isEmpty()) {
            out.println("nothing to send or say today");
        }
        boolean first = true;
        for (Communication c : all) {
            if (!first) {
                out.println();
            }
            first = false;
            String head = "==== " + c.studentId() + " · " + c.kind() + " (" + c.intervention() + ") · " + c.language()
                    + (c.translated() ? "" : " (not in the family's language: an interpreter is still needed)")
                    + (c.contactRole() == null ? "" : " · to " + c.contactRole()) + " ";
            out.println(PlainText.escape(head) + "=".repeat(Math.max(4, 100 - head.length())));
            out.println(lines(c.subject()));
            out.println();
            out.println(lines(c.body()));
        }
        out.flush();
    }

    /** Each line escaped on its own: the line breaks of the letter stay line breaks. */
    private static String lines(String text) {
        List<String> out = new ArrayList<>();
        for (String l : text.split("\n", -1)) {
            out.add(PlainText.escape(l));
        }
        return String.join(System.lineSeparator(), out);
    }

    /**
     * One HTML page, ready to print: one communication per printed page ({@code @page}, page breaks),
     * the letterhead (the school's name and phone), the recipient's name where a #10 window envelope
     * shows it (with room below for the mailing address label), the date, the subject and the text. No script, no style sheet or font from elsewhere, no image:
     * it opens offline. Every text is escaped ({@link HtmlReport#esc}); a line starting with
     * {@code - } is an item of a list; an empty line starts a paragraph.
     */
    public static void html(List<Communication> all, Writer w) {
        PrintWriter out = new PrintWriter(w);
        out.println("<!DOCTYPE html>");
        out.println("<html lang=\"en\">");
        out.println("<head>");
        out.println("<meta charset=\"utf-8\">");
        out.println("<title>Letters, call scripts and texts</title>");
        out.println("<style>");
        out.println("@page { size: letter; margin: 0.6in 0.75in; }");
        out.println("body { font-family: Georgia, 'Times New Roman', serif; font-size: 12pt; line-height: 1.45; color: #000;"
                + " background: #eee; margin: 0; }");
        out.println(".page { background: #fff; width: 7in; min-height: 9.5in; margin: 0.3in auto; padding: 0.6in 0.75in;"
                + " box-sizing: content-box; page-break-after: always; break-after: page; }");
        out.println(".page:last-child { page-break-after: auto; break-after: auto; }");
        out.println(".letterhead { height: 0.9in; border-bottom: 1px solid #000; }");
        out.println(".letterhead .school { font-size: 15pt; font-weight: bold; }");
        out.println(".recipient { height: 1.1in; margin-top: 0.35in; width: 3.8in; }");
        out.println(".date { margin-top: 0.2in; }");
        out.println(".kind { font-family: Arial, Helvetica, sans-serif; font-size: 9pt; color: #444; text-transform: uppercase;"
                + " letter-spacing: 0.05em; }");
        out.println("h1 { font-size: 14pt; margin: 0.25in 0 0.15in; }");
        out.println("p, ul { margin: 0 0 0.12in; }");
        out.println(".note { border: 1px solid #000; padding: 0.08in 0.12in; font-family: Arial, Helvetica, sans-serif; font-size: 10pt; }");
        out.println("@media print { body { background: #fff; } .page { margin: 0; padding: 0; width: auto; min-height: 0; }"
                + " .letter .note { display: none; } }");
        out.println("</style>");
        out.println("</head>");
        out.println("<body>");
        if (all.isEmpty()) {
            out.println("<section class=\"page\"><p>Nothing to send or say today.</p></section>");
        }
        for (Communication c : all) {
            page(c, out);
        }
        out.println("</body>");
        out.println("</html>");
        out.flush();
    }

    private static void page(Communication c, PrintWriter out) {
        out.println("<section class=\"page " + c.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + "\" lang=\""
                + HtmlReport.esc(c.language()) + "\">");
        if (c.kind() == Communication.Kind.LETTER) {
            out.println("<header class=\"letterhead\">");
            out.println("<div class=\"school\">" + HtmlReport.esc(c.schoolName() == null ? "" : c.schoolName()) + "</div>");
            if (c.schoolPhone() != null) {
                out.println("<div>" + HtmlReport.esc(c.schoolPhone()) + "</div>");
            }
            out.println("</header>");
            out.println("<div class=\"recipient\">");
            if (c.recipient() != null) {
                out.println("<div>" + HtmlReport.esc(c.recipient()) + "</div>");
            }
            out.println("</div>");
            out.println("<p class=\"date\">" + HtmlReport.esc(Letters.longDate(c.asOf(), c.language())) + "</p>");
        } else {
            out.println("<p class=\"kind\" lang=\"en\">" + HtmlReport.esc(c.kind() == Communication.Kind.CALL_SCRIPT ? "call script"
                    : "text message") + " · " + HtmlReport.esc(c.studentId()) + " · " + HtmlReport.esc(c.intervention())
                    + (c.contactRole() == null ? "" : " · " + HtmlReport.esc(c.contactRole().name())) + "</p>");
        }
        if (!c.translated()) {
            // for staff, on screen only: it is not printed on the letter the family gets
            out.println("<p class=\"note\" lang=\"en\">Not in the family's language (no template in it): "
                    + "the plan's adult interpreter is still needed.</p>");
        }
        out.println("<h1>" + HtmlReport.esc(c.subject()) + "</h1>");
        for (String paragraph : c.body().split("\n\\s*\n")) {
            paragraph(paragraph.strip(), out);
        }
        out.println("</section>");
    }

    private static void paragraph(String text, PrintWriter out) {
        if (text.isEmpty()) {
            return;
        }
        String[] lines = text.split("\n");
        StringBuilder p = new StringBuilder();
        boolean inList = false;
        for (String line : lines) {
            String l = line.strip();
            boolean item = l.startsWith("- ");
            if (item && !inList) {
                flush(p, out);
                out.println("<ul>");
                inList = true;
            } else if (!item && inList) {
                out.println("</ul>");
                inList = false;
            }
            if (item) {
                out.println("<li>" + HtmlReport.esc(l.substring(2).strip()) + "</li>");
            } else {
                if (p.length() > 0) {
                    p.append("<br>\n");
                }
                p.append(HtmlReport.esc(l));
            }
        }
        if (inList) {
            out.println("</ul>");
        }
        flush(p, out);
    }

    private static void flush(StringBuilder p, PrintWriter out) {
        if (p.length() > 0) {
            out.println("<p>" + p + "</p>");
            p.setLength(0);
        }
    }
}
