package org.attendanceoutreach.rules;

import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.catalog.Practice;
import org.attendanceoutreach.catalog.Strategy;

import org.attendanceoutreach.internal.drl.DrlModel;
import org.attendanceoutreach.internal.drl.DrlRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which rule recommends what, read from the rule files by Drools' own parser (the same reading
 * the sandbox and {@code validate} use): for documentation (the README's rule table) and coverage.
 */
public final class RuleIndex {

    /** A practice named in a rule's consequence, and the line it is named on. */
    public record Mention(String intervention, int line) {
    }

    /** One rule: its name, where it is written, and the practices its consequence recommends. */
    public record Entry(String rule, String file, int line, List<Mention> mentions) {
        public Entry {
            mentions = List.copyOf(mentions);
        }

        /** The practices recommended, each once, in the order written. */
        public List<String> interventions() {
            return mentions.stream().map(Mention::intervention).distinct().toList();
        }
    }

    private final List<Entry> entries;

    private RuleIndex(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Indexes DRL files given as file name to text (sorted by file name for a stable order). */
    public static RuleIndex of(Map<String, String> drlFiles) {
        List<Entry> out = new ArrayList<>();
        for (DrlRule r : DrlModel.parse(drlFiles, name -> name).rules()) {
            List<Mention> mentions = r.actions().mentions().stream().map(m -> new Mention(m.intervention(), m.line())).toList();
            out.add(new Entry(r.name(), r.file(), r.line(), mentions));
        }
        return new RuleIndex(out);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The rules that recommend a practice. */
    public List<Entry> recommending(String intervention) {
        return entries.stream().filter(e -> e.interventions().contains(intervention)).toList();
    }

    /** A Markdown table: every catalog practice, strategy by strategy, with the rules that recommend it. */
    public String markdown(Catalog catalog) {
        StringBuilder b = new StringBuilder();
        b.append("| strategy | practice | impact | recommended by |\n|---|---|---|---|\n");
        for (Strategy s : Strategy.values()) {
            for (Practice p : catalog.practices()) {
                if (p.strategy() != s) {
                    continue;
                }
                List<String> by = recommending(p.id()).stream().map(e -> "\"" + e.rule() + "\" (`" + e.file() + "`)").toList();
                b.append("| ").append(s.inWords()).append(" | `").append(p.id()).append("` | ").append(p.impact().name().toLowerCase())
                        .append(" | ").append(by.isEmpty() ? "none: in the catalog so a school can see what to move away from"
                                : String.join("<br>", by)).append(" |\n");
            }
        }
        return b.toString();
    }
}
