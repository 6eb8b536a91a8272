package org.attendanceoutreach.internal.drl;

import com.github.javaparser.JavaToken;
import com.github.javaparser.ParseException;
import com.github.javaparser.Problem;
import com.github.javaparser.Token;
import com.github.javaparser.TokenMgrException;
import com.github.javaparser.TokenTypes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JavaParser's problem with a rule's {@code then} part, in the words {@link ParserMessages} uses for
 * the {@code when} part: which bracket, quote or semicolon is missing and before what, at the line
 * to fix; otherwise a short sentence naming what was found where. Never JavaParser's list of the
 * tokens it expected. JavaParser reads {@code "{" + then part + "\n}"} ({@link ConsequenceReader}):
 * the first '{' and the last '}' are not the rule's, and the last '}' is shown as the rule's 'end'.
 */
final class ConsequenceSyntax {
    private static final Pattern LEXICAL = Pattern.compile("line (\\d+), column (\\d+)\\.\\s+Encountered: (<EOF>|\"(.*?)\" \\((\\d+)\\))",
            Pattern.DOTALL);
    private static final String HINT = " (check the brackets, quotes and commas of this line)";

    private ConsequenceSyntax() {
    }

    /**
     * The problem in plain words at its line of the file.
     *
     * @param wrapped   the text JavaParser read ({@code "{" + java + "\n}"})
     * @param firstLine the line of the file where the then part starts (line 1 of {@code wrapped})
     */
    static DrlFile.Located describe(Problem p, String wrapped, int firstLine) {
        Throwable cause = p.getCause().orElse(null);
        if (cause instanceof TokenMgrException) {
            return lexical(p.getMessage(), wrapped, firstLine);
        }
        JavaToken last = p.getLocation().map(r -> r.getBegin()).orElse(null);
        if (!(cause instanceof ParseException pe) || pe.currentToken == null || pe.currentToken.next == null || last == null) {
            int line = firstLine + p.getLocation().flatMap(l -> l.getBegin().getRange()).map(r -> r.begin.line).orElse(1) - 1;
            if (p.getMessage() != null && p.getMessage().startsWith("Illegal left hand side of an assignment")) {
                return new DrlFile.Located("'=' gives a value to something, which a then part does not do: it calls"
                        + " recommend( kcontext, \"…\" ) and modify( $student ) { … } (to compare, write '==' in the when part)", line);
            }
            return new DrlFile.Located("the then part cannot be read as Java here" + HINT, line);
        }
        int endLine = (int) wrapped.chars().filter(c -> c == '\n').count() + 1;
        Token found = pe.currentToken.next;
        boolean end = found.kind == 0 || "}".equals(found.image) && found.beginLine == endLine && found.next != null && found.next.kind == 0;
        String foundText = end ? "'end'" : shown(found.image);
        int foundLine = firstLine + (end ? endLine : found.beginLine) - 1;
        int lastLine = firstLine + last.getRange().map(r -> r.begin.line).orElse(1) - 1;
        String lastText = isFirst(last) ? "the start of the then part" : shown(last.getText());
        Set<String> expected = expected(pe);
        List<JavaToken> tokens = tokensUpTo(last);
        Deque<JavaToken> open = openBrackets(tokens);
        List<JavaToken> statement = statement(tokens);
        boolean endsStatement = end || ";".equals(found.image);

        if (valueLike(found.kind, found.image) && (valueLike(last.getKind(), last.getText()) || ")".equals(last.getText()))
                && expected.contains(",") && expected.contains("+")) {
            return new DrlFile.Located("a '+' or ',' is missing between " + lastText + " and " + foundText
                    + ": join text with '+', separate what a call takes with ','", foundLine);
        }
        if (!open.isEmpty() && "(".equals(open.peek().getText()) && expected.contains(")") && (endsStatement || foundLine > lastLine)) {
            return notClosed(open.peek(), ')', foundText, end ? 0 : foundLine, firstLine);
        }
        if (!open.isEmpty() && "{".equals(open.peek().getText()) && end) {
            return notClosed(open.peek(), '}', foundText, 0, firstLine);
        }
        if (")".equals(found.image) && open.stream().noneMatch(t -> "(".equals(t.getText()))) {
            return new DrlFile.Located("this ')' closes no '(': there is one ')' too many, or a '(' is missing before it", foundLine);
        }
        if (statement.size() >= 2 && statement.get(0).getCategory().isIdentifier() && statement.get(1).getCategory().isIdentifier()) {
            JavaToken name = statement.get(0); // 'recommend kcontext, …' reads as a declaration
            return new DrlFile.Located("a '(' is missing after " + shown(name.getText()) + ": write " + name.getText()
                    .replace(ConsequenceReader.MODIFY, "modify") + "( … )", firstLine + name.getRange().get().begin.line - 1);
        }
        if (expected.contains("(") && last.getCategory().isIdentifier() && valueLike(found.kind, found.image)) {
            return new DrlFile.Located("a '(' is missing after " + lastText + ": write " + last.getText().replace(ConsequenceReader.MODIFY, "modify")
                    + "( … )", lastLine);
        }
        if (expected.contains(";") && open.isEmpty() && (end || foundLine > lastLine && !".".equals(found.image))) {
            if (!end && TokenTypes.getCategory(found.kind).isIdentifier() && found.next != null && "(".equals(found.next.image)
                    && !List.of("recommend", "modify", ConsequenceReader.MODIFY).contains(found.image)) {
                return new DrlFile.Located("a '.' is missing before " + foundText + " (to go on with the recommendation), or a ';'"
                        + " at the end of line " + lastLine + " (to end it)", foundLine);
            }
            return new DrlFile.Located("a ';' is missing at the end of this line, after " + lastText + ": each recommend( … ) ends with ';'",
                    lastLine);
        }
        return new DrlFile.Located(foundText + " is not expected " + "after " + lastText + HINT, foundLine);
    }

