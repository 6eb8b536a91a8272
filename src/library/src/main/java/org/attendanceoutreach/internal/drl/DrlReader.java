package org.attendanceoutreach.internal.drl;

import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.AbstractClassTypeDeclarationDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.ParserError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one rule file with Drools' DRL parser into a {@link DrlFile}. */
final class DrlReader {
    private DrlReader() {
    }

    static DrlFile read(String name, String path, String text) {
        List<DrlFile.Located> problems = new ArrayList<>();
        PackageDescr pkg = null;
        DrlParser parser = new DrlParser();
        try {
            pkg = parser.parse(false, text);
        } catch (StackOverflowError e) {
            problems.add(new DrlFile.Located("this file nests too deeply for the rule parser (thousands of brackets"
                    + " inside one another?); write the condition more simply", deepestLine(text)));
        } catch (Exception e) {
            problems.add(new DrlFile.Located("the rule parser could not read this file: " + e.getClass().getSimpleName(), 1));
        }
        // What a word processor or a stray character did (a curly quote, a non-breaking space) is the
        // cause policy staff can act on: the parser's own message for the same line only repeats it.
        List<DrlFile.Located> typing = TextChecks.check(text);
        java.util.Set<Integer> typingLines = new java.util.HashSet<>();
        typing.forEach(t -> typingLines.add(t.line()));
        if (parser.hasErrors()) {
            boolean any = !problems.isEmpty();
            // a '"' left out: the parser reads on to the end of the file, and what it says there only echoes it
            int quote = typing.isEmpty() ? ParserMessages.unpairedQuote(text) : 0;
            if (quote > 0) {
                problems.add(new DrlFile.Located(ParserMessages.UNPAIRED_QUOTE, quote));
                any = true;
            }
            for (DroolsError error : parser.getErrors()) {
                int line = error instanceof ParserError pe ? pe.getRow() : 0;
                DrlFile.Located message = ParserMessages.locate(error.getMessage(), text, Math.max(line, 1));
                if (quote > 0 && (message == null || message.line() >= quote)) {
                    continue;
                }
                if (message != null && !problems.contains(message) && !typingLines.contains(message.line())) {
                    problems.add(message);
                }
                any |= message != null;
            }
            if (!any && typing.isEmpty()) {
                problems.add(new DrlFile.Located("the rule parser could not read this file", 1));
            }
        }
        problems.addAll(typing);
        if (pkg == null || !problems.isEmpty()) {
            return new DrlFile(name, path, text, pkg == null ? null : pkg.getName(), pkg == null ? 0 : pkg.getLine(),
                    List.of(), List.of(), List.of(), List.of(), List.of(), problems);
        }
        List<DrlFile.Located> imports = new ArrayList<>();
        List<DrlFile.Located> functions = new ArrayList<>();
        for (ImportDescr i : pkg.getImports()) {
            imports.add(new DrlFile.Located(i.getTarget(), i.getLine()));
        }
        for (FunctionImportDescr i : pkg.getFunctionImports()) {
            functions.add(new DrlFile.Located(i.getTarget(), i.getLine()));
        }
        List<DrlFile.Located> constructs = new ArrayList<>();
        for (FunctionDescr f : pkg.getFunctions()) {
            constructs.add(new DrlFile.Located("a function (" + f.getName() + ")", f.getLine()));
        }
        for (GlobalDescr g : pkg.getGlobals()) {
            constructs.add(new DrlFile.Located("a global (" + g.getIdentifier() + ")", g.getLine()));
        }
        for (AbstractClassTypeDeclarationDescr d : pkg.getClassAndEnumDeclarationDescrs()) {
            constructs.add(new DrlFile.Located("a declared type (declare " + d.getTypeName() + ")", d.getLine()));
        }
        pkg.getWindowDeclarations().forEach(w -> constructs.add(new DrlFile.Located("a window declaration", w.getLine())));
        pkg.getEntryPointDeclarations().forEach(w -> constructs.add(new DrlFile.Located("an entry-point declaration", w.getLine())));
        pkg.getAccumulateImports().forEach(w -> constructs.add(new DrlFile.Located("an accumulate function import", w.getLine())));
        List<DrlFile.Located> attributes = new ArrayList<>();
        for (AttributeDescr a : pkg.getAttributes()) {
            attributes.add(new DrlFile.Located(a.getName() + " " + a.getValue(), Math.max(a.getLine(), pkg.getLine())));
        }
        List<DrlRule> rules = new ArrayList<>();
        for (RuleDescr r : pkg.getRules()) {
            if (r.isQuery()) {
                constructs.add(new DrlFile.Located("a query (" + r.getName() + ")", r.getLine()));
                continue;
            }
            rules.add(rule(name, path, text, r, constructs));
        }
        return new DrlFile(name, path, text, pkg.getName(), pkg.getLine(), imports, functions, rules, constructs,
                attributes, problems);
    }

