package org.attendanceoutreach.edfi;

import org.attendanceoutreach.edfi.DescriptorMap.Kind;
import org.attendanceoutreach.edfi.DescriptorMap.MappingFileException;
import org.attendanceoutreach.edfi.DescriptorMap.UnknownDescriptorException;
import org.attendanceoutreach.school.AbsenceReason;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Descriptor mapping: the bundled Ed-Fi defaults, local namespaces, and mapping-file mistakes. */
class DescriptorMapTest {
    static final DescriptorMap D = DescriptorMap.defaults();

    @Test
    void theEdFiDescriptorsOfTheSampleMapWithoutRegardToCase() {
        assertEquals("EXCUSED", D.map(Kind.ATTENDANCE_EVENT_CATEGORY, "uri://ed-fi.org/AttendanceEventCategoryDescriptor#Excused Absence"));
        assertEquals("EARLY_DEPARTURE", D.map(Kind.ATTENDANCE_EVENT_CATEGORY, "uri://ed-fi.org/AttendanceEventCategoryDescriptor#early departure"));
        assertEquals("PRESENT", D.map(Kind.ATTENDANCE_EVENT_CATEGORY, "In Attendance"));
        assertEquals("5", D.map(Kind.GRADE_LEVEL, "uri://ed-fi.org/GradeLevelDescriptor#Fifth grade"));
        assertEquals("K", D.map(Kind.GRADE_LEVEL, "URI://ED-FI.ORG/GradeLevelDescriptor#Kindergarten"));
        assertEquals("INSTRUCTIONAL", D.map(Kind.CALENDAR_EVENT, "uri://ed-fi.org/CalendarEventDescriptor#Instructional day"));
        assertEquals("FOSTER_CARE", D.map(Kind.STUDENT_CHARACTERISTIC, "uri://ed-fi.org/StudentCharacteristicDescriptor#Foster Care"));
        assertEquals("IGNORE", D.map(Kind.STUDENT_CHARACTERISTIC, "uri://ed-fi.org/StudentCharacteristicDescriptor#Economic Disadvantaged"));
        assertEquals("EDUCATION_DECISION_MAKER", D.map(Kind.RELATION, "uri://ed-fi.org/RelationDescriptor#Foster parent"));
    }

    @Test
    void languagesMapFromIsoCodesAndEnglishNames() {
        assertEquals("es", D.map(Kind.LANGUAGE, "uri://ed-fi.org/LanguageDescriptor#spa"));
        assertEquals("es", D.map(Kind.LANGUAGE, "uri://ed-fi.org/LanguageDescriptor#Spanish"));
        assertEquals("zh", D.map(Kind.LANGUAGE, "uri://ed-fi.org/LanguageDescriptor#chi"));
        assertEquals("vi", D.map(Kind.LANGUAGE, "uri://ed-fi.org/LanguageDescriptor#vie"));
        assertEquals("hmn", D.map(Kind.LANGUAGE, "uri://ed-fi.org/LanguageDescriptor#hmn"));
        assertEquals("yue", D.map(Kind.LANGUAGE, "uri://ed-fi.org/LanguageDescriptor#Chinese, Cantonese"));
        assertEquals("nv", D.map(Kind.LANGUAGE, "uri://ed-fi.org/LanguageDescriptor#Navajo; Navaho"));
        assertEquals("tlh", D.map(Kind.LANGUAGE, "uri://ed-fi.org/LanguageDescriptor#Klingon"), "ISO 639-2 lists it");
        UnknownDescriptorException e = assertThrows(UnknownDescriptorException.class,
                () -> D.map(Kind.LANGUAGE, "uri://ed-fi.org/LanguageDescriptor#Other"));
        assertTrue(e.getMessage().contains("unknown descriptor 'uri://ed-fi.org/LanguageDescriptor#Other'"), e.getMessage());
    }

