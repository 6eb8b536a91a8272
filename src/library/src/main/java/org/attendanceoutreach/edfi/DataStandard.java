package org.attendanceoutreach.edfi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Ed-Fi Data Standard a folder's resources follow. The ODS/API 7 serves three, and they differ
 * where this reader looks for a student's family and languages:
 * <ul>
 * <li>{@link #DS4}: {@code parents.json} and {@code studentParentAssociations.json}; languages and
 *     characteristics on {@code studentEducationOrganizationAssociations.json};</li>
 * <li>{@link #DS5}: Parent renamed Contact: {@code contacts.json} and
 *     {@code studentContactAssociations.json}; the rest as in 4;</li>
 * <li>{@link #DS6}: contacts as in 5; the student's languages, characteristics and English
 *     proficiency move from the education organization association to {@code studentDemographics.json}
 *     (and the student's own addresses and telephones to {@code studentDirectories.json}, which this
 *     reader does not need).</li>
 * </ul>
 * Everything else the reader uses (enrolments, attendance events, sessions, calendar dates, special
 * education programs) has the same shape in all three.
 */
public enum DataStandard {
    DS4("4", EdFiReader.PARENTS, EdFiReader.PARENT_ASSOCIATIONS, EdFiReader.ED_ORG_ASSOCIATIONS),
    DS5("5", EdFiReader.CONTACTS, EdFiReader.CONTACT_ASSOCIATIONS, EdFiReader.ED_ORG_ASSOCIATIONS),
    DS6("6", EdFiReader.CONTACTS, EdFiReader.CONTACT_ASSOCIATIONS, EdFiReader.DEMOGRAPHICS);

    private final String version;
    private final String people;
    private final String associations;
    private final String studentDetails;

    DataStandard(String version, String people, String associations, String studentDetails) {
        this.version = version;
        this.people = people;
        this.associations = associations;
        this.studentDetails = studentDetails;
    }

    /** The major version: "4", "5" or "6". */
    public String version() {
        return version;
    }

    /** The resource of the people to call: {@code parents.json} or {@code contacts.json}. */
    public String peopleResource() {
        return people;
    }

    /** The resource that links students to those people. */
    public String associationResource() {
        return associations;
    }

    /** Where the student's languages and characteristics are. */
    public String studentDetailsResource() {
        return studentDetails;
    }

    /** The standard a version number names: {@code 4}, {@code 5.2}, {@code 6.1} … */
    public static DataStandard of(String version) {
        String v = version == null ? "" : version.strip();
        for (DataStandard d : values()) {
            if (v.equals(d.version) || v.startsWith(d.version + ".")) {
                return d;
            }
        }
        throw new IllegalArgumentException("Ed-Fi Data Standard " + version + " is not read; give 4, 5 or 6");
    }

    /**
     * The standard a folder's files show: 6 when it has {@code studentDemographics.json}, else 5 when it
     * has contacts, else 4 when it has parents, else null (the folder has none of the resources that
     * differ, and reads the same under every standard).
     */
    public static DataStandard detect(Path folder) {
        if (Files.isRegularFile(folder.resolve(EdFiReader.DEMOGRAPHICS))) {
            return DS6;
        }
        for (DataStandard d : List.of(DS5, DS4)) {
            if (Files.isRegularFile(folder.resolve(d.people)) || Files.isRegularFile(folder.resolve(d.associations))) {
                return d;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "Ed-Fi Data Standard " + version;
    }
}
