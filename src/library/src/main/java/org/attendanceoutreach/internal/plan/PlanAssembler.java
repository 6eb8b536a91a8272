package org.attendanceoutreach.internal.plan;

import org.attendanceoutreach.catalog.Catalog;
import org.attendanceoutreach.catalog.Owner;
import org.attendanceoutreach.catalog.Practice;
import org.attendanceoutreach.facts.Proposal;
import org.attendanceoutreach.facts.SchoolDays;
import org.attendanceoutreach.facts.StudentFacts;
import org.attendanceoutreach.policy.Policy;
import org.attendanceoutreach.result.DueStatus;
import org.attendanceoutreach.result.LeftOut;
import org.attendanceoutreach.result.NextStep;
import org.attendanceoutreach.result.Recommendation;
import org.attendanceoutreach.result.StudentResult;
import org.attendanceoutreach.school.Intervention;
import org.attendanceoutreach.school.OutreachKind;
import org.attendanceoutreach.school.School;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns what the rules proposed for one student into the student's plan (contract sections 3 and 8).
 * The mechanics are generic; what they do is catalog data ({@code rules/catalog.json}):
 * <ol>
 *   <li>each proposal gets its {@code since} (the day the need arose, from the rule; today when it
 *       gives none) and its {@code due}: the practice's {@code dueWithinSchoolDays} school days after
 *       {@code since}, or the rule's fixed deadline, always a school day and never after the last
 *       day for an in-year practice; after the last day, in-year practices stop;</li>
 *   <li>a practice whose {@code doneBy} outreach is logged on or after its {@code since} was done: it
 *       is not recommended again; nor is a practice in place ({@code interventions[]} not ended, or the
 *       mentor), or one that a practice in place covers or replaces (both are in {@code leftOut}, with
 *       the reason, for {@code explain});</li>
 *   <li>proposals of one practice merge: the earliest {@code since} and {@code due}, every reason,
 *       every rule name;</li>
 *   <li>intensive practices wait in {@code next} while a rule holds them
 *       ({@code Advice.holdIntensive}, {@code relationship-first.drl});</li>
 *   <li>a practice another one present {@code replaces} is dropped; a practice another one present
 *       {@code covers} joins it (reasons and rule names) and is not listed on its own;</li>
 *   <li>a practice that {@code joinsFirstContact} (the interpreter, the Education Decision Maker)
 *       becomes part of the first contact with the family in the plan (what is due by today first,
 *       calls first, earlier stages first), or waits in {@code next} for the next contact when there
 *       is none; one that is {@code onlyWithFamilyContact} is recommended only when the plan has
 *       something to reach the family about (a practice that reaches them, or one of the first
 *       stage), else it waits in {@code next};</li>
 *   <li>the family's calls of one day are all made by the case owner (the mentor, else the teacher)
 *       when they would otherwise be made by several people;</li>
 *   <li>status (OVERDUE, DUE, UPCOMING) and step: 1 for anything due today or overdue, then one step
 *       per catalog stage that has something, in the catalog's order.</li>
 * </ol>
 * Stateless and thread-safe; one per compiled rule set.
 */
public final class PlanAssembler {
    /** The condition of a practice that waits for the next contact with the family. */
    static final String NEXT_CONTACT = "the next contact with the family";
    /** The condition of a practice that needs something to reach the family about. */
    static final String REASON_TO_REACH = "a reason to reach the family";

    private final Catalog catalog;
    /** Each practice's position in the catalog, for a stable order of what a recommendation covers. */
    private final Map<String, Integer> position = new HashMap<>();
    private final Comparator<String> byPosition = Comparator.comparingInt(this::catalogPosition);
    /*
     * The catalog as tables by position, made once: a student's practices are kept in arrays by
     * position (not in maps by id), and read in id order through idOrder, the order of the plan's
     * lists (next steps, what was left out) and of choosing among equals.
     */
    private final Practice[] practices;
    private final int[] stageOf;
    private final int[][] coversOf;
    private final int[] idOrder;

