package org.attendanceoutreach.bench.jmh;

import org.attendanceoutreach.OutreachEngine;
import org.attendanceoutreach.bench.DistrictGenerator;
import org.attendanceoutreach.read.SchoolFileReader;
import org.attendanceoutreach.read.SchoolLines;
import org.attendanceoutreach.read.StudentInput;
import org.attendanceoutreach.school.School;
import org.attendanceoutreach.school.Student;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the benchmarks share: the engine over {@code rules/} (the repository's, run from its root) and
 * the bench's district (seed 42, 180 days), its first {@code n} students as JSON lines and as records.
 */
final class District {
    final OutreachEngine engine;
    final School school;
    final List<Student> students;
    final byte[] jsonLines;

    District(int n) throws Exception {
        this.engine = OutreachEngine.builder().rulesFolder(Path.of("rules")).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DistrictGenerator(42, 180).write(n, DistrictGenerator.Format.JSONL, out);
        this.jsonLines = out.toByteArray();
        List<Student> all = new ArrayList<>(n);
        School s;
        try (SchoolLines lines = new SchoolFileReader().openLines("district.jsonl", new ByteArrayInputStream(jsonLines), w -> { })) {
            s = lines.school();
            while (lines.hasNext()) {
                StudentInput in = lines.next();
                if (in.ok()) {
                    all.add(in.student());
                }
            }
        }
        this.school = s;
        this.students = List.copyOf(all);
    }

    void close() throws IOException {
        engine.close();
    }
}
