package org.attendanceoutreach.internal.compile;

import org.attendanceoutreach.internal.drl.DrlFile;
import org.attendanceoutreach.internal.drl.DrlModel;
import org.attendanceoutreach.internal.drl.DrlRule;
import org.attendanceoutreach.rules.RuleProblem;
import org.kie.api.builder.Message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The executable model's compile messages, at the real file and line, in words policy staff use. */
final class CompilerMessages {
    private static final Pattern UNDEFINED_METHOD = Pattern.compile("The method (\\w+)\\((.*?)\\) is undefined for the type (\\w+)");
    private static final Pattern CANNOT_RESOLVE = Pattern.compile("(\\w+) cannot be resolved(?: to a (variable|type))?");
    private static final Pattern NOT_APPLICABLE = Pattern.compile("The method (\\w+)\\((.*?)\\) in the type (\\w+) is not applicable for the arguments \\((.*?)\\)");
    private static final Pattern COERCE = Pattern.compile("Cannot coerce (\\w+) to (\\w+)");
    private static final Pattern MISMATCH = Pattern.compile("Type mismatch: cannot convert from (\\S+) to (\\S+)");

    private CompilerMessages() {
    }

    private static final String JAVA_IN_ERROR = "Java source of ";

    /**
     * Every message, each at its rule file and line. A message about the generated Java (the
     * executable model compiles rules to Java, and some mistakes only show there) is traced back to
     * the rule whose code it is, by the text literals on the failing line, and to the line of the
     * method it names; the dump of the generated source that comes with it is dropped.
     */
    static List<RuleProblem> translateAll(List<Message> messages, String prefix, DrlModel model, Function<String, String> displayName) {
        Map<String, String[]> sources = new HashMap<>();
        for (Message m : messages) {
            String text = m.getText() == null ? "" : m.getText();
            if (text.startsWith(JAVA_IN_ERROR) && m.getPath() != null) {
                int nl = text.indexOf('\n');
                sources.put(m.getPath(), (nl < 0 ? "" : text.substring(nl + 1)).split("\n", -1));
            }
        }
        List<RuleProblem> out = new ArrayList<>();
        for (Message m : messages) {
            String text = m.getText() == null ? "" : m.getText();
            if (text.startsWith(JAVA_IN_ERROR)) {
                continue;
            }
            String[] source = m.getPath() == null ? null : sources.get(m.getPath());
            List<RuleProblem> traced = source == null ? List.of() : traceJava(m, source, model);
            if (!traced.isEmpty()) {
                traced.forEach(p -> {
                    if (!out.contains(p)) {
                        out.add(p);
                    }
                });
                continue;
            }
            RuleProblem p = translate(m, prefix, model, displayName);
            if (p != null && !out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern METHOD = Pattern.compile("The method (\\w+)\\(");

    /** The rules whose consequence holds every text literal of the failing generated line, at the line of the method named. */
    private static List<RuleProblem> traceJava(Message m, String[] source, DrlModel model) {
        int line = m.getLine();
        if (line < 1 || line > source.length) {
            return List.of();
        }
        List<String> literals = new ArrayList<>();
        Matcher lit = LITERAL.matcher(source[line - 1]);
        while (lit.find()) {
            literals.add(lit.group(1));
        }
        if (literals.isEmpty()) {
            return List.of();
        }
        Matcher method = METHOD.matcher(m.getText());
        String called = method.find() ? method.group(1) : null;
        List<RuleProblem> out = new ArrayList<>();
        for (DrlRule r : model.rules()) {
            if (literals.stream().allMatch(l -> r.consequence().contains("\"" + l + "\""))) {
                int at = r.consequenceLine();
                if (called != null) {
                    for (DrlRule.Call c : r.actions().calls()) {
                        if (c.method().equals(called)) {
                            at = c.line();
                            break;
                        }
                    }
                }
                out.add(new RuleProblem(r.path(), at, "rule \"" + r.name() + "\": " + words(m.getText())));
            }
        }
        return out;
    }

    static RuleProblem translate(Message m, String prefix, DrlModel model, Function<String, String> displayName) {
        String raw = m.getText() == null ? "" : m.getText().strip();
        if (raw.contains("Parser returned a null Package")) {
            return null;
        }
        String path = m.getPath() == null ? "" : m.getPath();
        String file = path.startsWith(prefix) ? path.substring(prefix.length())
                : path.startsWith("outreach/") && path.endsWith(".drl") ? path.substring("outreach/".length()) : null;
        DrlRule rule = ExecModelCompiler.ruleNamedIn(raw, model);
        int line = m.getLine();
        if (file == null && rule != null) {
            file = rule.file();
        }
        if (line <= 0 && rule != null) {
            line = rule.line();
        }
        String where = file == null ? "(rules)" : displayName.apply(file);
        if (file != null && line <= 0) {
            DrlFile f = model.file(file);
            line = f == null || f.rules().isEmpty() ? 0 : f.rules().get(0).line();
        }
        return new RuleProblem(where, Math.max(line, 0), words(raw) + (rule != null ? " (in rule \"" + rule.name() + "\")" : ""));
    }

    /** Java-speak, translated. */
    static String words(String raw) {
        String first = raw;
        int nl = first.indexOf('\n');
        if (nl >= 0) {
            first = first.substring(0, nl);
        }
        first = first.strip();
        Matcher x;
        if ((x = UNDEFINED_METHOD.matcher(raw)).find()) {
            String type = x.group(3);
            String what = type.equals("Proposal") ? "a recommendation" : type;
            return "'" + x.group(1) + "' is not something " + what + " has"
                    + (type.equals("Proposal") ? " (after recommend(…) come .by(…), .due(…), .because(…), .caution(…))"
                    : "; see rules/README.md for what rules can use");
        }
        if ((x = NOT_APPLICABLE.matcher(raw)).find()) {
            return "'" + x.group(1) + "' cannot take (" + x.group(4) + "); it takes (" + x.group(2) + ")";
        }
        if ((x = MISMATCH.matcher(raw)).find()) {
            return "a " + simple(x.group(1)) + " is given where a " + simple(x.group(2)) + " is needed";
        }
        if ((x = COERCE.matcher(raw)).find()) {
            return "a " + x.group(1) + " is compared or used where a " + x.group(2) + " is needed"
                    + (x.group(2).equals("boolean") ? " (a yes/no fact such as absentToday is used on its own or with !, not compared with a number)" : "");
        }
        if ((x = CANNOT_RESOLVE.matcher(raw)).find()) {
            return "'" + x.group(1) + "' is not known here: a fact, a bound $variable or an imported type was expected";
        }
        if (raw.contains("Unable to parse left part of expression") || raw.contains("Unknown property")) {
            return "a condition names something the facts do not have: " + first;
        }
        return first;
    }

    private static String simple(String type) {
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(dot + 1);
    }
}
