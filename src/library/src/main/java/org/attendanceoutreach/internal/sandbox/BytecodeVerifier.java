package org.attendanceoutreach.internal.sandbox;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox's boundary: checks every class the executable model generated from the rule files,
 * instruction by instruction, against an allow-list, before any of it is loaded. What it checks is
 * exactly what runs ({@link VerifiedClassLoader} loads these bytes and nothing else), so unicode
 * escapes, comments, string tricks and reflection have nowhere to hide.
 *
 * <p>Allowed: the members {@link RuleApi} allows (the fact API, a few {@code java.lang} and
 * {@code java.time} value methods); in the classes that build the model, the executable model's
 * DSL calls today's rules need; in predicates, extractors and consequences, the executable
 * model's runtime calls ({@code Drools.update}, the {@code RuleContext} handed to
 * {@code recommend}, comparison helpers); and the boilerplate the code generator writes around
 * each lambda (an enum with one constant). Everywhere: no jump backwards (no loop), no call cycle
 * among generated methods (no recursion), no try/catch, no monitors, no class the generator does
 * not write.
 */
public final class BytecodeVerifier {
    /** One thing the compiled rules may not do, in the class it was found in. */
    public record Violation(String className, String method, String what) {
    }

    /** The executable model's DSL: class to methods the model-building code may call. */
    static final Map<String, Set<String>> MODEL_DSL = Map.ofEntries(
            Map.entry("org/drools/modelcompiler/dsl/pattern/D", Set.of("rule", "pattern", "declarationOf", "on", "execute",
                    "betaIndexedBy", "alphaIndexedBy", "attribute", "reactOn", "watch")),
            Map.entry("org/drools/model/PatternDSL$PatternDef", Set.of("expr", "bind", "watch", "reactOn")),
            Map.entry("org/drools/model/PatternDSL$PatternDefImpl", Set.of("expr", "bind", "watch", "reactOn")),
            Map.entry("org/drools/model/impl/RuleBuilder", Set.of("build", "attribute", "metadata")),
            Map.entry("org/drools/model/DomainClassMetadata", Set.of("getPropertyIndex")),
            Map.entry("org/drools/model/BitMask", Set.of("getPatternMask")),
            Map.entry("org/drools/model/Index$ConstraintType", Set.of()),
            Map.entry("org/drools/model/Rule$Attribute", Set.of()),
            Map.entry("java/util/Collections", Set.of("emptyList")),
            Map.entry("java/util/Arrays", Set.of("asList")),
            Map.entry("java/util/List", Set.of("add", "addAll")),
            Map.entry("java/util/ArrayList", Set.of("<init>", "add", "addAll")),
            Map.entry("java/time/format/DateTimeFormatterBuilder", Set.of("<init>", "parseCaseInsensitive", "appendPattern", "toFormatter")),
            Map.entry("org/drools/util/DateUtils", Set.of("getDateFormatMask")),
            Map.entry("org/drools/model/impl/ModelImpl", Set.of()));

    /** Consequence builders: {@code ConsequenceBuilder$_1.execute(Block2)} and so on. */
    private static final String CONSEQUENCE_BUILDER = "org/drools/model/consequences/ConsequenceBuilder$_";

    /** The executable model's runtime, as predicates, extractors and consequences call it. */
    static final Map<String, Set<String>> LAMBDA_RUNTIME = Map.ofEntries(
            Map.entry("org/drools/model/Drools", Set.of("update")),
            Map.entry("org/drools/model/BitMask", Set.of("getPatternMask")),
            Map.entry("org/drools/model/functions/PredicateInformation", Set.of("<init>", "addRuleNames", "setMoreThanMaxRuleDefs")),
            Map.entry("org/drools/modelcompiler/util/EvaluationUtil", Set.of("areNullSafeEquals", "areNumbersNullSafeEquals",
                    "greaterThan", "greaterOrEqual", "lessThan", "lessOrEqual", "greaterThanNumbers", "greaterOrEqualNumbers",
                    "lessThanNumbers", "lessOrEqualNumbers", "convertDate", "toBigDecimal", "convertDateLocal")));

    /** Types the runtime hands to generated code, which it may cast to (and nothing more). */
    static final Set<String> RUNTIME_TYPES = Set.of("org/drools/model/Drools", "org/kie/api/runtime/rule/RuleContext",
            "org/drools/model/BitMask", "org/drools/model/functions/PredicateInformation", "java/lang/String",
            "java/lang/Object", "org/drools/model/Rule", "org/drools/model/RuleItemBuilder", "org/drools/model/Variable",
            "org/drools/model/Declaration", "org/drools/model/Global", "org/drools/model/TypeMetaData",
            "org/drools/model/functions/Function1", "org/drools/model/functions/Predicate1");

