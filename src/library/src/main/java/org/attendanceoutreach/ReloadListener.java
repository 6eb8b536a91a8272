package org.attendanceoutreach;

import org.attendanceoutreach.rules.RuleProblem;

import java.util.List;

/**
 * Told after every automatic reload of a watched rules folder: {@code problems} is empty when the
 * new rules now serve, and lists why otherwise (the old rules then keep serving).
 */
@FunctionalInterface
public interface ReloadListener {
    void reloaded(List<RuleProblem> problems);
}