    @Test
    void unknownCodeValuesNamespacesAndKindsAreClearErrors() {
        UnknownDescriptorException code = assertThrows(UnknownDescriptorException.class,
                () -> D.map(Kind.ATTENDANCE_EVENT_CATEGORY, "uri://ed-fi.org/AttendanceEventCategoryDescriptor#Absent - Bus"));
        assertTrue(code.getMessage().contains("under AttendanceEventCategoryDescriptor"), code.getMessage());
        UnknownDescriptorException ns = assertThrows(UnknownDescriptorException.class,
                () -> D.map(Kind.ATTENDANCE_EVENT_CATEGORY, "uri://district.example.org/AttendanceEventCategoryDescriptor#Excused Absence"));
        assertTrue(ns.getMessage().contains("no descriptor mapping for the namespace uri://district.example.org/"), ns.getMessage());
        UnknownDescriptorException kind = assertThrows(UnknownDescriptorException.class,
                () -> D.map(Kind.ATTENDANCE_EVENT_CATEGORY, "uri://ed-fi.org/GradeLevelDescriptor#Fifth grade"));
        assertTrue(kind.getMessage().contains("expected a AttendanceEventCategoryDescriptor"), kind.getMessage());
    }

    @Test
    void aLocalNamespaceExtendsEdFiAndMayMapEverythingElseWithAStar() throws Exception {
        DescriptorMap m = D.with("district.json", """
                {"namespace": "uri://district.example.org", "extends": "uri://ed-fi.org/",
                 "descriptors": {"AttendanceEventCategoryDescriptor": {"Absent - Bus": "unexcused"},
                                 "RelationDescriptor": {"*": "OTHER"}},
                 "attendanceEventReason": {"Doctor": "MEDICAL"}}
                """);
        assertEquals("UNEXCUSED", m.map(Kind.ATTENDANCE_EVENT_CATEGORY, "uri://district.example.org/AttendanceEventCategoryDescriptor#absent - bus"));
        assertEquals("TARDY", m.map(Kind.ATTENDANCE_EVENT_CATEGORY, "uri://district.example.org/AttendanceEventCategoryDescriptor#Tardy"),
                "a code the district does not list is looked up in the namespace it extends");
        assertEquals("PARENT", m.map(Kind.RELATION, "uri://district.example.org/RelationDescriptor#Mother"), "the extended entry before the star");
        assertEquals("OTHER", m.map(Kind.RELATION, "uri://district.example.org/RelationDescriptor#Godmother"));
        assertThrows(UnknownDescriptorException.class, () -> m.map(Kind.RELATION, "uri://ed-fi.org/RelationDescriptor#Godmother"),
                "the district's star does not reach the Ed-Fi namespace");
        assertEquals(AbsenceReason.MEDICAL, m.reason("doctor"));
        assertNull(m.reason("Absent excused"));
    }

    @Test
    void aMappingFileMistakeNamesTheFileAndTheEntry() {
        MappingFileException value = assertThrows(MappingFileException.class, () -> D.with("m.json",
                "{\"namespace\": \"uri://x/\", \"descriptors\": {\"GradeLevelDescriptor\": {\"Year 5\": \"FIVE\"}}}"));
        assertTrue(value.getMessage().startsWith("m.json: descriptors.GradeLevelDescriptor.Year 5: 'FIVE' is not one of"), value.getMessage());
        MappingFileException kind = assertThrows(MappingFileException.class, () -> D.with("m.json",
                "{\"namespace\": \"uri://x/\", \"descriptors\": {\"SexDescriptor\": {}}}"));
        assertTrue(kind.getMessage().contains("descriptors.SexDescriptor: not a descriptor the importer reads"), kind.getMessage());
        assertThrows(MappingFileException.class, () -> D.with("m.json", "{\"descriptors\": {}}"));
        assertThrows(MappingFileException.class, () -> D.with("m.json", "{\"namespace\": \"uri://x/\", \"extra\": 1}"));
        assertThrows(MappingFileException.class, () -> D.with("m.json", "not json"));
    }
}
