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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
    private final Comparator<Item> byItemPosition = Comparator.comparingInt(i -> catalogPosition(i.id()));

    /** @param policy the policy the rules were compiled with (the plan's numbers are in the catalog) */
    public PlanAssembler(Catalog catalog, Policy policy) {
        this.catalog = catalog;
        List<Practice> all = catalog.practices();
        for (int i = 0; i < all.size(); i++) {
            position.put(all.get(i).id(), i);
        }
    }

    /** One practice being planned: its proposals merged. */
    private static final class Item {
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

        Item(Practice practice) {
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
        Map<String, Item> items = new TreeMap<>();
        Map<String, String[]> leftOut = new TreeMap<>(); // id -> {reason, rules}
        place(proposals, f, today, days, yearOver, items, leftOut);

        // 4. intensive practices that must wait; 5. what a practice present replaces goes, what it covers joins it
        String waitsFor = f.getIntensiveWaitsFor();
        Map<String, Item> held = new TreeMap<>();
        if (waitsFor != null) {
            hold(items, held);
        }
        replace(items, held);
        cover(items, items);
        cover(held, held);
        cover(items, held);

        // 6. the plan's recommendations so far
        Map<String, NextStep> next = new TreeMap<>();
        List<Item> joining = new ArrayList<>();
        List<Item> needContact = new ArrayList<>();
        List<Item> planned = new ArrayList<>();
        for (Item item : items.values()) {
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
                next.put(j.id(), waiting(j, NEXT_CONTACT));
            }
        }
        // something to reach the family about: a contact with them, or anything of the first stage
        // (finding a number, asking the prior school or staff who know them)
        boolean reason = false;
        for (Item i : planned) {
            reason |= i.practice.reachesFamily() || catalog.stageIndex(i.practice) == 0;
        }
        for (Item n : needContact) {
            if (reason) {
                planned.add(n);
            } else {
                next.put(n.id(), waiting(n, REASON_TO_REACH));
            }
        }
        for (Item h : held.values()) {
            next.put(h.id(), waiting(h, waitsFor));
        }

        // 7. one person makes all of a family's calls on a day; 8. status and step
        shareCalls(planned, f, today);
        Set<String> cautions = new TreeSet<>();
        List<Recommendation> recs = recommendations(planned, f, today, cautions);
        List<NextStep> waiting = new ArrayList<>(next.values());
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
        List<LeftOut> out = new ArrayList<>(leftOut.size());
        leftOut.forEach((id, w) -> out.add(new LeftOut(id, w[0], w[1])));
        return new StudentResult(f.getStudentId(), school.asOf(), f.getDaysEnrolled(), f.getDaysMissed(), rate,
                f.getAttendanceTier(), f.getSupportTier(), recs, new ArrayList<>(cautions), fired, null, waiting, null,
                f.progress(), out);
    }

    /**
     * Steps 1 to 3 (a method of its own, as are the rare paths, so that the JIT compiles small pieces:
     * it recompiled the whole of {@code assemble} eight times when a rare path was first taken).
     */
    private void place(List<Proposal> proposals, StudentFacts f, LocalDate today, SchoolDays days, boolean yearOver,
                       Map<String, Item> items, Map<String, String[]> leftOut) {
        for (Proposal p : proposals) {
            Practice practice = catalog.find(p.intervention()).orElseThrow(() -> new IllegalArgumentException(
                    "rule '" + p.rule() + "' recommends '" + p.intervention() + "', which is not in the catalog"));
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
                leaveOut(leftOut, practice.id(), why, p.rule());
                continue;
            }
            Item item = items.computeIfAbsent(practice.id(), k -> new Item(practice));
            item.proposals.add(p);
            if (item.since == null || since.isBefore(item.since)) {
                item.since = since;
            }
            if (item.due == null || due.isBefore(item.due)) {
                item.due = due;
                item.clamped = clamped;
            }
        }
        for (Item item : items.values()) {
            item.settle();
            if (item.clamped) {
                Item.add(item.because, "due by the last school day, " + item.due);
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
    private List<Recommendation> recommendations(List<Item> planned, StudentFacts f, LocalDate today, Set<String> cautions) {
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
                    item.due, new ArrayList<>(item.because), String.join("; ", item.rules),
                    stepOf[stepKey(item, today)], status(item.due, today), item.since, covers));
            cautions.addAll(item.cautions);
        }
        return recs;
    }

    /** Step 4: intensive practices wait in {@code held}. */
    private static void hold(Map<String, Item> items, Map<String, Item> held) {
        for (Item item : List.copyOf(items.values())) {
            if (item.practice.intensive()) {
                held.put(item.id(), items.remove(item.id()));
            }
        }
    }

    /** Step 5: what a practice present replaces goes (all at once: what each one present replaces). */
    private static void replace(Map<String, Item> items, Map<String, Item> held) {
        List<Practice> replacing = null;
        for (Item item : items.values()) {
            replacing = withReplaces(replacing, item.practice);
        }
        for (Item item : held.values()) {
            replacing = withReplaces(replacing, item.practice);
        }
        if (replacing != null) {
            for (Practice p : replacing) {
                for (String gone : p.replaces()) {
                    items.remove(gone);
                    held.remove(gone);
                }
            }
        }
    }

    /** A practice left out (done, or in place), with the rules that proposed it, in name order. */
    private static void leaveOut(Map<String, String[]> leftOut, String id, String why, String rule) {
        String[] was = leftOut.putIfAbsent(id, new String[]{why, rule});
        if (was != null && !List.of(was[1].split("; ")).contains(rule)) {
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
    private void cover(Map<String, Item> into, Map<String, Item> from) {
        if (into.isEmpty() || from.isEmpty()) {
            return;
        }
        boolean any = false;
        for (Item c : into.values()) {
            any |= !c.practice.covers().isEmpty();
        }
        if (!any) {
            return; // nothing here covers anything
        }
        List<Item> coverers = new ArrayList<>(into.values());
        if (coverers.size() > 1) {
            coverers.sort(byItemPosition);
        }
        for (Item c : coverers) {
            if (!into.containsKey(c.id())) {
                continue; // itself covered already
            }
            for (String id : c.practice.covers()) {
                Item covered = from.get(id);
                if (covered != null && covered != c) {
                    from.remove(id);
                    c.absorb(covered);
                }
            }
        }
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
            c = Integer.compare(catalog.stageIndex(a.practice), catalog.stageIndex(b.practice));
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
        return new NextStep(item.id(), after, new ArrayList<>(item.because), String.join("; ", item.rules), item.covers);
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
        return item.due.isAfter(today) ? 1 + catalog.stageIndex(item.practice) : 0;
    }

    private static DueStatus status(LocalDate due, LocalDate today) {
        return due.isBefore(today) ? DueStatus.OVERDUE : due.isEqual(today) ? DueStatus.DUE : DueStatus.UPCOMING;
    }

    private int catalogPosition(String id) {
        return position.getOrDefault(id, Integer.MAX_VALUE);
    }
}