    private static DrlRule rule(String file, String path, String text, RuleDescr r, List<DrlFile.Located> constructs) {
        Map<String, DrlFile.Located> attributes = new LinkedHashMap<>();
        r.getAttributes().forEach((k, a) -> attributes.put(k, new DrlFile.Located(a.getValue(), Math.max(a.getLine(), r.getLine()))));
        if (r.getEnabled() != null && !attributes.containsKey("enabled")) {
            attributes.put("enabled", new DrlFile.Located(r.getEnabled(), r.getLine()));
        }
        if (r.hasParent()) {
            attributes.put("extends", new DrlFile.Located(r.getParentName(), r.getLine()));
        }
        if (!r.getNamedConsequences().isEmpty()) {
            attributes.put("named consequence", new DrlFile.Located(String.join(", ", r.getNamedConsequences().keySet()), r.getLine()));
        }
        List<DrlRule.Condition> conditions = new ArrayList<>();
        AndDescr lhs = r.getLhs();
        if (lhs != null) {
            for (BaseDescr d : lhs.getDescrs()) {
                conditions.add(condition(d, r.getLine()));
            }
        }
        String consequence = r.getConsequence() == null ? "" : r.getConsequence().toString();
        int consequenceLine = consequenceLine(text, r, consequence);
        DrlRule.Consequence actions = ConsequenceReader.read(consequence, consequenceLine);
        return new DrlRule(r.getName(), file, path, r.getLine(), attributes, conditions, consequence, consequenceLine, actions);
    }

    private static DrlRule.Condition condition(BaseDescr d, int ruleLine) {
        int line = d.getLine() > 0 ? d.getLine() : ruleLine;
        if (d instanceof PatternDescr p) {
            List<DrlRule.Constraint> constraints = new ArrayList<>();
            for (BaseDescr c : p.getDescrs()) {
                constraints.add(new DrlRule.Constraint(c.getText() == null || c.getText().isEmpty() ? String.valueOf(c) : c.getText(),
                        c.getLine() > 0 ? c.getLine() : line));
                if (c instanceof org.drools.drl.ast.descr.ExprConstraintDescr e) {
                    constraints.set(constraints.size() - 1, new DrlRule.Constraint(e.getExpression(), c.getLine() > 0 ? c.getLine() : line));
                }
            }
            String source = null;
            if (p.getSource() instanceof AccumulateDescr) {
                source = "accumulate";
            } else if (p.getSource() instanceof CollectDescr) {
                source = "collect";
            } else if (p.getSource() instanceof FromDescr) {
                source = "from";
            } else if (p.getSource() instanceof EntryPointDescr) {
                source = "from entry-point";
            } else if (p.getSource() != null) {
                source = p.getSource().getClass().getSimpleName().replace("Descr", "").toLowerCase();
            }
            if (source == null && !p.getBehaviors().isEmpty()) {
                source = "a sliding window";
            }
            if (source == null && p.isQuery()) {
                source = "a query call";
            }
            return new DrlRule.Pattern(p.getObjectType(), p.getIdentifier(), line, constraints, source);
        }
        String what;
        if (d instanceof NotDescr) {
            what = "not";
        } else if (d instanceof ExistsDescr) {
            what = "exists";
        } else if (d instanceof EvalDescr) {
            what = "eval";
        } else if (d instanceof OrDescr) {
            what = "or";
        } else if (d instanceof ForallDescr) {
            what = "forall";
        } else if (d instanceof AndDescr) {
            what = "and";
        } else {
            what = d.getClass().getSimpleName().replace("Descr", "").toLowerCase();
        }
        return new DrlRule.Other(what, line);
    }

    /** The line where the consequence's text starts, found in the file after the rule's {@code then}. */
    private static int consequenceLine(String text, RuleDescr r, String consequence) {
        int from = Math.max(0, r.getStartCharacter());
        String start = consequence.strip();
        int at = start.isEmpty() ? -1 : text.indexOf(start.substring(0, Math.min(40, start.length())), from);
        if (at < 0) {
            return Math.max(r.getConsequenceLine(), r.getLine());
        }
        return lineAt(text, at);
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

    /** The line with the most open brackets, for a file too deeply nested to parse. */
    private static int deepestLine(String text) {
        int depth = 0;
        int best = 0;
        int bestLine = 1;
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '(' || c == '[' || c == '{') {
                if (++depth > best) {
                    best = depth;
                    bestLine = line;
                }
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
        }
        return bestLine;
    }
}
