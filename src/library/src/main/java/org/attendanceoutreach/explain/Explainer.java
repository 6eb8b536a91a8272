package org.attendanceoutreach.explain;

import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.facts.SchoolDays;
import org.attendanceoutreach.facts.StudentFacts;
import org.attendanceoutreach.internal.drl.DrlFile;
import org.attendanceoutreach.internal.drl.DrlModel;
import org.attendanceoutreach.internal.drl.DrlRule;
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

/**
 * Explains evaluations of one rule set. Near misses come from "probe" rules: for every rule and
 * every condition of its {@code StudentFacts( … )} pattern, a copy of the rule without that
 * condition and with an empty consequence. A probe that fires where its rule did not names the
 * one condition that failed.
 */
public final class Explainer {
    private static final String PROBE = "probe ";

    private final RuleSet rules;
    private final RuleSet probes;
    private final Map<String, String> probeConditions = new LinkedHashMap<>();
    private final Map<String, String> probeOf = new LinkedHashMap<>();
    private final Map<String, List<String>> conditionsOf = new LinkedHashMap<>();

    /** Builds the probe rules (a second compilation of the rule files: a few seconds). */
    public Explainer(RuleSet rules) throws RulesException, IOException {
        this(rules, null);
    }

    /** As {@link #Explainer(RuleSet)}, keeping the compiled probe rules in {@code compiledRulesCache} (may be null). */
    public Explainer(RuleSet rules, java.nio.file.Path compiledRulesCache) throws RulesException, IOException {
        this.rules = rules;
        Map<String, String> files = new TreeMap<>(rules.source().read());
        Map<String, String> withProbes = new TreeMap<>(files);
        for (DrlFile f : DrlModel.parse(files, rules.source()::displayName).files()) {
            withProbes.put("zz-probe-" + f.name(), probesFor(f));
        }
        this.probes = RuleCompiler.compile(RuleSource.inMemory("probes of " + rules.source().description(), withProbes),
                rules.policy(), compiledRulesCache, org.attendanceoutreach.rules.RuleLimits.DEFAULTS);
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

    /** Probe rules for one file, built from the parsed rules (the file's own imports, then one probe per condition). */
    private String probesFor(DrlFile file) {
        StringBuilder out = new StringBuilder("package outreach;\n");
        file.imports().forEach(i -> out.append("import ").append(i.text()).append(";\n"));
        for (DrlRule rule : file.rules()) {
            DrlRule.Pattern student = null;
            for (DrlRule.Pattern p : rule.patterns()) {
                if (p.type().endsWith("StudentFacts")) {
                    student = p;
                }
            }
            if (student == null) {
                continue;
            }
            List<String> conditions = student.constraints().stream().map(c -> c.text().strip()).toList();
            conditionsOf.put(rule.name(), conditions);
            if (conditions.size() < 2 && rule.patterns().size() < 2) {
                continue;
            }
            for (int i = 0; i < conditions.size(); i++) {
                if (conditions.get(i).matches("\\$\\w+\\s*:[^=<>!]*")) {
                    continue; // a binding only: nothing to miss
                }
                String probe = PROBE + i + ": " + rule.name();
                probeConditions.put(probe, conditions.get(i));
                probeOf.put(probe, rule.name());
                out.append("\nrule \"").append(probe.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n")
                        .append("    salience -1000\nwhen\n");
                for (DrlRule.Pattern p : rule.patterns()) {
                    List<String> kept = new ArrayList<>();
                    for (int k = 0; k < p.constraints().size(); k++) {
                        if (p != student || k != i) {
                            kept.add(p.constraints().get(k).text().strip());
                        }
                    }
                    out.append("    ").append(p.binding() == null ? "" : p.binding() + " : ").append(p.type())
                            .append("( ").append(String.join(", ", kept)).append(" )\n");
                }
                out.append("then\nend\n");
            }
        }
        return out.toString();
    }
}