    /** @param policy the policy the rules were compiled with (the plan's numbers are in the catalog) */
    public PlanAssembler(Catalog catalog, Policy policy) {
        this.catalog = catalog;
        List<Practice> all = catalog.practices();
        int n = all.size();
        practices = all.toArray(new Practice[0]);
        stageOf = new int[n];
        coversOf = new int[n][];
        for (int i = 0; i < n; i++) {
            position.put(all.get(i).id(), i);
            stageOf[i] = catalog.stageIndex(all.get(i));
        }
        for (int i = 0; i < n; i++) {
            List<String> covers = all.get(i).covers();
            coversOf[i] = new int[covers.size()];
            for (int k = 0; k < covers.size(); k++) {
                coversOf[i][k] = position.get(covers.get(k)); // the catalog checked that each is a practice
            }
        }
        Integer[] byId = new Integer[n];
        for (int i = 0; i < n; i++) {
            byId[i] = i;
        }
        java.util.Arrays.sort(byId, Comparator.comparing(i -> practices[i].id()));
        idOrder = new int[n];
        for (int i = 0; i < n; i++) {
            idOrder[i] = byId[i];
        }
    }

    /** One practice being planned: its proposals merged. */
    private static final class Item {
        final int position;
        final Practice practice;
        final List<Proposal> proposals = new ArrayList<>(2);
        LocalDate since;
        LocalDate due;
        boolean clamped;
        // insertion-ordered sets of a few elements each: lists that skip what they hold
        final List<String> because = new ArrayList<>(4);
        final List<String> rules = new ArrayList<>(2);
        final List<String> cautions = new ArrayList<>(1);
        final List<String> covers = new ArrayList<>(1);
        Owner owner;

        Item(int position, Practice practice) {
            this.position = position;
            this.practice = practice;
        }

        String id() {
            return practice.id();
        }

        /** Reasons, rules, cautions and owner from the proposals, in rule-name order. */
        void settle() {
            if (proposals.size() > 1) {
                proposals.sort(BY_RULE);
            }
            for (Proposal p : proposals) {
                if (owner == null) {
                    owner = p.owner();
                }
                addAll(because, p.reasons());
                add(rules, p.rule());
                addAll(cautions, p.cautions());
            }
        }

        /** Takes over what {@code other} is for: its reasons and rule names; it is listed in covers. */
        void absorb(Item other) {
            covers.add(other.id());
            addAll(covers, other.covers);
            addAll(because, other.because);
            addAll(rules, other.rules);
            addAll(cautions, other.cautions);
        }

        private static void add(List<String> set, String value) {
            if (!set.contains(value)) {
                set.add(value);
            }
        }

        private static void addAll(List<String> set, List<String> values) {
            for (int i = 0; i < values.size(); i++) {
                add(set, values.get(i));
            }
        }
    }

    private static final Comparator<Proposal> BY_RULE = Comparator.comparing(Proposal::rule);

    /**
     * The student's result from the facts after the rules have run and the proposals the rules made.
     *
     * @throws IllegalArgumentException when a rule's proposal cannot be used (a practice not in the
     *                                  catalog, a recommendation without a reason)
     */
    public StudentResult assemble(School school, StudentFacts f, List<Proposal> proposals, List<String> fired) {
        LocalDate today = f.getToday();
        SchoolDays days = f.schoolDays();
        boolean yearOver = today.isAfter(school.calendar().lastDay());

        // 1-3. place each proposal in time, leave out what was done or is in place, merge proposals of one practice
        // (practices by catalog position; read in id order)
        Item[] items = new Item[practices.length];
        String[][] leftOut = new String[practices.length][]; // {reason, rules}
        place(proposals, f, today, days, yearOver, items, leftOut);

        // 4. intensive practices that must wait; 5. what a practice present replaces goes, what it covers joins it
        String waitsFor = f.getIntensiveWaitsFor();
        Item[] held = new Item[practices.length];
        if (waitsFor != null) {
            hold(items, held);
        }
        replace(items, held);
        cover(items, items);
        cover(held, held);
        cover(items, held);

        // 6. the plan's recommendations so far
        NextStep[] next = new NextStep[practices.length];
        List<Item> joining = new ArrayList<>();
        List<Item> needContact = new ArrayList<>();
        List<Item> planned = new ArrayList<>();
        for (int k : idOrder) {
            Item item = items[k];
            if (item == null) {
                continue;
            }
            if (item.practice.joinsFirstContact()) {
                joining.add(item);
            } else if (item.practice.onlyWithFamilyContact()) {
                needContact.add(item);
            } else {
                planned.add(item);
            }
        }
        // the first contact: what is due by today comes first, calls before the rest, earlier stages
        // before later ones, then by due date
        Item firstContact = null;
        for (Item i : planned) {
            if (i.practice.reachesFamily() && (firstContact == null || firstContact(i, firstContact, today) < 0)) {
                firstContact = i;
            }
        }
        for (Item j : joining) {
            if (firstContact != null) {
                firstContact.absorb(j);
            } else {
                next[j.position] = waiting(j, NEXT_CONTACT);
            }
        }
        // something to reach the family about: a contact with them, or anything of the first stage
        // (finding a number, asking the prior school or staff who know them)
        boolean reason = false;
        for (Item i : planned) {
            reason |= i.practice.reachesFamily() || stageOf[i.position] == 0;
        }
        for (Item n : needContact) {
            if (reason) {
                planned.add(n);
            } else {
                next[n.position] = waiting(n, REASON_TO_REACH);
            }
        }
        for (Item h : held) {
            if (h != null) {
                next[h.position] = waiting(h, waitsFor);
            }
        }

        // 7. one person makes all of a family's calls on a day; 8. status and step
        shareCalls(planned, f, today);
        List<String> cautions = new ArrayList<>(0);
        List<Recommendation> recs = recommendations(planned, f, today, cautions);
        List<NextStep> waiting = new ArrayList<>();
        List<LeftOut> out = new ArrayList<>(0);
        for (int k : idOrder) {
            if (next[k] != null) {
                waiting.add(next[k]);
            }
            if (leftOut[k] != null) {
                out.add(new LeftOut(practices[k].id(), leftOut[k][0], leftOut[k][1]));
            }
        }
        if (f.isWithdrawn()) {
            // the student has left: the tiers describe their time here, but nobody should reach out
            recs.clear();
            waiting.clear();
            cautions.clear();
            cautions.add("withdrew on " + f.getWithdrawnOn() + ": no outreach is recommended; if the student moved,"
                    + " share what worked with the new school");
        }
        recs.sort(Recommendation.ORDER);
        double rate = round4(f.getAbsenceRate());
        return new StudentResult(f.getStudentId(), school.asOf(), f.getDaysEnrolled(), f.getDaysMissed(), rate,
                f.getAttendanceTier(), f.getSupportTier(), recs, sortedDistinct(cautions), fired, null, waiting, null,
                f.progress(), out);
    }

