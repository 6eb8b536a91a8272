package org.attendanceoutreach.internal.drl;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Java of a rule's {@code then} part with JavaParser: the {@code recommend(…)} calls and
 * the statements outside the subset rules may use. For messages only: the sandbox's boundary is
 * the compiled code ({@code internal.sandbox.BytecodeVerifier}).
 */
final class ConsequenceReader {
    static final String MODIFY = "__modify__";

    private ConsequenceReader() {
    }

    static DrlRule.Consequence read(String consequence, int firstLine) {
        List<DrlRule.Mention> mentions = new ArrayList<>();
        List<DrlFile.Located> problems = new ArrayList<>();
        List<DrlRule.Call> calls = new ArrayList<>();
        String java;
        try {
            java = rewriteModify(consequence);
        } catch (IllegalArgumentException e) {
            problems.add(new DrlFile.Located(e.getMessage(), firstLine));
            return new DrlRule.Consequence(mentions, problems, calls);
        }
        ParserConfiguration config = new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
        ParseResult<BlockStmt> parsed;
        String wrapped = "{" + java + "\n}";
        try {
            parsed = new JavaParser(config).parseBlock(wrapped);
        } catch (StackOverflowError e) {
            problems.add(new DrlFile.Located("the then part nests too deeply to read; write it more simply", firstLine));
            return new DrlRule.Consequence(mentions, problems, calls);
        }
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            for (Problem p : parsed.getProblems()) {
                problems.add(ConsequenceSyntax.describe(p, wrapped, firstLine));
                break;
            }
            return new DrlRule.Consequence(mentions, problems, calls);
        }
        BlockStmt block = parsed.getResult().get();
        for (Statement s : block.getStatements()) {
            int line = line(s, firstLine);
            if (!(s instanceof ExpressionStmt es) || !(es.getExpression() instanceof MethodCallExpr m) || root(m).startsWith("$")
                    || !root(m).endsWith("()")) {
                problems.add(new DrlFile.Located("a then part may only recommend( kcontext, \"…\" ) practices, call the functions of"
                        + " Advice, or modify( $student ) { … } the tiers; '" + firstSentence(s.toString()) + "' is none of these", line));
            }
        }
        for (MethodCallExpr call : block.findAll(MethodCallExpr.class)) {
            int line = line(call.getName(), firstLine);
            if (call.getNameAsString().equals(MODIFY)) {
                if (call.getArguments().size() == 1 && call.getArgument(0) instanceof NameExpr n) {
                    calls.add(new DrlRule.Call(n.getNameAsString(), "modify", -2, line));
                }
                continue;
            }
            String target = call.getScope().map(ConsequenceReader::root).orElse(null);
            if (MODIFY.concat("()").equals(target)) {
                target = modified(call);
            } else if (target != null && !target.equals("recommend()")
                    && !(call.getScope().get() instanceof NameExpr)) {
                target = "(value)"; // called on what another call gave: the compiler checks it
            }
            calls.add(new DrlRule.Call(target, call.getNameAsString(), call.getArguments().size(), line));
            if (call.getScope().isEmpty() && call.getNameAsString().equals("recommend")) {
                String id = call.getArguments().size() == 2 && call.getArgument(1) instanceof StringLiteralExpr s ? s.asString() : null;
                if (id == null) {
                    problems.add(new DrlFile.Located("recommend takes kcontext and a practice id in quotes: recommend( kcontext, \"personal-call-home\" )", line));
                    continue;
                }
                mentions.add(new DrlRule.Mention(id, line, chained(call)));
            }
        }
        for (com.github.javaparser.ast.expr.FieldAccessExpr f : block.findAll(com.github.javaparser.ast.expr.FieldAccessExpr.class)) {
            if (f.getScope() instanceof NameExpr n && Character.isUpperCase(n.getNameAsString().charAt(0))) {
                calls.add(new DrlRule.Call(n.getNameAsString(), f.getNameAsString(), -1, line(f, firstLine)));
            }
        }
        for (Node n : block.findAll(Node.class)) {
            String what = null;
            if (n instanceof ObjectCreationExpr o) {
                what = "'new " + o.getTypeAsString() + "(…)': rules do not create objects";
            } else if (n instanceof LambdaExpr || n instanceof MethodReferenceExpr) {
                what = "a lambda or method reference";
            } else if (n instanceof ClassExpr) {
                what = "'" + n + "': rules do not use classes as values";
            } else if (n instanceof ArrayCreationExpr) {
                what = "an array";
            } else if (n instanceof AssignExpr) {
                what = "an assignment ('" + firstSentence(n.toString()) + "')";
            } else if (n instanceof SwitchExpr) {
                what = "a switch";
            } else if (n instanceof NameExpr name && (name.getNameAsString().equals("drools"))) {
                what = "'drools': rules change facts only with modify( $student ) { … }";
            } else if (n instanceof MethodCallExpr m && m.getScope().isPresent() && m.getScope().get() instanceof NameExpr s
                    && s.getNameAsString().equals("kcontext")) {
                what = "'kcontext." + m.getNameAsString() + "(…)': kcontext is only passed on to recommend( kcontext, \"…\" )";
            } else if (n instanceof MethodCallExpr m && m.getScope().isEmpty()
                    && List.of("insert", "insertLogical", "delete", "retract", "update", "halt").contains(m.getNameAsString())) {
                what = "'" + m.getNameAsString() + "(…)': rules do not add or remove facts";
            }
            if (what != null) {
                problems.add(new DrlFile.Located(what + " is not allowed in a then part; see \"What rule files may do\" in rules/README.md",
                        line(n, firstLine)));
            }
        }
        return new DrlRule.Consequence(mentions, problems, calls);
    }

    /** The variable of {@code __modify__( $x ).setA( … )}. */
    private static String modified(MethodCallExpr call) {
        Expression x = call.getScope().orElseThrow();
        while (x instanceof MethodCallExpr m && !m.getNameAsString().equals(MODIFY) && m.getScope().isPresent()) {
            x = m.getScope().get();
        }
        if (x instanceof MethodCallExpr m && m.getArguments().size() == 1 && m.getArgument(0) instanceof NameExpr n) {
            return n.getNameAsString();
        }
        return null;
    }

    /** The names of the methods chained to a {@code recommend(…)} call, in order. */
    private static List<String> chained(MethodCallExpr recommend) {
        List<String> out = new ArrayList<>();
        Node current = recommend;
        while (current.getParentNode().isPresent() && current.getParentNode().get() instanceof MethodCallExpr parent
                && parent.getScope().isPresent() && parent.getScope().get() == current) {
            out.add(parent.getNameAsString());
            current = parent;
        }
        return out;
    }

    /** The variable or type at the start of a call chain ({@code $student} of {@code $student.getToday().plusDays(1)}). */
    private static String root(Expression e) {
        Expression x = e;
        while (true) {
            if (x instanceof MethodCallExpr m && m.getScope().isPresent()) {
                x = m.getScope().get();
            } else if (x instanceof com.github.javaparser.ast.expr.FieldAccessExpr f) {
                x = f.getScope();
            } else if (x instanceof com.github.javaparser.ast.expr.EnclosedExpr en) {
                x = en.getInner();
            } else {
                break;
            }
        }
        if (x instanceof NameExpr n) {
            return n.getNameAsString();
        }
        if (x instanceof MethodCallExpr m && m.getNameAsString().equals(MODIFY) && m.getArguments().size() == 1) {
            return MODIFY + "()";
        }
        if (x instanceof MethodCallExpr m) {
            return m.getNameAsString() + "()";
        }
        return x.getClass().getSimpleName();
    }

    private static int line(Node n, int firstLine) {
        return n.getRange().map(r -> firstLine + r.begin.line - 1).orElse(firstLine);
    }

    private static String firstSentence(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        int nl = one.indexOf(" Was expecting");
        if (nl > 0) {
            one = one.substring(0, nl);
        }
        return one.length() > 100 ? one.substring(0, 100) + "…" : one;
    }

    /**
     * {@code modify( $x ) { setA( 1 ), setB( 2 ) }} is DRL, not Java: rewritten, line for line, to
     * {@code __modify__( $x ).setA( 1 ); __modify__( $x ).setB( 2 );} so JavaParser can read the rest.
     */
    static String rewriteModify(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int at = findWord(text, "modify", i);
            if (at < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, at);
            int open = skipSpace(text, at + "modify".length());
            if (open >= text.length() || text.charAt(open) != '(') {
                out.append("modify");
                i = at + "modify".length();
                continue;
            }
            int close = matching(text, open, '(', ')');
            int brace = skipSpace(text, close + 1);
            if (close < 0 || brace >= text.length() || text.charAt(brace) != '{') {
                throw new IllegalArgumentException("modify( $student ) must be followed by { … } with the changes");
            }
            int end = matching(text, brace, '{', '}');
            if (end < 0) {
                throw new IllegalArgumentException("a '}' is missing: the '{' of modify( … ) { … } on this line is not closed before 'end'");
            }
            String target = text.substring(open + 1, close).strip();
            StringBuilder body = new StringBuilder();
            int depth = 0;
            int from = brace + 1;
            for (int k = brace + 1; k <= end; k++) {
                char c = k == end ? ',' : text.charAt(k);
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    depth--;
                } else if ((c == ',' || c == ';') && depth == 0) {
                    String part = text.substring(from, k);
                    if (!part.isBlank()) {
                        int lead = 0;
                        while (lead < part.length() && Character.isWhitespace(part.charAt(lead))) {
                            lead++;
                        }
                        body.append(part, 0, lead).append(MODIFY).append('(').append(target).append(").")
                                .append(part.substring(lead).stripTrailing()).append(';');
                    }
                    from = k + 1;
                }
            }
            String head = text.substring(at, brace + 1).replaceAll("[^\\n]", " ");
            out.append(MODIFY).append('(').append(target).append(");")
                    .append(head, Math.min(head.length(), MODIFY.length() + target.length() + 3), head.length()).append(body);
            i = end + 1;
        }
        return out.toString();
    }

    private static int findWord(String text, String word, int from) {
        int at = text.indexOf(word, from);
        while (at >= 0) {
            boolean before = at == 0 || !Character.isJavaIdentifierPart(text.charAt(at - 1)) && text.charAt(at - 1) != '.';
            int after = at + word.length();
            boolean afterOk = after >= text.length() || !Character.isJavaIdentifierPart(text.charAt(after));
            if (before && afterOk && !inString(text, at)) {
                return at;
            }
            at = text.indexOf(word, at + 1);
        }
        return -1;
    }

    private static boolean inString(String text, int at) {
        boolean in = false;
        for (int i = 0; i < at; i++) {
            char c = text.charAt(i);
            if (c == '\\' && in) {
                i++;
            } else if (c == '"') {
                in = !in;
            } else if (c == '\n') {
                in = false;
            }
        }
        return in;
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int matching(String text, int open, char o, char c) {
        int depth = 0;
        boolean in = false;
        for (int i = open; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (in) {
                if (ch == '\\') {
                    i++;
                } else if (ch == '"') {
                    in = false;
                }
                continue;
            }
            if (ch == '"') {
                in = true;
            } else if (ch == o) {
                depth++;
            } else if (ch == c && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
