package org.attendanceoutreach.rules;

import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.catalog.CatalogException;
import org.attendanceoutreach.policy.Policy;
import org.attendanceoutreach.policy.PolicyException;
import org.attendanceoutreach.policy.PolicyFile;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks and compiles a {@link RuleSource} into a {@link RuleSet}. Every problem, in every file,
 * is collected and reported together as {@code FILE:LINE: message}. A failed compile changes
 * nothing anywhere: it only throws.
 */
public final class RuleCompiler {
    private static final Logger LOG = LoggerFactory.getLogger(RuleCompiler.class);
    private static final AtomicLong BUILDS = new AtomicLong();

    private RuleCompiler() {
    }

    /**
     * Compiles the rules, with the policy of the folder's {@code policy.properties}
     * (or {@code policyOverride} when not null).
     *
     * @throws RulesException listing every problem found
     */
    public static RuleSet compile(RuleSource source, Policy policyOverride) throws RulesException {
        long start = System.nanoTime();
        Map<String, String> files;
        try {
            files = source.read();
        } catch (IOException e) {
            throw new RulesException(List.of(new RuleProblem(source.description(), 0, e.getMessage())));
        }
        List<RuleProblem> problems = new ArrayList<>();
        Catalog catalog = catalog(source, files, problems);
        Policy policy = policy(source, files, problems, policyOverride);
        Map<String, String> drl = new TreeMap<>();
        files.forEach((name, text) -> {
            if (name.endsWith(".drl")) {
                drl.put(name, text);
            }
        });
        if (drl.isEmpty()) {
            problems.add(new RuleProblem(source.displayName(""), 0, "no .drl rule files here"));
        }
        RuleIndex index = RuleIndex.of(drl);
        Map<String, String> ruleFiles = checkRuleNames(source, index, problems);
        if (catalog != null) {
            checkInterventions(source, index, catalog, problems);
        }
        List<RuleProblem> unsafe = new ArrayList<>();
        drl.forEach((file, text) -> unsafe.addAll(RuleSafety.check(source.displayName(file), text)));
        problems.addAll(unsafe);
        // unsafe code is never handed to the compiler
        KieBase base = unsafe.isEmpty() ? build(source, drl, problems) : null;
        if (!problems.isEmpty()) {
            Collections.sort(problems);
            throw new RulesException(problems);
        }
        List<String> names = new ArrayList<>();
        for (KiePackage p : base.getKiePackages()) {
            for (Rule r : p.getRules()) {
                names.add(r.getName());
            }
        }
        Collections.sort(names);
        LOG.info("compiled {} rules from {} files ({}) in {} ms", names.size(), drl.size(), source.description(),
                (System.nanoTime() - start) / 1_000_000);
        return new RuleSet(source, base, catalog, policy, names, ruleFiles);
    }

    private static Catalog catalog(RuleSource source, Map<String, String> files, List<RuleProblem> problems) {
        String text = files.get("catalog.json");
        String name = source.displayName("catalog.json");
        if (text == null) {
            problems.add(new RuleProblem(name, 0, "missing: the intervention catalog is required"));
            return null;
        }
        try {
            return Catalog.parse(name, text);
        } catch (CatalogException e) {
            for (String line : e.getMessage().split("\n")) {
                problems.add(located(line, name));
            }
            return null;
        }
    }

    private static Policy policy(RuleSource source, Map<String, String> files, List<RuleProblem> problems, Policy override) {
        String text = files.get("policy.properties");
        String name = source.displayName("policy.properties");
        if (text == null) {
            return override != null ? override : Policy.DEFAULTS;
        }
        try {
            Policy p = PolicyFile.parse(name, text);
            return override != null ? override : p;
        } catch (PolicyException e) {
            for (String line : e.problems()) {
                problems.add(located(line, name));
            }
            return null;
        }
    }

    /** Turns {@code FILE:LINE: message} back into a problem. */
    private static RuleProblem located(String line, String file) {
        Matcher m = Pattern.compile("^(.*):(\\d+): (.*)$", Pattern.DOTALL).matcher(line);
        return m.matches() ? new RuleProblem(m.group(1), Integer.parseInt(m.group(2)), m.group(3))
                : new RuleProblem(file, 0, line);
    }

    /** Rule names must be unique across all files; returns rule name to file. */
    private static Map<String, String> checkRuleNames(RuleSource source, RuleIndex index, List<RuleProblem> problems) {
        Map<String, RuleIndex.Entry> first = new LinkedHashMap<>();
        Map<String, String> fileOf = new LinkedHashMap<>();
        for (RuleIndex.Entry e : index.entries()) {
            RuleIndex.Entry before = first.putIfAbsent(e.rule(), e);
            if (before != null) {
                problems.add(new RuleProblem(source.displayName(e.file()), e.line(), "a rule named \"" + e.rule()
                        + "\" already exists at " + source.displayName(before.file()) + ":" + before.line()
                        + "; give each rule its own name"));
            } else {
                fileOf.put(e.rule(), e.file());
            }
        }
        return fileOf;
    }

    private static void checkInterventions(RuleSource source, RuleIndex index, Catalog catalog, List<RuleProblem> problems) {
        for (RuleIndex.Entry e : index.entries()) {
            for (RuleIndex.Mention m : e.mentions()) {
                if (!catalog.contains(m.intervention())) {
                    problems.add(new RuleProblem(source.displayName(e.file()), m.line(), "\"" + m.intervention()
                            + "\" is not an intervention in catalog.json; use a catalog id or add the practice there"));
                }
            }
        }
    }

    static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static KieBase build(RuleSource source, Map<String, String> drl, List<RuleProblem> problems) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId id = ks.newReleaseId("org.attendanceoutreach", "outreach-rules", "1.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(id);
        String prefix = "src/main/resources/outreach/";
        drl.forEach((file, text) -> kfs.write(prefix + file, text));
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            List<RuleProblem> found = new ArrayList<>();
            for (Message m : errors) {
                String path = m.getPath() == null ? "" : m.getPath();
                String file = path.startsWith(prefix) ? path.substring(prefix.length()) : path;
                String text = m.getText() == null ? "" : m.getText().strip();
                if (text.contains("Parser returned a null Package")) {
                    continue; // always follows a real parse error in the same file
                }
                int line = Math.max(m.getLine(), 0);
                found.add(new RuleProblem(source.displayName(file), line, firstLine(text) + hint(text)));
            }
            if (found.isEmpty()) {
                found.add(new RuleProblem(source.description(), 0, "the rules do not compile"));
            }
            problems.addAll(found);
            ks.getRepository().removeKieModule(id);
            return null;
        }
        KieContainer container = ks.newKieContainer(id);
        KieBase base = container.getKieBase();
        ks.getRepository().removeKieModule(id);
        return base;
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl).strip();
    }

    private static String hint(String text) {
        if (text.contains("mismatched input") || text.contains("no viable alternative") || text.contains("missing")) {
            return " (check the brackets, quotes and 'end' of the rule around this line)";
        }
        if (text.contains("Unable to resolve") || text.contains("unable to resolve")) {
            return " (a fact field or function that does not exist; see rules/README.md for the fact fields)";
        }
        return "";
    }
}