    /**
     * "a ')' is missing: the '(' on this line is not closed before ';' on line 30", at the line of the
     * '(' (as {@link ParserMessages} says it of a {@code when} part); {@code foundLine} 0 for the rule's 'end'.
     */
    private static DrlFile.Located notClosed(JavaToken open, char close, String found, int foundLine, int firstLine) {
        int line = firstLine + open.getRange().get().begin.line - 1;
        return new DrlFile.Located("a '" + close + "' is missing: the '" + open.getText() + "' on this line is not closed before "
                + found + (foundLine == 0 || foundLine == line ? "" : " on line " + foundLine), line);
    }

    /** An unclosed quote (the line ends inside it) or a character Java does not have. */
    private static DrlFile.Located lexical(String message, String wrapped, int firstLine) {
        Matcher m = LEXICAL.matcher(message == null ? "" : message);
        if (!m.find()) {
            return new DrlFile.Located("the then part cannot be read as Java" + HINT, firstLine);
        }
        int line = firstLine + Integer.parseInt(m.group(1)) - 1;
        int code = m.group(5) == null ? -1 : Integer.parseInt(m.group(5));
        String[] lines = wrapped.split("\n", -1);
        int inWrapped = Integer.parseInt(m.group(1)) - 1;
        boolean quoteOpen = inWrapped < lines.length && lines[inWrapped].indexOf('"') >= 0;
        if ((code == '\n' || code == '\r' || code == -1) && quoteOpen) {
            return new DrlFile.Located(ParserMessages.UNPAIRED_QUOTE, line);
        }
        String what = code > ' ' && code < 127 ? "'" + (char) code + "'" : "the character U+" + String.format("%04X", Math.max(code, 0));
        return new DrlFile.Located(what + " cannot be read here: it is not part of Java" + HINT, line);
    }

    /** The tokens JavaParser would have taken instead, without their quotes. */
    private static Set<String> expected(ParseException pe) {
        Set<String> out = new TreeSet<>();
        if (pe.expectedTokenSequences == null || pe.tokenImage == null) {
            return out;
        }
        for (int[] seq : pe.expectedTokenSequences) {
            if (seq.length > 0 && seq[0] < pe.tokenImage.length) {
                String image = pe.tokenImage[seq[0]];
                out.add(image.length() > 1 && image.startsWith("\"") && image.endsWith("\"") ? image.substring(1, image.length() - 1) : image);
            }
        }
        return out;
    }

    /** The tokens JavaParser read, from the start up to {@code last}, without spaces and comments. */
    private static List<JavaToken> tokensUpTo(JavaToken last) {
        List<JavaToken> tokens = new ArrayList<>();
        for (JavaToken t = last; t != null; t = t.getPreviousToken().orElse(null)) {
            if (!t.getCategory().isWhitespaceOrComment()) {
                tokens.add(0, t);
            }
        }
        return tokens;
    }

    /** The brackets still open at the end of the tokens, innermost first, not counting the '{' JavaParser was given first. */
    private static Deque<JavaToken> openBrackets(List<JavaToken> tokens) {
        Deque<JavaToken> open = new ArrayDeque<>();
        for (JavaToken t : tokens.subList(Math.min(1, tokens.size()), tokens.size())) {
            switch (t.getText()) {
                case "(", "[", "{" -> open.push(t);
                case ")", "]", "}" -> {
                    if (!open.isEmpty()) {
                        open.pop();
                    }
                }
                default -> {
                }
            }
        }
        return open;
    }

    /** The tokens of the statement the tokens end in (after the last ';', '{' or '}'). */
    private static List<JavaToken> statement(List<JavaToken> tokens) {
        int start = tokens.size();
        while (start > 0 && !List.of(";", "{", "}").contains(tokens.get(start - 1).getText())) {
            start--;
        }
        return tokens.subList(start, tokens.size());
    }

    private static boolean isFirst(JavaToken t) {
        for (JavaToken p = t.getPreviousToken().orElse(null); p != null; p = p.getPreviousToken().orElse(null)) {
            if (!p.getCategory().isWhitespaceOrComment()) {
                return false;
            }
        }
        return true;
    }

    /** A value or a name: what can stand on either side of a '+' or ','. */
    private static boolean valueLike(int kind, String image) {
        JavaToken.Category c = TokenTypes.getCategory(kind);
        return c.isLiteral() || c.isIdentifier() || List.of("true", "false", "null").contains(image);
    }

    /** A token as policy staff wrote it, quoted and short. */
    private static String shown(String image) {
        String s = image.replace(ConsequenceReader.MODIFY, "modify").replaceAll("\\s+", " ");
        return "'" + (s.length() > 40 ? s.substring(0, 39) + "…" : s) + "'";
    }
}
