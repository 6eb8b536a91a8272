package org.attendanceoutreach.internal.sandbox;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import org.attendanceoutreach.facts.Proposal;
import org.attendanceoutreach.facts.StudentFacts;
import org.attendanceoutreach.internal.drl.DrlFile;
import org.attendanceoutreach.internal.drl.DrlRule;
import org.attendanceoutreach.policy.Policy;
import org.attendanceoutreach.rules.Advice;
import org.attendanceoutreach.rules.RuleProblem;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sandbox's checks on the parsed rule files: everything outside the subset policy staff use is
 * refused at its line with what to do instead. These exist for good messages; the boundary is
 * {@link BytecodeVerifier}, which checks what actually runs.
 */
public final class RuleChecks {
    /** The package every rule file declares. */
    public static final String PACKAGE = "outreach";
    /** Rule attributes policy staff may use. */
    static final Set<String> ATTRIBUTES = Set.of("salience", "no-loop", "agenda-group", "auto-focus");
    /** The fact types a pattern may match. */
    static final Map<String, Class<?>> FACT_TYPES = Map.of("StudentFacts", StudentFacts.class, "Policy", Policy.class,
            StudentFacts.class.getName(), StudentFacts.class, Policy.class.getName(), Policy.class);

    private RuleChecks() {
    }

    /** Every problem of one parsed file. */
    public static List<RuleProblem> check(DrlFile f) {
        List<RuleProblem> out = new ArrayList<>();
        String path = f.path();
        if (!PACKAGE.equals(f.packageName())) {
            out.add(new RuleProblem(path, Math.max(f.packageLine(), 1), f.packageName() == null
                    ? "a rule file starts with 'package outreach;'"
                    : "the package is '" + f.packageName() + "'; every rule file declares 'package outreach;'"));
        }
        Map<String, Class<?>> types = new HashMap<>();
        for (DrlFile.Located i : f.imports()) {
            String name = i.text();
            if (name.endsWith(".*")) {
                out.add(new RuleProblem(path, i.line(), "import " + name + ": import each type by its full name"
                        + " (import org.attendanceoutreach.facts.StudentFacts;)"));
            } else if (!RuleApi.isImportable(name)) {
                out.add(new RuleProblem(path, i.line(), "import " + name + " is not allowed: rule files may import only the"
                        + " fact types (StudentFacts, Policy), the project's enums (AttendanceTier, Owner, …) and java.time"
                        + " dates; see \"What rule files may do\" in rules/README.md"));
            } else {
                Class<?> c = RuleApi.load(name);
                if (c != null) {
                    types.put(c.getSimpleName(), c);
                }
            }
        }
        Set<String> functions = new LinkedHashSet<>();
        for (DrlFile.Located fn : f.functions()) {
            String target = fn.text();
            String prefix = Advice.class.getName() + ".";
            String method = target.startsWith(prefix) ? target.substring(prefix.length()) : null;
            if (method == null || !(method.equals("*") || adviceFunctions().contains(method))) {
                out.add(new RuleProblem(path, fn.line(), "import function " + target + " is not allowed: rule files may"
                        + " import only the functions of " + Advice.class.getName() + " (recommend …)"));
            } else if (method.equals("*")) {
                functions.addAll(adviceFunctions());
            } else {
                functions.add(method);
            }
        }
        for (DrlFile.Located c : f.constructs()) {
            out.add(new RuleProblem(path, c.line(), c.text() + " is not allowed in rule files: rules decide from the facts"
                    + " and recommend practices; ask a programmer to add what you need to the facts"));
        }
        for (DrlFile.Located a : f.attributes()) {
            out.add(new RuleProblem(path, a.line(), "'" + a.text() + "' for the whole file is not allowed"
                    + (a.text().startsWith("dialect") ? ": rules are written in Java (leave out dialect)" : "")));
        }
        for (DrlRule r : f.rules()) {
            checkRule(r, types, functions, out);
        }
        return out;
    }

