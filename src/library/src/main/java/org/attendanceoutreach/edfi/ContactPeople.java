package org.attendanceoutreach.edfi;

import com.fasterxml.jackson.databind.JsonNode;
import org.attendanceoutreach.edfi.DescriptorMap.Kind;
import org.attendanceoutreach.read.SchoolFileException;
import org.attendanceoutreach.school.Contact;
import org.attendanceoutreach.school.ContactRole;
import org.attendanceoutreach.school.PhoneStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whom to call: the people linked to a student ({@code studentParentAssociations.json} with
 * {@code parents.json} in Data Standard 4, {@code studentContactAssociations.json} with
 * {@code contacts.json} in 5 and 6), the primary contact first, then by {@code contactPriority}. For
 * each: the relation (mother, foster parent, court appointed guardian, …), the name, the telephone with
 * the lowest {@code orderOfPriority}, and the language they speak. Names and numbers are kept for the
 * call list only; they never enter a message.
 */
final class ContactPeople {
    private record Link(int index, String person, String relation, boolean primary, Integer priority, Boolean legalGuardian) {
    }

    private record Person(int index, String name, String phone, JsonNode languages) {
    }

    private final DescriptorMap descriptors;
    private final LanguageDescriptors languages;
    private final String linkResource;
    private final String personResource;
    private final Map<String, List<Link>> links = new HashMap<>();
    private final Map<String, Person> people = new HashMap<>();

    private ContactPeople(DescriptorMap descriptors, DataStandard standard) {
        this.descriptors = descriptors;
        this.languages = new LanguageDescriptors(descriptors);
        this.linkResource = standard.associationResource();
        this.personResource = standard.peopleResource();
    }

    static ContactPeople read(ResourceFolder folder, DescriptorMap descriptors, DataStandard standard) throws SchoolFileException {
        ContactPeople c = new ContactPeople(descriptors, standard);
        String key = standard == DataStandard.DS4 ? "parent" : "contact";
        folder.each(c.linkResource, false, (i, n) -> {
            String student = Fields.text(n, "studentReference", "studentUniqueId");
            String person = Fields.text(n, key + "Reference", key + "UniqueId");
            if (student == null || person == null) {
                folder.warn(c.linkResource, i, "no studentReference.studentUniqueId or " + key + "Reference." + key
                        + "UniqueId; skipped");
                return;
            }
            JsonNode primary = n.get("primaryContactStatus");
            JsonNode guardian = n.get("legalGuardian");
            c.links.computeIfAbsent(student, k -> new ArrayList<>()).add(new Link(i, person,
                    Fields.text(n, "relationDescriptor"), primary != null && primary.asBoolean(false),
                    Fields.number(n, "contactPriority"), guardian == null || guardian.isNull() ? null : guardian.asBoolean(false)));
        });
        folder.each(c.personResource, false, (i, n) -> {
            String id = Fields.text(n, key + "UniqueId");
            if (id != null) {
                c.people.putIfAbsent(id, new Person(i, name(n), phone(n), n.get("languages")));
            }
        });
        return c;
    }

    /**
     * The student's contacts, most to call first.
     *
     * @throws Problem naming the record of a relation that cannot be mapped
     */
    List<Contact> contacts(String studentId, StudentWarnings warn) {
        List<Link> list = new ArrayList<>(links.getOrDefault(studentId, List.of()));
        list.sort(Comparator.comparing((Link l) -> !l.primary())
                .thenComparing(l -> l.priority() == null ? Integer.MAX_VALUE : l.priority())
                .thenComparing(Link::index));
        List<Contact> out = new ArrayList<>();
        for (Link l : list) {
            ContactRole role = ContactRole.OTHER;
            String relationship = null;
            if (l.relation() != null) {
                role = ContactRole.valueOf(descriptors.map(Kind.RELATION, l.relation(), linkResource, "[" + l.index() + "].relationDescriptor"));
                int hash = l.relation().lastIndexOf('#');
                relationship = l.relation().substring(hash + 1).strip().toLowerCase(Locale.ROOT);
            }
            if (role == ContactRole.OTHER && Boolean.TRUE.equals(l.legalGuardian())) {
                role = ContactRole.GUARDIAN;
            }
            Person p = people.get(l.person());
            String language = null;
            if (p != null) {
                LanguageDescriptors.Choice c = languages.preferred(p.languages(), personResource, "[" + p.index() + "]",
                        (field, message) -> warn.add(personResource, field, message), "SPOKEN", "HOME");
                language = c == null ? null : c.tag();
            }
            out.add(new Contact(role, relationship, p == null ? null : p.name(), p == null ? null : p.phone(),
                    PhoneStatus.UNKNOWN, language));
        }
        return out;
    }

    private static String name(JsonNode n) {
        String first = Fields.text(n, "firstName");
        String last = Fields.text(n, "lastSurname");
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        return name.isEmpty() ? null : name;
    }

    /** The telephone number with the lowest orderOfPriority (the first listed on a tie). */
    private static String phone(JsonNode n) {
        JsonNode phones = n.get("telephones");
        if (phones == null || !phones.isArray()) {
            return null;
        }
        String best = null;
        int bestOrder = Integer.MAX_VALUE;
        for (JsonNode t : phones) {
            String number = Fields.text(t, "telephoneNumber");
            Integer order = Fields.number(t, "orderOfPriority");
            int o = order == null ? Integer.MAX_VALUE - 1 : order;
            if (number != null && !number.isBlank() && (best == null || o < bestOrder)) {
                best = number.strip();
                bestOrder = o;
            }
        }
        return best;
    }
}
