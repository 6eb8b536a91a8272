package org.attendanceoutreach.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DRL is code, and Drools has no sandbox on Java 17+: a rule could call any Java. Before a rule
 * file is compiled, this check rejects (with FILE:LINE) every import and every name outside a short
 * allow-list: the project's fact types, {@code java.time}, {@code java.util} collections,
 * {@code Math} and {@code String}. No System, Runtime, threads, files, network, reflection, class
 * loading, or {@code eval}; no globals (they are shared between evaluations).
 */
public final class RuleSafety {
    /** Imports a rule file may have: exact classes, or packages ending in {@code .*}. */
    static final List<String> ALLOWED_IMPORTS = List.of(
            "org.attendanceoutreach.result.AttendanceTier",
            "org.attendanceoutreach.facts.StudentFacts",
            "org.attendanceoutreach.policy.Policy",
            "org.attendanceoutreach.catalog.Owner",
            "org.attendanceoutreach.catalog.Strategy",
            "org.attendanceoutreach.catalog.Impact",
            "org.attendanceoutreach.school.*",
            "java.time.*",
            "java.util.List", "java.util.Set", "java.util.Map", "java.util.ArrayList", "java.util.HashSet",
            "java.util.HashMap", "java.util.Collection", "java.util.Collections",
            "java.lang.Math", "java.lang.String");
    /** Functions a rule file may import. */
    static final List<String> ALLOWED_FUNCTIONS = List.of("org.attendanceoutreach.rules.Advice.recommend",
            "org.attendanceoutreach.rules.Advice.holdIntensive");

    /** Simple names that reach outside the rules, whatever package they come from. */
    private static final Set<String> FORBIDDEN_NAMES = Set.of(
            "System", "Runtime", "Thread", "ThreadGroup", "ThreadLocal", "Process", "ProcessBuilder", "ProcessHandle",
            "Class", "ClassLoader", "Module", "ModuleLayer", "Files", "Paths", "Path", "File", "FileInputStream",
            "FileOutputStream", "RandomAccessFile", "Socket", "ServerSocket", "URL", "URI", "HttpClient",
            "Executors", "ExecutorService", "ForkJoinPool", "CompletableFuture", "Timer", "Unsafe", "Method", "Field",
            "Constructor", "MethodHandles", "MethodHandle", "Proxy", "ScriptEngineManager", "InitialContext",
            "ObjectInputStream", "SecurityManager", "StackWalker", "Instrumentation",
            "eval", "exec", "exit", "halt", "forName", "getClass", "getClassLoader", "newInstance", "loadLibrary",
            "load", "setAccessible", "getKieRuntime", "getKieBase", "getRuntime");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(function\\s+|accumulate\\s+)?([\\w.*]+)\\s*;?", Pattern.MULTILINE);
    private static final Pattern GLOBAL = Pattern.compile("^[ \\t]*(global)\\s+", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\b(java|javax|jdk|sun|com|org|net|io)\\s*\\.\\s*[a-z]\\w*(\\s*\\.\\s*\\w+)*");
    private static final Pattern WORD = Pattern.compile("\\b[A-Za-z_]\\w*\\b");

    private RuleSafety() {
    }

    /** Every unsafe import or name in one rule file. */
    public static List<RuleProblem> check(String file, String text) {
        List<RuleProblem> problems = new ArrayList<>();
        String code = blankCommentsAndStrings(text);
        Matcher imports = IMPORT.matcher(code);
        while (imports.find()) {
            String name = imports.group(2);
            boolean function = imports.group(1) != null && imports.group(1).startsWith("function");
            boolean ok = function ? ALLOWED_FUNCTIONS.contains(name) : allowedImport(name);
            if (!ok) {
                problems.add(new RuleProblem(file, RuleCompiler.lineAt(text, imports.start(2)), "import " + name
                        + " is not allowed in rule files; rules may use only the fact types, java.time, java.util collections, Math and String (see rules/README.md)"));
            }
        }
        StringBuilder body = new StringBuilder(code);
        // blank the import lines, so only the rules' own code is searched below
        imports.reset();
        while (imports.find()) {
            for (int i = imports.start(); i < imports.end(); i++) {
                body.setCharAt(i, ' ');
            }
        }
        String rest = body.toString();
        Matcher global = GLOBAL.matcher(rest);
        while (global.find()) {
            problems.add(new RuleProblem(file, RuleCompiler.lineAt(text, global.start(1)),
                    "globals are not allowed: they are shared by every evaluation; match a fact instead"));
        }
        Matcher qualified = QUALIFIED.matcher(rest);
        while (qualified.find()) {
            String name = qualified.group().replaceAll("\\s", "");
            if (!allowedImport(name) && !name.startsWith("org.attendanceoutreach.")) {
                problems.add(new RuleProblem(file, RuleCompiler.lineAt(text, qualified.start()), name
                        + " is not allowed in rule files; rules may use only the fact types, java.time, java.util collections, Math and String"));
            }
        }
        Matcher word = WORD.matcher(rest);
        while (word.find()) {
            if (FORBIDDEN_NAMES.contains(word.group())) {
                problems.add(new RuleProblem(file, RuleCompiler.lineAt(text, word.start()), "'" + word.group()
                        + "' is not allowed in rule files: rules decide from facts and may not reach the system, files, network, threads or reflection"));
            }
        }
        return problems;
    }

    private static boolean allowedImport(String name) {
        for (String allowed : ALLOWED_IMPORTS) {
            if (allowed.endsWith(".*") ? name.startsWith(allowed.substring(0, allowed.length() - 1)) && !name.substring(allowed.length() - 1).contains(".")
                    : name.equals(allowed)) {
                return true;
            }
        }
        return false;
    }

    /** The text with comments and string literals replaced by spaces (line breaks kept). */
    static String blankCommentsAndStrings(String text) {
        StringBuilder b = new StringBuilder(text);
        int i = 0;
        while (i < b.length()) {
            char c = b.charAt(i);
            if (c == '/' && i + 1 < b.length() && b.charAt(i + 1) == '/') {
                while (i < b.length() && b.charAt(i) != '\n') {
                    b.setCharAt(i++, ' ');
                }
            } else if (c == '/' && i + 1 < b.length() && b.charAt(i + 1) == '*') {
                while (i < b.length() && !(b.charAt(i) == '*' && i + 1 < b.length() && b.charAt(i + 1) == '/')) {
                    if (b.charAt(i) != '\n') {
                        b.setCharAt(i, ' ');
                    }
                    i++;
                }
                if (i < b.length()) {
                    b.setCharAt(i++, ' ');
                    if (i < b.length()) {
                        b.setCharAt(i++, ' ');
                    }
                }
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < b.length() && b.charAt(i) != c && b.charAt(i) != '\n') {
                    if (b.charAt(i) == '\\' && i + 1 < b.length()) {
                        b.setCharAt(i++, ' ');
                    }
                    b.setCharAt(i++, ' ');
                }
                i++;
            } else {
                i++;
            }
        }
        return b.toString();
    }
}