    /**
     * Steps 1 to 3 (a method of its own, as are the rare paths, so that the JIT compiles small pieces:
     * it recompiled the whole of {@code assemble} eight times when a rare path was first taken).
     */
    private void place(List<Proposal> proposals, StudentFacts f, LocalDate today, SchoolDays days, boolean yearOver,
                       Item[] items, String[][] leftOut) {
        for (Proposal p : proposals) {
            Integer at = position.get(p.intervention());
            if (at == null) {
                throw new IllegalArgumentException("rule '" + p.rule() + "' recommends '" + p.intervention()
                        + "', which is not in the catalog");
            }
            Practice practice = practices[at];
            if (p.reasons().isEmpty()) {
                throw new IllegalArgumentException("rule '" + p.rule() + "' recommends '" + practice.id()
                        + "' without a reason; add .because(...) with the facts behind it");
            }
            if (practice.inYear() && yearOver) {
                continue; // the school year is over: in-year practices stop
            }
            LocalDate since = p.since() == null ? today : p.since();
            if (p.due() != null && p.due().isBefore(since)) {
                since = p.due();
            }
            if (practice.inYear() && days.last() != null) {
                // a school day: the next one, or the last one when the need arose after it (the
                // weekend between the last school day and a calendar's last day)
                LocalDate schoolDay = days.onOrAfter(since);
                since = schoolDay != null ? schoolDay : days.last();
            }
            LocalDate due;
            boolean clamped = false;
            if (!practice.inYear()) {
                due = p.due() != null ? p.due() : since;
            } else if (days.last() == null) {
                due = p.due() != null ? p.due() : since;
            } else {
                LocalDate wanted = p.due() != null ? days.onOrAfter(p.due()) : null;
                if (p.due() != null) {
                    due = wanted != null ? wanted : days.last();
                    clamped = wanted == null;
                } else {
                    due = days.deadline(since, practice.dueWithinSchoolDays());
                    clamped = !days.fitsInYear(since, practice.dueWithinSchoolDays());
                }
            }
            String why = inPlace(practice, f);
            if (why == null) {
                why = done(practice, f, since);
            }
            if (why != null) {
                leaveOut(leftOut, at, why, p.rule());
                continue;
            }
            Item item = items[at];
            if (item == null) {
                item = items[at] = new Item(at, practice);
            }
            item.proposals.add(p);
            if (item.since == null || since.isBefore(item.since)) {
                item.since = since;
            }
            if (item.due == null || due.isBefore(item.due)) {
                item.due = due;
                item.clamped = clamped;
            }
        }
        for (Item item : items) {
            if (item != null) {
                item.settle();
                if (item.clamped) {
                    Item.add(item.because, "due by the last school day, " + item.due);
                }
            }
        }
    }