    /** Interfaces a generated class may implement. */
    private static final Set<String> INTERFACES_PREFIXES = Set.of("org/drools/model/functions/Predicate",
            "org/drools/model/functions/Function", "org/drools/model/functions/Block", "org/drools/model/functions/HashedExpression");
    private static final Set<String> INTERFACES = Set.of("org/drools/model/Model", "org/drools/model/DomainClassMetadata");

    private final Map<String, byte[]> classes;
    private final String modelClass;
    private final Set<String> generated = new HashSet<>();
    private final List<Violation> violations = new ArrayList<>();
    /** Generated method to the generated methods it calls (for the recursion check). */
    private final Map<String, Set<String>> calls = new HashMap<>();
    /** Lambda class to the names of the rules that use it. */
    private final Map<String, Set<String>> rulesOf = new HashMap<>();

    private BytecodeVerifier(Map<String, byte[]> classes, String modelClass) {
        this.classes = classes;
        this.modelClass = modelClass.replace('.', '/');
        classes.keySet().forEach(n -> generated.add(n.replace('.', '/')));
    }

    /** Everything the compiled rules may not do (empty: they may run). */
    public static Result verify(Map<String, byte[]> classes, String modelClass) {
        BytecodeVerifier v = new BytecodeVerifier(classes, modelClass);
        v.run();
        return new Result(List.copyOf(v.violations), v.rulesOf);
    }

    /** The violations, and for each generated class the rules it belongs to (to say where a violation is). */
    public record Result(List<Violation> violations, Map<String, Set<String>> rulesOfClass) {
        public boolean ok() {
            return violations.isEmpty();
        }

        /** The rules a class's code belongs to (a nested class belongs to its outer class's rules). */
        public Set<String> rulesOf(String className) {
            String n = className.replace('.', '/');
            int dollar = n.indexOf('$');
            Set<String> r = rulesOfClass.get(n);
            if ((r == null || r.isEmpty()) && dollar > 0) {
                r = rulesOfClass.get(n.substring(0, dollar));
            }
            return r == null ? Set.of() : r;
        }
    }

    /** Rule attributes the model may set: none that acts across students or on a clock. */
    static final Set<String> ATTRIBUTES = Set.of("SALIENCE", "NO_LOOP", "AGENDA_GROUP", "AUTO_FOCUS");
    /** The largest array a rule may make (the arguments of {@code because( … )}). */
    static final int MAX_ARRAY = 256;

    private void run() {
        if (!generated.contains(modelClass)) {
            violations.add(new Violation(modelClass, "", "the model class is missing"));
            return;
        }
        if (!modelClass.startsWith("outreach/") || modelClass.indexOf('/', "outreach/".length()) >= 0) {
            violations.add(new Violation(modelClass, "", "rules of a package other than outreach"));
            return;
        }
        // first the model-building classes, which say which rule each lambda belongs to
        List<String> order = new ArrayList<>(generated);
        order.sort((a, b) -> Boolean.compare(kind(a) == Kind.LAMBDA, kind(b) == Kind.LAMBDA));
        for (String name : order) {
            Kind kind = kind(name);
            if (kind == null) {
                violations.add(new Violation(name, "", "a class the executable model does not generate"));
                continue;
            }
            try {
                new ClassReader(classes.get(name.replace('/', '.'))).accept(new ClassCheck(name, kind), 0);
            } catch (RuntimeException e) {
                violations.add(new Violation(name, "", "unreadable class (" + e.getClass().getSimpleName() + ")"));
            }
        }
        checkNoCycles();
    }

    enum Kind { MODEL, LAMBDA }

    /** Which generated class this is, by the names the executable model gives them; null: none it writes. */
    Kind kind(String name) {
        if (name.equals(modelClass) || name.matches(java.util.regex.Pattern.quote(modelClass) + "RuleMethods\\d+")) {
            return Kind.MODEL;
        }
        String pkg = modelClass.substring(0, modelClass.lastIndexOf('/') + 1);
        if (name.matches(java.util.regex.Pattern.quote(pkg) + "DomainClassesMetadata[0-9A-F]+(\\$[A-Za-z0-9_]+_Metadata)?")) {
            return Kind.MODEL;
        }
        if (name.matches(java.util.regex.Pattern.quote(pkg) + "P[0-9A-F]{2}/Lambda(Predicate|Consequence|Extractor)[0-9A-F]+")) {
            return Kind.LAMBDA;
        }
        return null;
    }

