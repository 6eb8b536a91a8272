package org.attendanceoutreach.internal.sandbox;

import org.attendanceoutreach.catalog.Impact;
import org.attendanceoutreach.catalog.Owner;
import org.attendanceoutreach.catalog.Strategy;
import org.attendanceoutreach.facts.Proposal;
import org.attendanceoutreach.facts.StudentFacts;
import org.attendanceoutreach.policy.Policy;
import org.attendanceoutreach.result.AttendanceTier;
import org.attendanceoutreach.rules.Advice;
import org.attendanceoutreach.school.AbsenceReason;
import org.attendanceoutreach.school.AbsenceType;
import org.attendanceoutreach.school.ContactRole;
import org.attendanceoutreach.school.MeetingType;
import org.attendanceoutreach.school.OutreachKind;
import org.attendanceoutreach.school.OutreachOutcome;
import org.attendanceoutreach.school.PhoneStatus;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What rules may use, derived from the classes themselves: every public method and public static
 * final field of the rule API (the public classes of {@code org.attendanceoutreach.facts},
 * {@link Policy}, {@link Advice}, and the project's public enums), less a short deny list; plus a
 * short list of {@code java.lang} and {@code java.time} value methods. A public getter added to a
 * fact class is allowed at once; nothing else is.
 */
public final class RuleApi {
    static final String FACTS_PACKAGE = "org.attendanceoutreach.facts";

    /** Public classes of the facts package that rules may not use: they compute facts, rules read them. */
    static final Set<String> DENIED_CLASSES = Set.of(
            "org.attendanceoutreach.facts.FactsCalculator",
            "org.attendanceoutreach.facts.SchoolDays");

    /** Public members of the rule API that rules may not call: Class.method or Class.field. */
    static final Set<String> DENIED_MEMBERS = Set.of(
            "org.attendanceoutreach.facts.StudentFacts.proposals",
            "org.attendanceoutreach.facts.StudentFacts.holdIntensive", // through Advice.holdIntensive, which names the rule
            "org.attendanceoutreach.facts.StudentFacts.schoolDays",
            "org.attendanceoutreach.facts.StudentFacts.inPlace", // the plan reads it; rules ask supportInPlace
            "org.attendanceoutreach.facts.StudentFacts.progress", // the result carries it
            "org.attendanceoutreach.facts.StudentFacts.inPlaceIds",
            "org.attendanceoutreach.facts.Proposal.reasons",
            "org.attendanceoutreach.facts.Proposal.cautions");

    /** Methods of {@code java.lang.Object}, {@code Enum} and {@code Record} any value may be asked. */
    static final Set<String> VALUE_METHODS = Set.of("equals", "hashCode", "toString", "name", "ordinal", "compareTo");

    /** java.lang and java.time: class to the methods rules may call (constructors as {@code <init>}). */
    static final Map<String, Set<String>> PLATFORM = Map.ofEntries(
            Map.entry("java.lang.Object", Set.of("equals", "hashCode", "toString", "<init>")),
            Map.entry("java.lang.String", Set.of("length", "isEmpty", "isBlank", "equals", "equalsIgnoreCase", "contains",
                    "startsWith", "endsWith", "compareTo", "compareToIgnoreCase", "hashCode", "toString", "valueOf", "concat",
                    "strip", "trim", "toUpperCase", "toLowerCase", "charAt", "indexOf", "lastIndexOf", "substring")),
            Map.entry("java.lang.StringBuilder", Set.of("<init>", "append", "toString", "length")),
            Map.entry("java.lang.Math", Set.of("min", "max", "abs", "floor", "ceil", "round", "rint", "signum")),
            Map.entry("java.lang.Integer", Set.of("valueOf", "intValue", "longValue", "doubleValue", "compare", "equals",
                    "hashCode", "toString", "compareTo", "min", "max")),
            Map.entry("java.lang.Long", Set.of("valueOf", "intValue", "longValue", "doubleValue", "compare", "equals",
                    "hashCode", "toString", "compareTo", "min", "max")),
            Map.entry("java.lang.Double", Set.of("valueOf", "intValue", "longValue", "doubleValue", "compare", "equals",
                    "hashCode", "toString", "compareTo", "isNaN", "min", "max")),
            Map.entry("java.lang.Float", Set.of("valueOf", "floatValue", "doubleValue", "compare", "equals", "toString")),
            Map.entry("java.lang.Short", Set.of("valueOf", "shortValue", "intValue", "equals", "toString")),
            Map.entry("java.lang.Byte", Set.of("valueOf", "byteValue", "intValue", "equals", "toString")),
            Map.entry("java.lang.Boolean", Set.of("valueOf", "booleanValue", "equals", "toString", "hashCode", "compare")),
            Map.entry("java.lang.Character", Set.of("valueOf", "charValue", "equals", "toString")),
            Map.entry("java.lang.Number", Set.of("intValue", "longValue", "doubleValue", "floatValue")),
            Map.entry("java.lang.Enum", Set.of("name", "ordinal", "compareTo", "equals", "hashCode", "toString")),
            Map.entry("java.time.LocalDate", Set.of("of", "plusDays", "minusDays", "plusWeeks", "minusWeeks", "plusMonths",
                    "minusMonths", "isBefore", "isAfter", "isEqual", "getYear", "getMonthValue", "getMonth", "getDayOfMonth",
                    "getDayOfWeek", "getDayOfYear", "lengthOfMonth", "withDayOfMonth", "compareTo", "equals", "hashCode",
                    "toString", "toEpochDay")),
            Map.entry("java.time.DayOfWeek", Set.of("getValue", "plus", "minus", "name", "ordinal", "equals", "compareTo", "toString")),
            Map.entry("java.time.Month", Set.of("getValue", "plus", "minus", "name", "ordinal", "equals", "compareTo", "toString")),
            Map.entry("java.time.temporal.ChronoUnit", Set.of("between")),
            Map.entry("java.time.chrono.ChronoLocalDate", Set.of("isBefore", "isAfter", "isEqual", "compareTo", "toEpochDay")));

    /** Platform static fields rules may read: the enum constants of these types. */
    static final Set<String> PLATFORM_CONSTANTS = Set.of("java.time.DayOfWeek", "java.time.Month",
            "java.time.temporal.ChronoUnit", "java.lang.Boolean");

    private RuleApi() {
    }

    /** The classes compiled rules depend on (the key of cached compiled rules includes their bytes). */
    public static List<Class<?>> compiledAgainst() {
        return List.of(StudentFacts.class, Proposal.class, Policy.class, Advice.class, AttendanceTier.class, Owner.class,
                Strategy.class, Impact.class, AbsenceType.class, AbsenceReason.class, ContactRole.class, MeetingType.class,
                OutreachKind.class, OutreachOutcome.class, PhoneStatus.class);
    }

    /** A class of the rule API: a public class of the facts package, Policy, Advice, or a public enum of the project. */
    public static boolean isApiClass(Class<?> c) {
        if (!Modifier.isPublic(c.getModifiers()) || c.isArray() || DENIED_CLASSES.contains(c.getName())) {
            return false;
        }
        String pkg = c.getPackageName();
        if (pkg.equals(FACTS_PACKAGE)) {
            return c.getEnclosingClass() == null || Modifier.isStatic(c.getModifiers());
        }
        if (c == Policy.class || c == Advice.class) {
            return true;
        }
        return c.isEnum() && pkg.startsWith("org.attendanceoutreach.") && !pkg.startsWith("org.attendanceoutreach.internal");
    }

    /** A type a rule file may import or name: an API class, or {@code java.time} types rules may use. */
    public static boolean isImportable(String className) {
        if (PLATFORM.containsKey(className) && className.startsWith("java.time.")) {
            return true;
        }
        Class<?> c = load(className);
        return c != null && isApiClass(c) && c != Advice.class;
    }

    /** Loads a class by name without initialising it, or null. */
    static Class<?> load(String className) {
        try {
            return Class.forName(className, false, RuleApi.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /**
     * Whether a rule may call {@code owner.name} with this JVM descriptor. For the rule API, the
     * method must be public (declared there or inherited), not denied, and not one of
     * {@code Object}'s or {@code Enum}'s other than {@link #VALUE_METHODS}.
     */
    static boolean methodAllowed(String owner, String name, String descriptor) {
        Set<String> platform = PLATFORM.get(owner);
        if (platform != null) {
            return platform.contains(name) && !"now".equals(name);
        }
        Class<?> c = load(owner);
        if (c == null || !isApiClass(c)) {
            return false;
        }
        if (name.equals("<init>") || DENIED_MEMBERS.contains(owner + "." + name)) {
            return false;
        }
        for (Method m : c.getMethods()) {
            if (m.getName().equals(name) && descriptor.equals(descriptor(m))) {
                Class<?> declaring = m.getDeclaringClass();
                if (isApiClass(declaring)) {
                    return !DENIED_MEMBERS.contains(declaring.getName() + "." + name);
                }
                return VALUE_METHODS.contains(name)
                        && (declaring == Object.class || declaring == Enum.class || declaring == Record.class);
            }
        }
        return false;
    }

    /** Whether a rule may read the static field {@code owner.name}: a public static final field of the rule API, or a platform constant. */
    static boolean staticFieldAllowed(String owner, String name) {
        Class<?> c = load(owner);
        if (c == null) {
            return false;
        }
        if (!isApiClass(c) && !PLATFORM_CONSTANTS.contains(owner)) {
            return false;
        }
        if (DENIED_MEMBERS.contains(owner + "." + name)) {
            return false;
        }
        try {
            Field f = c.getField(name);
            int mod = f.getModifiers();
            return Modifier.isStatic(mod) && Modifier.isFinal(mod) && Modifier.isPublic(mod);
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    /** Whether a class may appear as a type in a rule's code (a cast, an instanceof, an array, a class literal). */
    static boolean typeAllowed(String className) {
        if (className.startsWith("[")) {
            return true; // arrays are checked by their element type where they are created
        }
        if (PLATFORM.containsKey(className) || PLATFORM_CONSTANTS.contains(className)) {
            return true;
        }
        Class<?> c = load(className);
        return c != null && isApiClass(c);
    }

    static String descriptor(Method m) {
        StringBuilder b = new StringBuilder("(");
        for (Class<?> p : m.getParameterTypes()) {
            b.append(org.objectweb.asm.Type.getDescriptor(p));
        }
        return b.append(')').append(org.objectweb.asm.Type.getDescriptor(m.getReturnType())).toString();
    }

    /** Every public method name of an API class (for "did you mean"). */
    public static List<String> methodNames(Class<?> c) {
        return java.util.Arrays.stream(c.getMethods()).filter(m -> m.getDeclaringClass() != Object.class)
                .map(Method::getName).distinct().sorted().toList();
    }
}
