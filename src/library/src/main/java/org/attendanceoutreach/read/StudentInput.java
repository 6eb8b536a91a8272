package org.attendanceoutreach.read;

import org.attendanceoutreach.result.InputProblem;
import org.attendanceoutreach.school.Student;

/**
 * One entry of a school file's {@code students}: either a student that was read, or the problem
 * that kept it from being read. {@code key} is the student's id, or {@code students[N]} when the
 * entry has no usable id.
 */
public record StudentInput(String key, Student student, InputProblem error) {
    public static StudentInput of(Student student) {
        return new StudentInput(student.studentId(), student, null);
    }

    public static StudentInput failed(String key, InputProblem error) {
        return new StudentInput(key, null, error);
    }

    public boolean ok() {
        return error == null;
    }
}