    private static void checkRule(DrlRule r, Map<String, Class<?>> types, Set<String> functions, List<RuleProblem> out) {
        String path = r.path();
        r.attributes().forEach((name, a) -> {
            if (name.equals("dialect") && a.text().replace("\"", "").strip().equals("java")) {
                return;
            }
            if (!ATTRIBUTES.contains(name)) {
                out.add(new RuleProblem(path, a.line(), "rule \"" + r.name() + "\": '" + name + "' is not allowed"
                        + (name.equals("dialect") ? ": rules are written in Java (leave out dialect)"
                        : "; rules may use " + String.join(", ", new TreeSet<>(ATTRIBUTES)))));
            } else if (name.equals("salience") && !a.text().strip().matches("-?\\d{1,6}")) {
                out.add(new RuleProblem(path, a.line(), "rule \"" + r.name() + "\": salience is a whole number"));
            }
        });
        int students = 0;
        Map<String, Class<?>> bound = new HashMap<>();
        for (DrlRule.Condition c : r.conditions()) {
            if (c instanceof DrlRule.Other o) {
                out.add(new RuleProblem(path, o.line(), "rule \"" + r.name() + "\": '" + o.what() + "' is not allowed in a"
                        + " when part; write the conditions on StudentFacts( … ) and Policy( … )"));
                continue;
            }
            DrlRule.Pattern p = (DrlRule.Pattern) c;
            Class<?> type = FACT_TYPES.get(p.type());
            if (type == null) {
                out.add(new RuleProblem(path, p.line(), "rule \"" + r.name() + "\": a pattern on '" + p.type() + "'; rules match"
                        + " only StudentFacts( … ) and Policy( … )" + didYouMean(p.type(), List.of("StudentFacts", "Policy"))));
                continue;
            }
            if (p.source() != null) {
                out.add(new RuleProblem(path, p.line(), "rule \"" + r.name() + "\": '" + p.source() + "' is not allowed;"
                        + " match the facts themselves: " + type.getSimpleName() + "( … )"));
            }
            if (type == StudentFacts.class) {
                students++;
            }
            if (p.binding() != null) {
                bound.put(p.binding(), type);
            }
            for (DrlRule.Constraint k : p.constraints()) {
                checkConstraint(r, type, k, types, bound, out);
            }
        }
        if (students != 1) {
            out.add(new RuleProblem(path, r.line(), "rule \"" + r.name() + "\" matches " + students + " StudentFacts; a rule"
                    + " matches exactly one student: $student : StudentFacts( … )"));
        }
        for (DrlFile.Located p : r.actions().problems()) {
            out.add(new RuleProblem(path, p.line(), "rule \"" + r.name() + "\": " + p.text()));
        }
        for (DrlRule.Call call : r.actions().calls()) {
            checkCall(r, call, types, functions, bound, out);
        }
        for (DrlRule.Mention m : r.actions().mentions()) {
            if (!m.hasReason()) {
                out.add(new RuleProblem(path, m.line(), "rule \"" + r.name() + "\" recommends \"" + m.intervention()
                        + "\" without a reason; add .because( … ) with the facts behind it"));
            }
        }
    }

