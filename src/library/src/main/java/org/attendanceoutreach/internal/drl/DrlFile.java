package org.attendanceoutreach.internal.drl;

import java.util.List;

/**
 * One rule file as parsed.
 *
 * @param name        the file name ({@code same-day-outreach.drl})
 * @param path        how messages name it ({@code rules/same-day-outreach.drl})
 * @param text        the file's text
 * @param packageName the {@code package} declared (null when none)
 * @param imports     type imports
 * @param functions   {@code import function} targets
 * @param rules       the rules, in file order
 * @param constructs  declarations that are not rules or imports ({@code function}, {@code query}, {@code global} …), for the sandbox to refuse
 * @param problems    what the parser could not read (a file with problems has no rules)
 */
public record DrlFile(String name, String path, String text, String packageName, int packageLine,
                      List<Located> imports, List<Located> functions, List<DrlRule> rules,
                      List<Located> constructs, List<Located> attributes, List<Located> problems) {
    public DrlFile {
        imports = List.copyOf(imports);
        functions = List.copyOf(functions);
        rules = List.copyOf(rules);
        constructs = List.copyOf(constructs);
        attributes = List.copyOf(attributes);
        problems = List.copyOf(problems);
    }

    /** A piece of the file and the line it is on (for constructs: what it is, in words). */
    public record Located(String text, int line) {
    }
}
