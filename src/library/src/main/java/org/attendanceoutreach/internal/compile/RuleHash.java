package org.attendanceoutreach.internal.compile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The key of compiled rules: SHA-256 over every rule file's name and bytes, Drools' version and
 * the classes rules may use (a changed fact class must never meet rules compiled against the old one).
 */
public final class RuleHash {
    private RuleHash() {
    }

    public static String of(Map<String, String> drlFiles) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(("attendance-outreach " + libraryVersion() + "\n").getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, String> e : new TreeMap<>(drlFiles).entrySet()) {
                if (!e.getKey().endsWith(".drl")) {
                    continue;
                }
                byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
                byte[] text = e.getValue().getBytes(StandardCharsets.UTF_8);
                d.update((name.length + ":").getBytes(StandardCharsets.UTF_8));
                d.update(name);
                d.update((":" + text.length + ":").getBytes(StandardCharsets.UTF_8));
                d.update(text);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What compiled rules depend on besides their text: the bytes of the classes rules compile
     * against and Drools' version (the same when precompiled at build time and when run from the jar).
     */
    static String libraryVersion() {
        String drools = org.kie.api.KieServices.class.getPackage().getImplementationVersion();
        return "format 1, drools " + drools + ", api " + FactClassesDigest.VALUE;
    }

    /** A digest of the bytes of the classes rules compile against, computed once. */
    private static final class FactClassesDigest {
        static final String VALUE = compute();

        private static String compute() {
            try {
                MessageDigest d = MessageDigest.getInstance("SHA-256");
                for (Class<?> c : org.attendanceoutreach.internal.sandbox.RuleApi.compiledAgainst()) {
                    String resource = c.getName().replace('.', '/') + ".class";
                    try (var in = c.getClassLoader().getResourceAsStream(resource)) {
                        if (in != null) {
                            d.update(in.readAllBytes());
                        }
                    }
                }
                return HexFormat.of().formatHex(d.digest()).substring(0, 16);
            } catch (Exception e) {
                return "unknown";
            }
        }
    }
}