    private void violation(String cls, String method, String what) {
        violations.add(new Violation(cls.replace('/', '.'), method, what));
    }

    private final class ClassCheck extends ClassVisitor {
        private final String name;
        private final Kind kind;
        private boolean isEnum;

        ClassCheck(String name, Kind kind) {
            super(Opcodes.ASM9);
            this.name = name;
            this.kind = kind;
        }

        @Override
        public void visit(int version, int access, String n, String signature, String superName, String[] interfaces) {
            if (!n.equals(name)) {
                violation(name, "", "the class inside is named " + n);
            }
            isEnum = "java/lang/Enum".equals(superName);
            if (!"java/lang/Object".equals(superName) && !isEnum) {
                violation(name, "", "extends " + superName.replace('/', '.'));
            }
            for (String i : interfaces) {
                if (!INTERFACES.contains(i) && INTERFACES_PREFIXES.stream().noneMatch(i::startsWith)) {
                    violation(name, "", "implements " + i.replace('/', '.'));
                }
            }
        }

        @Override
        public MethodVisitor visitMethod(int access, String method, String descriptor, String signature, String[] exceptions) {
            if ((access & Opcodes.ACC_NATIVE) != 0) {
                violation(name, method, "a native method");
            }
            return new MethodCheck(name, kind, isEnum, method, descriptor, access);
        }
    }

    private final class MethodCheck extends MethodVisitor {
        private final String owner;
        private final Kind kind;
        private final boolean isEnum;
        private final String method;
        private final String descriptor;
        private final String key;
        private final Set<Label> seen = new HashSet<>();
        private final List<String> strings = new ArrayList<>();
        private String ruleName;
        /** The int constant pushed by the instruction just before, or null. */
        private Integer lastConstant;
        private int studentPatterns;

        MethodCheck(String owner, Kind kind, boolean isEnum, String method, String descriptor, int access) {
            super(Opcodes.ASM9);
            this.owner = owner;
            this.kind = kind;
            this.isEnum = isEnum;
            this.method = method;
            this.descriptor = descriptor;
            this.key = owner + "." + method + descriptor;
            calls.computeIfAbsent(key, k -> new LinkedHashSet<>());
        }

        private void refuse(String what) {
            violation(owner, method, what);
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            if (opcode == Opcodes.NEWARRAY) {
                refuse("an array of numbers");
            }
            lastConstant = opcode == Opcodes.BIPUSH || opcode == Opcodes.SIPUSH ? operand : null;
        }

        @Override
        public void visitEnd() {
            if (kind == Kind.MODEL && method.startsWith("rule_") && descriptor.equals("()Lorg/drools/model/Rule;") && studentPatterns != 1) {
                refuse("a rule that matches " + studentPatterns + " students (exactly one is allowed)");
            }
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (opcode == Opcodes.JSR) {
                refuse("a subroutine jump");
            } else if (seen.contains(label)) {
                refuse("a loop (a jump backwards)");
            }
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            checkForward(dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            checkForward(dflt, labels);
        }

        private void checkForward(Label dflt, Label[] labels) {
            boolean back = seen.contains(dflt);
            for (Label l : labels) {
                back |= seen.contains(l);
            }
            if (back) {
                refuse("a loop (a switch that jumps backwards)");
            }
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            refuse("a try/catch");
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode == Opcodes.MONITORENTER || opcode == Opcodes.MONITOREXIT) {
                refuse("synchronized (a monitor)");
            }
            lastConstant = opcode >= Opcodes.ICONST_M1 && opcode <= Opcodes.ICONST_5 ? opcode - Opcodes.ICONST_0 : null;
        }

        @Override
        public void visitVarInsn(int opcode, int var) {
            lastConstant = null;
            if (opcode == Opcodes.RET) {
                refuse("a subroutine return");
            }
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dims) {
            refuse("a multi-dimensional array");
        }

