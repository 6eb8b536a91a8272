package org.attendanceoutreach.explain;

import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.facts.SchoolDays;
import org.attendanceoutreach.facts.StudentFacts;
import org.attendanceoutreach.rules.RuleCompiler;
import org.attendanceoutreach.rules.RuleSet;
import org.attendanceoutreach.rules.RuleSource;
import org.attendanceoutreach.rules.RulesException;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.Student;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains evaluations of one rule set. Near misses come from "probe" rules: for every rule and
 * every condition of its {@code StudentFacts( … )} pattern, a copy of the rule without that
 * condition and with an empty consequence. A probe that fires where its rule did not names the
 * one condition that failed.
 */
public final class Explainer {
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]*)\"", Pattern.MULTILINE);
    private static final Pattern WHEN = Pattern.compile("\\bwhen\\b");
    private static final Pattern THEN = Pattern.compile("\\bthen\\b");
    private static final Pattern END = Pattern.compile("^\\s*end\\s*$", Pattern.MULTILINE);
    private static final String PROBE = "probe ";

    private final RuleSet rules;
    private final RuleSet probes;
    private final Map<String, String> probeConditions = new LinkedHashMap<>();
    private final Map<String, String> probeOf = new LinkedHashMap<>();
    private final Map<String, List<String>> conditionsOf = new LinkedHashMap<>();

    /** Builds the probe rules (a second compilation of the rule files: a few seconds). */
    public Explainer(RuleSet rules) throws RulesException, IOException {
        this.rules = rules;
        Map<String, String> files = new TreeMap<>(rules.source().read());
        Map<String, String> withProbes = new TreeMap<>(files);
        files.forEach((name, text) -> {
            if (name.endsWith(".drl")) {
                withProbes.put("zz-probe-" + name, probesFor(text));
            }
        });
        this.probes = RuleCompiler.compile(RuleSource.inMemory("probes of " + rules.source().description(), withProbes), rules.policy());
    }

    /** Explains one student's evaluation. */
    public Explanation explain(School school, SchoolDays days, Student student) {
        StudentResult result = rules.evaluate(school, days, student);
        Map<String, Object> facts = new TreeMap<>();
        List<NearMiss> near = new ArrayList<>();
        if (!result.isError()) {
            facts.putAll(factsOf(rules.facts(school, days, student)));
            StudentResult probed = probes.evaluate(school, days, student);
            for (String fired : probed.rulesFired()) {
                String rule = probeOf.get(fired);
                if (rule != null && !result.rulesFired().contains(rule)) {
                    near.add(new NearMiss(rule, rules.fileOf(rule), probeConditions.get(fired)));
                }
            }
        }
        Map<String, List<String>> matched = new LinkedHashMap<>();
        for (String rule : result.rulesFired()) {
            matched.put(rule, conditionsOf.getOrDefault(rule, List.of()));
        }
        return new Explanation(result, facts, result.rulesFired(), near, matched);
    }

    /** Every readable fact of the student, by property name. */
    static Map<String, Object> factsOf(StudentFacts f) {
        Map<String, Object> out = new TreeMap<>();
        for (Method m : StudentFacts.class.getMethods()) {
            String n = m.getName();
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() != StudentFacts.class) {
                continue;
            }
            String property = n.startsWith("get") ? n.substring(3) : n.startsWith("is") ? n.substring(2) : null;
            if (property == null || property.isEmpty()) {
                continue;
            }
            try {
                out.put(Character.toLowerCase(property.charAt(0)) + property.substring(1), m.invoke(f));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private String probesFor(String text) {
        Matcher first = RULE.matcher(text);
        StringBuilder out = new StringBuilder(first.find() ? text.substring(0, first.start()) : text);
        Matcher m = RULE.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            Matcher end = END.matcher(text);
            int stop = end.find(m.end()) ? end.start() : text.length();
            String body = text.substring(m.end(), stop);
            Matcher when = WHEN.matcher(body);
            Matcher then = THEN.matcher(body);
            if (!when.find() || !then.find(when.end())) {
                continue;
            }
            String header = body.substring(0, when.start());
            String lhs = body.substring(when.end(), then.start());
            int open = lhs.indexOf("StudentFacts(");
            if (open < 0) {
                continue;
            }
            int start = open + "StudentFacts(".length();
            int close = matching(lhs, start);
            if (close < 0) {
                continue;
            }
            List<String> conditions = split(lhs.substring(start, close));
            conditionsOf.put(name, conditions.stream().map(String::strip).filter(c -> !c.isEmpty()).toList());
            if (conditions.size() < 2 && !lhs.contains("Policy(")) {
                continue;
            }
            for (int i = 0; i < conditions.size(); i++) {
                List<String> rest = new ArrayList<>(conditions);
                String missing = rest.remove(i).strip();
                String probe = PROBE + i + ": " + name;
                probeConditions.put(probe, missing);
                probeOf.put(probe, name);
                out.append("\nrule \"").append(probe).append("\"").append(header.replaceAll("salience\\s+-?\\d+", "salience -1000"))
                        .append("when").append(lhs, 0, start).append(String.join(", ", rest)).append(lhs.substring(close))
                        .append("then\nend\n");
            }
        }
        return out.toString();
    }

    private static int matching(String s, int from) {
        int depth = 1;
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int last = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']')) {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                out.add(s.substring(last, i));
                last = i + 1;
            }
        }
        if (!s.substring(last).isBlank()) {
            out.add(s.substring(last));
        }
        return out;
    }
}
