package org.attendanceoutreach;

/**
 * The engine cannot go on: a rule evaluation did not stop when its time budget ran out (which the
 * rule sandbox should make impossible). Every evaluation after this throws it; the command line
 * ends with exit status 2. Build a new engine (after fixing the rules) to go on.
 */
public final class EngineBrokenException extends IllegalStateException {
    public EngineBrokenException(String message) {
        super(message);
    }
}