        @Override
        public void visitLdcInsn(Object value) {
            lastConstant = null;
            if (value instanceof Type t && t.getInternalName().equals("org/attendanceoutreach/facts/StudentFacts")) {
                studentPatterns++;
            }
            if (value instanceof String s) {
                strings.add(s);
            } else if (value instanceof Type t) {
                if (t.getSort() == Type.METHOD) {
                    refuse("a method type constant");
                } else if (!typeOk(t.getSort() == Type.ARRAY ? t.getElementType().getInternalName() : t.getInternalName(), true)) {
                    refuse("the class " + t.getClassName() + " as a value");
                }
            } else if (value instanceof Handle || value instanceof org.objectweb.asm.ConstantDynamic) {
                refuse("a method handle constant");
            }
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            boolean enumValues = isEnum && method.equals("values") && type.equals(owner);
            if (opcode == Opcodes.ANEWARRAY && !enumValues && (lastConstant == null || lastConstant < 0
                    || lastConstant > (kind == Kind.MODEL ? Short.MAX_VALUE : MAX_ARRAY))) {
                refuse("an array of computed or large size");
            }
            lastConstant = null;
            String element = Type.getObjectType(type).getSort() == Type.ARRAY
                    ? Type.getObjectType(type).getElementType().getInternalName() : type;
            if (opcode == Opcodes.NEW) {
                boolean ok = type.equals(owner) && isEnum && method.equals("<clinit>")
                        || type.equals("java/lang/StringBuilder")
                        || kind == Kind.LAMBDA && type.equals("org/drools/model/functions/PredicateInformation")
                        || kind == Kind.MODEL && (type.equals("java/time/format/DateTimeFormatterBuilder") || type.equals("java/util/ArrayList"))
                        || isMetadata(owner) && (isMetadata(type) && generated.contains(type) || type.equals("java/lang/RuntimeException"));
                if (!ok) {
                    refuse("creates a " + type.replace('/', '.'));
                }
            } else if (!typeOk(element, opcode != Opcodes.ANEWARRAY || true)) {
                refuse((opcode == Opcodes.CHECKCAST ? "casts to " : opcode == Opcodes.INSTANCEOF ? "tests for " : "an array of ")
                        + element.replace('/', '.'));
            }
        }

        private boolean typeOk(String internal, boolean asValue) {
            if (internal.length() == 1 || generated.contains(internal) && (internal.equals(owner) || kind == Kind.MODEL)) {
                return true; // a primitive, or this class (an enum's own constants)
            }
            if (RUNTIME_TYPES.contains(internal)) {
                return true;
            }
            if (kind == Kind.MODEL && (MODEL_DSL.containsKey(internal) || internal.startsWith("org/drools/model/"))) {
                return true;
            }
            return RuleApi.typeAllowed(internal.replace('/', '.'));
        }

        @Override
        public void visitFieldInsn(int opcode, String fieldOwner, String name, String fieldDescriptor) {
            lastConstant = null;
            if (fieldOwner.equals(owner)) {
                return; // its own fields (an enum's INSTANCE, the model's lists)
            }
            if (opcode != Opcodes.GETSTATIC) {
                refuse("writes or reads a field of " + fieldOwner.replace('/', '.'));
                return;
            }
            if (generated.contains(fieldOwner)) {
                boolean metadata = fieldOwner.contains("/DomainClassesMetadata") && name.endsWith("_Metadata_INSTANCE");
                boolean lambda = kind == Kind.MODEL && name.equals("INSTANCE") && kind(fieldOwner) == Kind.LAMBDA;
                if (lambda && ruleName != null) {
                    rulesOf.computeIfAbsent(fieldOwner, k -> new LinkedHashSet<>()).add(ruleName);
                }
                if (!metadata && !lambda) {
                    refuse("reads " + fieldOwner.replace('/', '.') + "." + name);
                }
                return;
            }
            boolean ok = RuleApi.staticFieldAllowed(fieldOwner.replace('/', '.'), name)
                    || fieldOwner.startsWith("java/lang/") && name.equals("TYPE") && isBox(fieldOwner)
                    || kind == Kind.MODEL && (fieldOwner.equals("org/drools/model/Index$ConstraintType")
                    || fieldOwner.equals("org/drools/model/Rule$Attribute") && ATTRIBUTES.contains(name)
                    || fieldOwner.equals("java/util/Locale") && name.equals("ENGLISH"));
            if (!ok) {
                refuse("reads " + fieldOwner.replace('/', '.') + "." + name);
            }
        }

        private boolean isBox(String type) {
            return Set.of("java/lang/Integer", "java/lang/Long", "java/lang/Double", "java/lang/Boolean", "java/lang/Float",
                    "java/lang/Short", "java/lang/Byte", "java/lang/Character").contains(type);
        }

        @Override
        public void visitMethodInsn(int opcode, String callee, String name, String calleeDescriptor, boolean isInterface) {
            lastConstant = null;
            String what = call(callee, name, calleeDescriptor);
            if (what != null) {
                refuse(what);
            }
        }

