package org.attendanceoutreach.rules;

import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.catalog.CatalogException;
import org.attendanceoutreach.internal.compile.CompiledRules;
import org.attendanceoutreach.internal.compile.CompiledRulesCache;
import org.attendanceoutreach.internal.compile.ExecModelCompiler;
import org.attendanceoutreach.internal.compile.RuleHash;
import org.attendanceoutreach.internal.drl.DrlFile;
import org.attendanceoutreach.internal.drl.DrlModel;
import org.attendanceoutreach.internal.drl.DrlRule;
import org.attendanceoutreach.internal.sandbox.BytecodeVerifier;
import org.attendanceoutreach.internal.sandbox.CheckedRules;
import org.attendanceoutreach.internal.sandbox.RuleChecks;
import org.attendanceoutreach.policy.Policy;
import org.attendanceoutreach.policy.PolicyException;
import org.attendanceoutreach.policy.PolicyFile;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks and compiles a {@link RuleSource} into a {@link RuleSet}. Every load goes the same way:
 * the files are parsed with Drools' own parser and checked against what rule files may do
 * ({@code internal.sandbox.RuleChecks}); then compiled by the executable model (or found already
 * compiled: bundled in the jar, or in a compiled-rules cache); then every generated class is
 * checked instruction by instruction ({@code internal.sandbox.BytecodeVerifier}) and only the
 * checked bytes are loaded. Every problem, in every file, is reported together as
 * {@code FILE:LINE: message}. A failed compile changes nothing anywhere: it only throws.
 */
public final class RuleCompiler {
    private static final Logger LOG = LoggerFactory.getLogger(RuleCompiler.class);

    private RuleCompiler() {
    }

    /**
     * Compiles the rules, with the policy of the folder's {@code policy.properties}
     * (or {@code policyOverride} when not null) and the default budgets.
     *
     * @throws RulesException listing every problem found
     */
    public static RuleSet compile(RuleSource source, Policy policyOverride) throws RulesException {
        return compile(source, policyOverride, null, RuleLimits.DEFAULTS);
    }

    /**
     * As {@link #compile(RuleSource, Policy)}, looking for (and keeping) the compiled rules in
     * {@code compiledRulesCache} (may be null: none), with these budgets for each student.
     */
    public static RuleSet compile(RuleSource source, Policy policyOverride, Path compiledRulesCache, RuleLimits limits)
            throws RulesException {
        long start = System.nanoTime();
        Checked checked = check(source, policyOverride);
        String hash = RuleHash.of(checked.drl);
        CompiledRules compiled = CompiledRulesCache.find(hash, compiledRulesCache);
        boolean fresh = compiled == null;
        List<RuleProblem> problems = new ArrayList<>();
        KieBase base = null;
        if (compiled != null) {
            base = load(compiled, checked.model, problems);
            if (base == null) {
                LOG.warn("compiled rules from the cache were refused by the sandbox; compiling again");
                CompiledRulesCache.evict(hash, compiledRulesCache);
                problems.clear();
                fresh = true;
            }
        }
        if (base == null) {
            compiled = compileChecked(checked, hash, problems);
            base = compiled == null ? null : load(compiled, checked.model, problems);
        }
        if (base == null) {
            Collections.sort(problems);
            throw new RulesException(problems);
        }
        if (fresh) {
            CompiledRulesCache.store(compiled, compiledRulesCache);
        }
        LOG.info("{} {} rules from {} files ({}) in {} ms", fresh ? "compiled" : "loaded precompiled",
                checked.names.size(), checked.drl.size(), source.description(), (System.nanoTime() - start) / 1_000_000);
        boolean batchable = checked.model.rules().stream().noneMatch(r -> r.attributes().containsKey("agenda-group")
                || r.attributes().containsKey("auto-focus"));
        return new RuleSet(source, base, checked.catalog, checked.policy, checked.names, checked.ruleFiles, limits, batchable,
                checked.letterFiles);
    }

    /** For the build: the checked, compiled and verified rules of a source, as data. */
    public static org.attendanceoutreach.internal.compile.CompiledRules precompile(RuleSource source) throws RulesException {
        Checked checked = check(source, null);
        List<RuleProblem> problems = new ArrayList<>();
        CompiledRules compiled = compileChecked(checked, RuleHash.of(checked.drl), problems);
        if (compiled == null || load(compiled, checked.model, problems) == null) {
            throw new RulesException(problems);
        }
        return compiled;
    }

    /** What passed the checks on the files themselves. */
    private record Checked(Map<String, String> drl, DrlModel model, Catalog catalog, Policy policy, List<String> names,
                           Map<String, String> ruleFiles, Map<String, String> letterFiles) {
    }

