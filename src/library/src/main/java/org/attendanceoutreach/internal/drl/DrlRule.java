package org.attendanceoutreach.internal.drl;

import java.util.List;
import java.util.Map;

/**
 * One rule as parsed.
 *
 * @param name            the rule's name (quoted or not)
 * @param file            the file name
 * @param path            how messages name the file
 * @param line            the line of {@code rule "…"}
 * @param attributes      {@code salience}, {@code dialect}, … : name to value, with the line of each
 * @param conditions      what the {@code when} part holds: patterns, or other conditional elements the sandbox refuses
 * @param consequence     the {@code then} part as written
 * @param consequenceLine the line the {@code then} part starts on
 * @param actions         what the {@code then} part does, as read by {@link ConsequenceReader}
 */
public record DrlRule(String name, String file, String path, int line, Map<String, DrlFile.Located> attributes,
                      List<Condition> conditions, String consequence, int consequenceLine, Consequence actions) {
    public DrlRule {
        attributes = Map.copyOf(attributes);
        conditions = List.copyOf(conditions);
    }

    /** The patterns of the {@code when} part (conditions that are plain patterns). */
    public List<Pattern> patterns() {
        return conditions.stream().filter(c -> c instanceof Pattern).map(c -> (Pattern) c).toList();
    }

    /** The practices this rule recommends, each once, in the order written. */
    public List<String> interventions() {
        return actions.mentions().stream().map(Mention::intervention).distinct().toList();
    }

    /** A condition of the {@code when} part. */
    public sealed interface Condition permits Pattern, Other {
        int line();
    }

    /**
     * A pattern: {@code $student : StudentFacts( absentToday, … )}.
     *
     * @param type        the fact type as written
     * @param binding     the variable bound to the fact ({@code $student}), or null
     * @param constraints the constraints, each as written
     * @param source      what follows the pattern ({@code from}, {@code accumulate} …, in words), or null for a plain pattern
     */
    public record Pattern(String type, String binding, int line, List<Constraint> constraints, String source)
            implements Condition {
        public Pattern {
            constraints = List.copyOf(constraints);
        }
    }

    /** A conditional element other than a plain pattern ({@code not}, {@code exists}, {@code eval}, {@code or} …). */
    public record Other(String what, int line) implements Condition {
    }

    /** One constraint of a pattern, as written ({@code $limit : longAbsenceRun}, {@code absenceRun >= $limit}). */
    public record Constraint(String text, int line) {
    }

    /** {@code recommend( kcontext, "id" )} in a consequence, the line it is on, and the builder methods chained to it. */
    public record Mention(String intervention, int line, List<String> chained) {
        public Mention {
            chained = List.copyOf(chained);
        }

        public boolean hasReason() {
            return chained.contains("because");
        }
    }

    /**
     * What a consequence does.
     *
     * @param mentions  every {@code recommend(…)}
     * @param problems  statements outside the subset rules may use, with what to do (line and message)
     */
    public record Consequence(List<Mention> mentions, List<DrlFile.Located> problems, List<Call> calls) {
        public Consequence {
            mentions = List.copyOf(mentions);
            problems = List.copyOf(problems);
            calls = List.copyOf(calls);
        }
    }

    /**
     * A method called in a consequence: on a variable ({@code $student.getToday()}), on a type
     * or on nothing (an imported function). A constant of a type ({@code Owner.MENTOR}) has {@code arguments} -1;
     * {@code modify( $x ) { … }} is method {@code modify} on {@code $x} with {@code arguments} -2.
     */
    public record Call(String target, String method, int arguments, int line) {
    }
}