        /** Null when the call is allowed, else what it is. */
        private String call(String callee, String name, String calleeDescriptor) {
            String shown = "calls " + callee.replace('/', '.') + "." + name;
            if (generated.contains(callee)) {
                calls.get(key).add(callee + "." + name + calleeDescriptor);
                boolean ownBridge = callee.equals(owner);
                boolean ruleMethod = kind == Kind.MODEL && owner.equals(modelClass) && name.startsWith("rule_")
                        && calleeDescriptor.equals("()Lorg/drools/model/Rule;");
                boolean modelOwn = kind == Kind.MODEL && owner.equals(modelClass) && callee.equals(modelClass);
                boolean metadata = isMetadata(owner) && isMetadata(callee) && name.equals("<init>");
                return ownBridge || ruleMethod || modelOwn || metadata ? null : shown + " (rules may not call into other generated code)";
            }
            // the enum boilerplate the code generator writes around each lambda
            if (isEnum && callee.equals("java/lang/Enum") && name.equals("<init>") && method.equals("<init>")) {
                return null;
            }
            if (isEnum && callee.equals("java/lang/Enum") && name.equals("valueOf") && method.equals("valueOf")) {
                return null;
            }
            if (isEnum && callee.equals("java/lang/System") && name.equals("arraycopy") && method.equals("values")
                    && descriptor.equals("()[L" + owner + ";")) {
                return null;
            }
            if (callee.equals("java/lang/Object") && name.equals("<init>") && method.equals("<init>")) {
                return null;
            }
            if (isMetadata(owner) && callee.equals("java/lang/RuntimeException") && name.equals("<init>")) {
                return null; // "unknown property" in the metadata's property index
            }
            if (kind == Kind.MODEL) {
                Set<String> dsl = MODEL_DSL.get(callee);
                if (dsl != null && dsl.contains(name)) {
                    if (callee.equals("org/drools/modelcompiler/dsl/pattern/D") && name.equals("rule") && strings.size() >= 1) {
                        ruleName = strings.get(strings.size() - 1);
                    }
                    return null;
                }
                if (callee.startsWith(CONSEQUENCE_BUILDER) && name.equals("execute")) {
                    return null;
                }
            } else {
                Set<String> runtime = LAMBDA_RUNTIME.get(callee);
                if (runtime != null && runtime.contains(name)) {
                    return null;
                }
            }
            return RuleApi.methodAllowed(callee.replace('/', '.'), name, calleeDescriptor) ? null : shown;
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String indyDescriptor, Handle bsm, Object... args) {
            if (bsm.getOwner().equals("java/lang/invoke/StringConcatFactory")) {
                return;
            }
            if (bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory") && args.length >= 2 && args[1] instanceof Handle impl) {
                String what = call(impl.getOwner(), impl.getName(), impl.getDesc());
                if (what != null) {
                    refuse("a lambda that " + what);
                }
                return;
            }
            refuse("a dynamic call (" + bsm.getOwner().replace('/', '.') + ")");
        }
    }

    /** The executable model's description of a fact type's properties (generated from the fact classes, not the rules). */
    private boolean isMetadata(String internal) {
        return internal.contains("/DomainClassesMetadata") && kind(internal) == Kind.MODEL;
    }

    /** No generated method may reach itself again: recursion has no bound. */
    private void checkNoCycles() {
        Map<String, Integer> state = new HashMap<>();
        for (String m : calls.keySet()) {
            if (cycleFrom(m, state)) {
                String cls = m.substring(0, m.indexOf('.'));
                violation(cls, m.substring(m.indexOf('.') + 1, m.indexOf('(')), "recursion (a method that calls itself again)");
                return;
            }
        }
    }

    private boolean cycleFrom(String m, Map<String, Integer> state) {
        Integer s = state.get(m);
        if (s != null) {
            return s == 1;
        }
        state.put(m, 1);
        for (String next : calls.getOrDefault(m, Set.of())) {
            if (cycleFrom(next, state)) {
                return true;
            }
        }
        state.put(m, 2);
        return false;
    }

    /** For tests and tools: the classes of a compiled rule set by kind, in words. */
    static Map<String, String> kinds(Map<String, byte[]> classes, String modelClass) {
        BytecodeVerifier v = new BytecodeVerifier(classes, modelClass);
        Map<String, String> out = new LinkedHashMap<>();
        v.generated.forEach(n -> out.put(n, String.valueOf(v.kind(n))));
        return out;
    }
}
