package org.attendanceoutreach;

import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.facts.SchoolDays;
import org.attendanceoutreach.policy.Policy;
import org.attendanceoutreach.read.SchoolFile;
import org.attendanceoutreach.read.StudentInput;
import org.attendanceoutreach.rules.RuleCompiler;
import org.attendanceoutreach.rules.RuleSet;
import org.attendanceoutreach.rules.RuleSource;
import org.attendanceoutreach.rules.RulesException;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.SchoolCalendar;
import org.attendanceoutreach.school.Student;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The entry point: compiled rules, ready to evaluate students from any number of threads.
 *
 * <pre>
 * OutreachEngine engine = OutreachEngine.builder().rulesFolder(Path.of("rules")).build();
 * StudentResult result = engine.evaluate(school, student);
 * </pre>
 *
 * Building compiles the rules once (a few seconds); evaluations are cheap and independent.
 * {@link #reload()} recompiles the rules on the side and swaps them in only when they compile;
 * evaluations already running finish with the rules they started with.
 */
public final class OutreachEngine {
    private final RuleSource source;
    private final Policy policyOverride;
    private final AtomicReference<RuleSet> rules;
    private final Map<SchoolCalendar, SchoolDays> calendars = new ConcurrentHashMap<>();

    private OutreachEngine(RuleSource source, Policy policyOverride, RuleSet rules) {
        this.source = source;
        this.policyOverride = policyOverride;
        this.rules = new AtomicReference<>(rules);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Evaluates one student of a school. Never throws for bad input: the result carries the error. */
    public StudentResult evaluate(School school, Student student) {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(student, "student");
        return rules.get().evaluate(school, schoolDays(school.calendar()), student);
    }

    /**
     * Evaluates every student of a school file: students that could not be read come out with their
     * error, and every result is sorted by student id (then by position, for a repeated id).
     */
    public SchoolResult evaluate(SchoolFile file) {
        RuleSet current = rules.get();
        School school = file.school();
        SchoolDays days = schoolDays(school.calendar());
        List<StudentResult> out = new ArrayList<>(file.students().size());
        for (StudentInput in : file.students()) {
            StudentResult r = in.ok() ? current.evaluate(school, days, in.student())
                    : StudentResult.failed(in.key(), school.asOf(), in.error());
            out.add(r.inFile(file.file()));
        }
        out.sort(Comparator.comparing(StudentResult::studentId));
        return new SchoolResult(file.file(), school.schoolId(), school.asOf(), out, null);
    }

    /**
     * Recompiles the rules from the same place. On success the new rules serve every evaluation
     * that starts afterwards; on failure the current rules keep serving and the problems are thrown.
     */
    public void reload() throws RulesException {
        rules.set(RuleCompiler.compile(source, policyOverride));
    }

    /** The compiled rules currently serving. */
    public RuleSet rules() {
        return rules.get();
    }

    public Catalog catalog() {
        return rules.get().catalog();
    }

    public Policy policy() {
        return rules.get().policy();
    }

    private SchoolDays schoolDays(SchoolCalendar calendar) {
        if (calendars.size() > 1_000) {
            calendars.clear();
        }
        return calendars.computeIfAbsent(calendar, SchoolDays::new);
    }

    /** Configures an engine; {@link #build()} compiles the rules. */
    public static final class Builder {
        private RuleSource source = RuleSource.bundled();
        private Policy policy;

        private Builder() {
        }

        /** Rules from a folder of {@code .drl} files with {@code catalog.json} and {@code policy.properties}. */
        public Builder rulesFolder(Path folder) {
            this.source = RuleSource.folder(Objects.requireNonNull(folder, "folder"));
            return this;
        }

        /** The rules bundled in the jar (the default). */
        public Builder bundledRules() {
            this.source = RuleSource.bundled();
            return this;
        }

        /** Policy numbers to use instead of the folder's {@code policy.properties}. */
        public Builder policy(Policy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Compiles the rules.
         *
         * @throws RulesException listing every problem in the rule folder as {@code FILE:LINE: message}
         */
        public OutreachEngine build() throws RulesException {
            return new OutreachEngine(source, policy, RuleCompiler.compile(source, policy));
        }
    }
}
