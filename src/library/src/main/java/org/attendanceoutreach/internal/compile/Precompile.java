package org.attendanceoutreach.internal.compile;

import org.attendanceoutreach.rules.RuleCompiler;
import org.attendanceoutreach.rules.RuleSource;
import org.attendanceoutreach.rules.RulesException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by the library's build ({@code process-classes}): compiles the bundled rules with the same
 * checks as any load and writes them into the classes, so the default engine starts without a
 * compiler. Arguments: the rules folder, the output file.
 */
public final class Precompile {
    private Precompile() {
    }

    public static void main(String[] args) throws Exception {
        Path rules = Path.of(args[0]);
        Path out = Path.of(args[1]);
        try {
            CompiledRules compiled = RuleCompiler.precompile(RuleSource.folder(rules));
            Files.createDirectories(out.getParent());
            Files.write(out, compiled.toBytes());
            System.out.println("precompiled " + compiled.classes().size() + " classes of " + rules + " into " + out);
        } catch (RulesException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }
}
