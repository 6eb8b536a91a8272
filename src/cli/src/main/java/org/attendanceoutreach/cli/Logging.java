package org.attendanceoutreach.cli;

/** The command line shows warnings only, on standard error; Drools' own chatter stays off. */
final class Logging {
    private Logging() {
    }

    static void quiet() {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.org.drools", "off");
        setIfAbsent("org.slf4j.simpleLogger.log.org.kie", "off");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
