package org.attendanceoutreach.internal.compile;

import org.attendanceoutreach.internal.drl.DrlFile;
import org.attendanceoutreach.internal.drl.DrlModel;
import org.attendanceoutreach.internal.drl.DrlRule;
import org.attendanceoutreach.rules.RuleProblem;
import org.kie.api.builder.Message;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The executable model's compile messages, at the real file and line, in words policy staff use. */
final class CompilerMessages {
    private static final Pattern UNDEFINED_METHOD = Pattern.compile("The method (\\w+)\\((.*?)\\) is undefined for the type (\\w+)");
    private static final Pattern CANNOT_RESOLVE = Pattern.compile("(\\w+) cannot be resolved(?: to a (variable|type))?");
    private static final Pattern NOT_APPLICABLE = Pattern.compile("The method (\\w+)\\((.*?)\\) in the type (\\w+) is not applicable for the arguments \\((.*?)\\)");
    private static final Pattern MISMATCH = Pattern.compile("Type mismatch: cannot convert from (\\S+) to (\\S+)");

    private CompilerMessages() {
    }

    static RuleProblem translate(Message m, String prefix, DrlModel model, Function<String, String> displayName) {
        String raw = m.getText() == null ? "" : m.getText().strip();
        if (raw.contains("Parser returned a null Package")) {
            return null;
        }
        String path = m.getPath() == null ? "" : m.getPath();
        String file = path.startsWith(prefix) ? path.substring(prefix.length()) : null;
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