    /** Step 7: the calls of a day with several callers all go to the case owner. */
    private static void shareCalls(List<Item> planned, StudentFacts f, LocalDate today) {
        List<Item> shared = null;
        for (Item item : planned) {
            if (item.practice.call()) {
                LocalDate day = callDay(item, today);
                for (Item other : planned) {
                    if (other.practice.call() && owner(other) != owner(item) && callDay(other, today).equals(day)) {
                        (shared == null ? shared = new ArrayList<>(2) : shared).add(item);
                        break;
                    }
                }
            }
        }
        if (shared != null) {
            for (Item item : shared) {
                item.owner = f.getCaseOwner();
            }
        }
    }

    /** Step 8: each planned item as a recommendation, with its status and step; its cautions added to {@code cautions}. */
    private List<Recommendation> recommendations(List<Item> planned, StudentFacts f, LocalDate today, List<String> cautions) {
        int[] stepOf = new int[2 + catalog.stages().size()];
        for (Item item : planned) {
            stepOf[stepKey(item, today)] = 1;
        }
        for (int k = 0, n = 1; k < stepOf.length; k++) {
            if (stepOf[k] != 0) {
                stepOf[k] = n++;
            }
        }
        List<Recommendation> recs = new ArrayList<>(planned.size());
        for (Item item : planned) {
            Practice practice = item.practice;
            boolean family = practice.reachesFamily() && f.getContactRole() != null;
            List<String> covers = new ArrayList<>(item.covers);
            if (covers.size() > 1) {
                covers.sort(byPosition);
            }
            recs.add(new Recommendation(practice.id(), practice.strategy(), practice.impact(), owner(item),
                    family ? f.getContactRole() : null,
                    practice.reachesFamily() ? f.getLanguage() : null,
                    practice.reachesFamily() ? f.isInterpreterNeeded() : null,
                    item.due, List.copyOf(item.because), ruleNames(item.rules), // copied once: the record keeps it
                    stepOf[stepKey(item, today)], status(item.due, today), item.since, covers));
            cautions.addAll(item.cautions);
        }
        return recs;
    }

    /** The names of the rules behind an item, joined; one rule's name is the name itself (the same string every time). */
    private static String ruleNames(List<String> rules) {
        return rules.size() == 1 ? rules.get(0) : String.join("; ", rules);
    }

    /** Step 4: intensive practices wait in {@code held}. */
    private static void hold(Item[] items, Item[] held) {
        for (int k = 0; k < items.length; k++) {
            if (items[k] != null && items[k].practice.intensive()) {
                held[k] = items[k];
                items[k] = null;
            }
        }
    }

    /** Step 5: what a practice present replaces goes (all at once: what each one present replaces). */
    private void replace(Item[] items, Item[] held) {
        List<Practice> replacing = null;
        for (int k = 0; k < items.length; k++) {
            if (items[k] != null) {
                replacing = withReplaces(replacing, items[k].practice);
            }
            if (held[k] != null) {
                replacing = withReplaces(replacing, held[k].practice);
            }
        }
        if (replacing != null) {
            for (Practice p : replacing) {
                for (String gone : p.replaces()) {
                    int k = position.get(gone); // the catalog checked that it is a practice
                    items[k] = null;
                    held[k] = null;
                }
            }
        }
    }

    /** A practice left out (done, or in place), with the rules that proposed it, in name order. */
    private static void leaveOut(String[][] leftOut, int at, String why, String rule) {
        String[] was = leftOut[at];
        if (was == null) {
            leftOut[at] = new String[]{why, rule};
        } else if (!List.of(was[1].split("; ")).contains(rule)) {
            was[1] = String.join("; ", new TreeSet<>(List.of((was[1] + "; " + rule).split("; "))));
        }
    }

    /**
     * {@code BigDecimal.valueOf(d).setScale(4, HALF_UP).doubleValue()}, without {@code BigDecimal} in
     * the usual case ({@link org.attendanceoutreach.internal.Decimals#round4};
     * {@code PlanAssemblerRoundingTest} compares them).
     */
    static double round4(double d) {
        return org.attendanceoutreach.internal.Decimals.round4(d);
    }