    /** A method called in a consequence: on a bound fact, an imported function, or a builder method of a recommendation. */
    private static void checkCall(DrlRule r, DrlRule.Call call, Map<String, Class<?>> types, Set<String> functions,
                                  Map<String, Class<?>> bound, List<RuleProblem> out) {
        String path = r.path();
        if (call.arguments() == -2) {
            Class<?> modified = bound.get(call.target());
            RuleProblem p = new RuleProblem(path, call.line(), "rule \"" + r.name() + "\": modify( " + call.target() + " ) changes"
                    + " something other than the student; rules change only the student's tiers: modify( $student ) { … }");
            if (modified != StudentFacts.class && !out.contains(p)) {
                out.add(p);
            }
            return;
        }
        if (call.arguments() == -1) {
            Class<?> enumType = types.get(call.target());
            if (enumType != null && enumType.isEnum()) {
                List<String> constants = java.util.Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
                if (!constants.contains(call.method())) {
                    out.add(new RuleProblem(path, call.line(), "rule \"" + r.name() + "\": " + enumType.getSimpleName() + " has no "
                            + call.method() + didYouMean(call.method(), constants) + "; it has " + String.join(", ", constants)));
                }
            } else if (enumType == null && !call.target().equals("Math")) {
                out.add(new RuleProblem(path, call.line(), "rule \"" + r.name() + "\": '" + call.target() + "' is not an imported"
                        + " type" + didYouMean(call.target(), new ArrayList<>(types.keySet()))
                        + "; import it (import org.attendanceoutreach.catalog.Owner;)"));
            }
            return;
        }
        if (call.target() == null) {
            if (!functions.contains(call.method()) && !call.method().equals("__modify__")) {
                out.add(new RuleProblem(path, call.line(), "rule \"" + r.name() + "\": '" + call.method() + "(…)' is not a"
                        + " function rules can call" + didYouMean(call.method(), new ArrayList<>(functions))
                        + (functions.isEmpty() ? "; import function org.attendanceoutreach.rules.Advice.recommend;" : "")));
            }
            return;
        }
        Class<?> on = null;
        if (call.target().equals("recommend()")) {
            on = Proposal.class;
        } else if (bound.containsKey(call.target())) {
            on = bound.get(call.target());
        }
        if (on == null) {
            return; // calls on values (a date, a text): the compiler and the bytecode check see to them
        }
        List<String> names = RuleApi.methodNames(on);
        if (!names.contains(call.method()) && !isChainedOnResult(on, call)) {
            out.add(new RuleProblem(path, call.line(), "rule \"" + r.name() + "\": '" + call.method() + "' is not something "
                    + (on == Proposal.class ? "a recommendation" : on.getSimpleName()) + " has"
                    + didYouMean(call.method(), names)
                    + (on == Proposal.class ? " (after recommend( … ) come .by( … ), .due( … ), .because( … ), .caution( … ))" : "")));
        }
    }

    /** {@code $student.getToday().plusDays(1)} has target {@code $student} but calls plusDays on a date: not a StudentFacts method. */
    private static boolean isChainedOnResult(Class<?> on, DrlRule.Call call) {
        return on != Proposal.class && !call.method().startsWith("get") && !call.method().startsWith("is")
                && RuleApi.methodNames(java.time.LocalDate.class).contains(call.method());
    }