    private static Checked check(RuleSource source, Policy policyOverride) throws RulesException {
        Map<String, String> files;
        try {
            files = source.read();
        } catch (IOException e) {
            throw new RulesException(List.of(new RuleProblem(source.folderPath() == null ? source.description()
                    : source.folderPath().toAbsolutePath().normalize().toString(), 0, e.getMessage())));
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
        DrlModel model = DrlModel.parse(drl, source::displayName);
        for (DrlFile f : model.files()) {
            for (DrlFile.Located p : f.problems()) {
                problems.add(new RuleProblem(f.path(), p.line(), p.text()));
            }
            if (f.problems().isEmpty()) {
                problems.addAll(RuleChecks.check(f));
            }
        }
        Map<String, String> ruleFiles = checkRuleNames(model, problems);
        if (catalog != null) {
            checkInterventions(model, catalog, problems);
        }
        checkTiersAreSet(source, model, problems);
        if (!problems.isEmpty()) {
            Collections.sort(problems);
            throw new RulesException(problems);
        }
        List<String> names = new ArrayList<>(ruleFiles.keySet());
        Collections.sort(names);
        Map<String, String> letterFiles = new TreeMap<>();
        files.forEach((name, text) -> {
            if (name.startsWith(RuleSource.LETTERS + "/")) {
                letterFiles.put(name, text);
            }
        });
        return new Checked(drl, model, catalog, policy, names, ruleFiles, letterFiles);
    }

    private static CompiledRules compileChecked(Checked checked, String hash, List<RuleProblem> problems) {
        DrlModel model = checked.model;
        CompiledRules compiled = ExecModelCompiler.compile(checked.drl, model, name -> {
            DrlFile f = model.file(name);
            return f == null ? name : f.path();
        }, problems);
        return compiled == null ? null : new CompiledRules(compiled.modelClass(), compiled.classes(), hash);
    }

    /** Verifies and loads compiled rules; null (with problems) when the sandbox refuses them. */
    private static KieBase load(CompiledRules compiled, DrlModel model, List<RuleProblem> problems) {
        BytecodeVerifier.Result result = CheckedRules.verify(compiled);
        if (!result.ok()) {
            for (BytecodeVerifier.Violation v : result.violations()) {
                problems.add(locate(v, result, model));
            }
            return null;
        }
        try {
            return CheckedRules.kieBase(compiled);
        } catch (RuntimeException | LinkageError e) {
            problems.add(new RuleProblem("(rules)", 0, "the compiled rules could not be loaded: " + e.getClass().getSimpleName()));
            return null;
        }
    }

    /** A bytecode violation, at the rule (and its then part, for a consequence) it came from. */
    private static RuleProblem locate(BytecodeVerifier.Violation v, BytecodeVerifier.Result result, DrlModel model) {
        Set<String> rules = result.rulesOf(v.className());
        DrlRule rule = rules.isEmpty() ? null : model.rule(rules.iterator().next());
        String what = "the compiled rule does what rule files may not (" + v.what() + "); rules may use only the facts,"
                + " recommend( … ) and modify of the tiers (see \"What rule files may do\" in rules/README.md)";
        if (rule == null) {
            DrlFile first = model.files().isEmpty() ? null : model.files().get(0);
            return new RuleProblem(first == null ? "(rules)" : first.path(), 0, what + " [" + v.className() + "]");
        }
        int line = v.className().contains("LambdaConsequence") ? rule.consequenceLine() : rule.line();
        return new RuleProblem(rule.path(), line, "rule \"" + rule.name() + "\": " + what);
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
    static RuleProblem located(String line, String file) {
        Matcher m = Pattern.compile("^(.*):(\\d+): (.*)$", Pattern.DOTALL).matcher(line);
        return m.matches() ? new RuleProblem(m.group(1), Integer.parseInt(m.group(2)), m.group(3))
                : new RuleProblem(file, 0, line);
    }

    /** Rule names must be unique across all files; returns rule name to file. */
    private static Map<String, String> checkRuleNames(DrlModel model, List<RuleProblem> problems) {
        Map<String, DrlRule> first = new LinkedHashMap<>();
        Map<String, String> fileOf = new LinkedHashMap<>();
        for (DrlRule r : model.rules()) {
            DrlRule before = first.putIfAbsent(r.name(), r);
            if (before != null) {
                problems.add(new RuleProblem(r.path(), r.line(), "a rule named \"" + r.name() + "\" already exists at "
                        + before.path() + ":" + before.line() + "; give each rule its own name"));
            } else {
                fileOf.put(r.name(), r.file());
            }
        }
        return fileOf;
    }

    private static void checkInterventions(DrlModel model, Catalog catalog, List<RuleProblem> problems) {
        List<String> ids = catalog.practices().stream().map(p -> p.id()).toList();
        for (DrlRule r : model.rules()) {
            for (DrlRule.Mention m : r.actions().mentions()) {
                if (!catalog.contains(m.intervention())) {
                    problems.add(new RuleProblem(r.path(), m.line(), "\"" + m.intervention()
                            + "\" is not an intervention in catalog.json" + RuleChecks.didYouMean(m.intervention(), ids)
                            + "; use a catalog id or add the practice there"));
                }
            }
        }
    }

    /** The tiers are what every other rule reads: some rule must set the attendance tier, and some must raise the support tier. */
    private static void checkTiersAreSet(RuleSource source, DrlModel model, List<RuleProblem> problems) {
        if (model.files().stream().anyMatch(f -> !f.problems().isEmpty())) {
            return;
        }
        boolean attendance = false;
        boolean support = false;
        for (DrlRule r : model.rules()) {
            for (DrlRule.Call c : r.actions().calls()) {
                attendance |= c.method().equals("setAttendanceTier");
                support |= c.method().equals("raiseSupportTier");
            }
        }
        if (!attendance) {
            problems.add(new RuleProblem(source.displayName("attendance-tier.drl"), 0, "no rule sets the attendance tier,"
                    + " so no student could be evaluated; restore attendance-tier.drl"));
        }
        if (!support) {
            problems.add(new RuleProblem(source.displayName("support-tier.drl"), 0, "no rule raises the support tier,"
                    + " so every student would silently get support tier 1; restore support-tier.drl"));
        }
    }
}