    /** Why outreach of a kind that carries the practice out shows it done: logged on or after {@code since} (null: not done). */
    private static String done(Practice practice, StudentFacts f, LocalDate since) {
        for (OutreachKind kind : practice.doneBy()) {
            if (f.doneSince(kind, since)) {
                return "done: " + kind + " logged on or after " + since + ", the day the need arose";
            }
        }
        return null;
    }

    /**
     * Why the practice is in place for the student (null: it is not): itself, or a practice in place
     * that covers or replaces it (the catalog's {@code covers}, {@code replaces}). A support in place is
     * never recommended again.
     */
    private String inPlace(Practice practice, StudentFacts f) {
        if (f.inPlaceIds().isEmpty()) {
            return null; // most students: nothing in place
        }
        Intervention own = f.inPlace(practice.id());
        if (own != null) {
            return "in place since " + own.startedOn() + (own.endedOn() == null ? "" : " (until " + own.endedOn() + ")")
                    + " (interventions)";
        }
        for (Practice other : supportsOf(f)) {
            if (other.covers().contains(practice.id()) || other.replaces().contains(practice.id())) {
                Intervention x = f.inPlace(other.id());
                return other.id() + ", in place since " + x.startedOn() + ", "
                        + (other.covers().contains(practice.id()) ? "covers" : "replaces") + " it";
            }
        }
        return null;
    }

    /** The practices in place for the student, in id order. */
    private List<Practice> supportsOf(StudentFacts f) {
        List<Practice> out = new ArrayList<>(0);
        for (String id : f.inPlaceIds()) {
            out.add(catalog.get(id));
        }
        return out;
    }

    /** Practices of {@code from} covered by one of {@code into} join it (in catalog order). */
    private void cover(Item[] into, Item[] from) {
        for (int k = 0; k < into.length; k++) { // in catalog order; one covered already is gone from into
            Item c = into[k];
            if (c == null) {
                continue;
            }
            for (int at : coversOf[k]) {
                Item covered = from[at];
                if (covered != null && covered != c) {
                    from[at] = null;
                    c.absorb(covered);
                }
            }
        }
    }

    /** The strings in order, each once. */
    private static List<String> sortedDistinct(List<String> values) {
        if (values.size() > 1) {
            values.sort(null);
            int w = 1;
            for (int r = 1; r < values.size(); r++) {
                if (!values.get(r).equals(values.get(w - 1))) {
                    values.set(w++, values.get(r));
                }
            }
            values.subList(w, values.size()).clear();
        }
        return values;
    }

    /** {@code list} with {@code p} added when it replaces anything (null until one does). */
    private static List<Practice> withReplaces(List<Practice> list, Practice p) {
        if (p.replaces().isEmpty()) {
            return list;
        }
        List<Practice> out = list == null ? new ArrayList<>(2) : list;
        out.add(p);
        return out;
    }

    /**
     * The order in which the first contact is chosen: what is due by today comes first, calls before
     * the rest, earlier stages before later ones, then by due date, impact and id.
     */
    private int firstContact(Item a, Item b, LocalDate today) {
        int c = callDay(a, today).compareTo(callDay(b, today));
        if (c == 0) {
            c = Boolean.compare(!a.practice.call(), !b.practice.call());
        }
        if (c == 0) {
            c = Integer.compare(stageOf[a.position], stageOf[b.position]);
        }
        if (c == 0) {
            c = a.due.compareTo(b.due);
        }
        if (c == 0) {
            c = a.practice.impact().compareTo(b.practice.impact());
        }
        return c != 0 ? c : a.id().compareTo(b.id());
    }

    private static NextStep waiting(Item item, String after) {
        return new NextStep(item.id(), after, List.copyOf(item.because), ruleNames(item.rules), item.covers);
    }

    private static Owner owner(Item item) {
        return item.owner == null ? item.practice.owner() : item.owner;
    }

    /** The day a call is made: today for anything due or overdue. */
    private static LocalDate callDay(Item item, LocalDate today) {
        return item.due.isAfter(today) ? item.due : today;
    }

    /** 0 for what is due or overdue; else 1 + the position of the practice's stage. */
    private int stepKey(Item item, LocalDate today) {
        return item.due.isAfter(today) ? 1 + stageOf[item.position] : 0;
    }

    private static DueStatus status(LocalDate due, LocalDate today) {
        return due.isBefore(today) ? DueStatus.OVERDUE : due.isEqual(today) ? DueStatus.DUE : DueStatus.UPCOMING;
    }

    private int catalogPosition(String id) {
        return position.getOrDefault(id, Integer.MAX_VALUE);
    }
}