    /** Field names and methods in a constraint must exist on the pattern's type; a rate compared with a whole number is a slip. */
    private static void checkConstraint(DrlRule r, Class<?> type, DrlRule.Constraint k, Map<String, Class<?>> types,
                                        Map<String, Class<?>> bound, List<RuleProblem> out) {
        String text = k.text();
        String expression = text;
        int colon = topLevelBinding(text);
        if (colon > 0) {
            String variable = text.substring(0, colon).strip();
            expression = text.substring(colon + 1);
            bound.putIfAbsent(variable, Object.class);
        }
        ParseResult<Expression> parsed = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)).parseExpression(expression);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            return; // DRL-only syntax (in, matches, …): Drools reports it
        }
        Expression e = parsed.getResult().get();
        Set<String> properties = properties(type);
        for (NameExpr n : e.findAll(NameExpr.class)) {
            String name = n.getNameAsString();
            if (name.startsWith("$") || bound.containsKey(name) || types.containsKey(name) || name.equals("this")
                    || n.getParentNode().filter(p -> p instanceof FieldAccessExpr || p instanceof MethodCallExpr m
                    && m.getScope().filter(s -> s == n).isPresent()).isPresent() && Character.isUpperCase(name.charAt(0))) {
                continue;
            }
            if (!properties.contains(name)) {
                out.add(new RuleProblem(r.path(), k.line(), "rule \"" + r.name() + "\": " + type.getSimpleName()
                        + " has no fact '" + name + "'" + didYouMean(name, new ArrayList<>(properties))
                        + (type == StudentFacts.class ? "; the facts are listed in rules/README.md" : "")));
            }
        }
        for (MethodCallExpr m : e.findAll(MethodCallExpr.class)) {
            if (m.getScope().isEmpty() && !RuleApi.methodNames(type).contains(m.getNameAsString())) {
                out.add(new RuleProblem(r.path(), k.line(), "rule \"" + r.name() + "\": " + type.getSimpleName()
                        + " has no '" + m.getNameAsString() + "( … )'" + didYouMean(m.getNameAsString(), RuleApi.methodNames(type))));
            }
        }
        for (FieldAccessExpr fa : e.findAll(FieldAccessExpr.class)) {
            if (fa.getScope() instanceof NameExpr n && types.containsKey(n.getNameAsString())) {
                Class<?> enumType = types.get(n.getNameAsString());
                if (enumType.isEnum()) {
                    List<String> constants = java.util.Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
                    if (!constants.contains(fa.getNameAsString())) {
                        out.add(new RuleProblem(r.path(), k.line(), "rule \"" + r.name() + "\": " + enumType.getSimpleName()
                                + " has no " + fa.getNameAsString() + didYouMean(fa.getNameAsString(), constants)
                                + "; it has " + String.join(", ", constants)));
                    }
                }
            }
        }
        for (BinaryExpr b : e.findAll(BinaryExpr.class)) {
            if (b.getLeft() instanceof NameExpr n && isYesNo(type, n.getNameAsString())
                    && (b.getRight() instanceof IntegerLiteralExpr || b.getRight() instanceof DoubleLiteralExpr)) {
                out.add(new RuleProblem(r.path(), k.line(), "rule \"" + r.name() + "\": " + n.getNameAsString() + " is a yes/no"
                        + " fact, so '" + b + "' cannot hold; write " + n.getNameAsString() + " (or !" + n.getNameAsString() + ")"));
            }
            if (b.getLeft() instanceof NameExpr n && isShare(n.getNameAsString()) && number(b.getRight()) > 1) {
                out.add(new RuleProblem(r.path(), k.line(), "rule \"" + r.name() + "\": " + n.getNameAsString() + " is a share"
                        + " from 0 to 1 (10% is 0.10), so '" + b + "' never holds; write " + (number(b.getRight()) / 100)
                        + " or, better, use the policy's number: Policy( $limit : … )"));
            }
        }
    }

    /** A property read through {@code isX()} returning boolean. */
    private static boolean isYesNo(Class<?> type, String property) {
        try {
            Method m = type.getMethod("is" + Character.toUpperCase(property.charAt(0)) + property.substring(1));
            return m.getReturnType() == boolean.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static boolean isShare(String name) {
        return name.endsWith("Rate") || name.endsWith("Share");
    }

    private static double number(Expression e) {
        if (e instanceof IntegerLiteralExpr i) {
            return i.asNumber().doubleValue();
        }
        if (e instanceof DoubleLiteralExpr d) {
            return d.asDouble();
        }
        return 0;
    }

    /** The index of the ':' of {@code $x : field}, or -1. */
    private static int topLevelBinding(String text) {
        int depth = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                in = !in;
            } else if (!in && (c == '(' || c == '[')) {
                depth++;
            } else if (!in && (c == ')' || c == ']')) {
                depth--;
            } else if (!in && depth == 0 && c == ':' && (i + 1 >= text.length() || text.charAt(i + 1) != ':')) {
                return text.substring(0, i).strip().matches("\\$?[A-Za-z_][A-Za-z0-9_]*") ? i : -1;
            }
        }
        return -1;
    }

    /** The names a constraint may use for a type: its properties (getX, isX, record components). */
    static Set<String> properties(Class<?> type) {
        Set<String> out = new TreeSet<>();
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String n = m.getName();
            if (n.startsWith("get") && n.length() > 3) {
                out.add(Character.toLowerCase(n.charAt(3)) + n.substring(4));
            } else if (n.startsWith("is") && n.length() > 2) {
                out.add(Character.toLowerCase(n.charAt(2)) + n.substring(3));
            }
        }
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                out.add(c.getName());
            }
        }
        out.remove("class");
        return out;
    }

    static List<String> adviceFunctions() {
        return java.util.Arrays.stream(Advice.class.getMethods()).filter(m -> Modifier.isStatic(m.getModifiers()))
                .map(Method::getName).distinct().toList();
    }

    /** "; did you mean 'absenceRun'?" for the closest name, or "". */
    public static String didYouMean(String wrong, List<String> names) {
        return org.attendanceoutreach.internal.DidYouMean.of(wrong, names);
    }
}
