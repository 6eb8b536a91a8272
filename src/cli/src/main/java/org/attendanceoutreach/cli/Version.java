package org.attendanceoutreach.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * {@code --version}: the version the build gave (the POM's {@code project.version}, written into
 * {@code version.properties} when the resources are copied), the same in the jar and in the tests.
 */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String drools = org.kie.api.KieServices.class.getPackage().getImplementationVersion();
        return new String[] {"attendance-outreach " + number(), "Java " + System.getProperty("java.version")
                + (drools == null ? "" : ", Drools " + drools)};
    }

    /** The project's version, e.g. "0.3.0". */
    static String number() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the command line's classes: rebuild with mvn package");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
