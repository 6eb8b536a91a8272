package org.attendanceoutreach.internal.compile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rules compiled by the executable model: the generated classes' bytes, the name of the model
 * class, and the hash of the rule files they were compiled from. Only data: nothing here has been
 * loaded or run. {@link org.attendanceoutreach.internal.sandbox.BytecodeVerifier} checks it before
 * anything of it is loaded.
 *
 * @param modelClass the class implementing {@code org.drools.model.Model} ({@code outreach.Rules1A2B…})
 * @param classes    class name ({@code outreach.P1B.LambdaConsequence…}) to bytes
 * @param sourceHash {@link RuleHash} of the rule files and the library
 */
public record CompiledRules(String modelClass, Map<String, byte[]> classes, String sourceHash) {
    private static final String MODEL = "model.txt";

    public CompiledRules {
        classes = java.util.Collections.unmodifiableMap(new TreeMap<>(classes));
    }

    /** A zip: {@code model.txt} (model class, then source hash), then each class as {@code name.class}. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(MODEL));
            zip.write((modelClass + "\n" + sourceHash + "\n").getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> e : classes.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey().replace('.', '/') + ".class"));
                zip.write(e.getValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** Reads what {@link #toBytes()} wrote; throws IOException for anything else. */
    public static CompiledRules fromBytes(byte[] bytes) throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        String model = null;
        String hash = null;
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                byte[] data = zip.readNBytes(8 << 20);
                total += data.length;
                if (total > (64 << 20)) {
                    throw new IOException("compiled rules larger than 64 MB");
                }
                if (e.getName().equals(MODEL)) {
                    String[] lines = new String(data, StandardCharsets.UTF_8).split("\n");
                    model = lines[0].strip();
                    hash = lines.length > 1 ? lines[1].strip() : "";
                } else if (e.getName().endsWith(".class")) {
                    String name = e.getName().substring(0, e.getName().length() - ".class".length()).replace('/', '.');
                    classes.put(name, data);
                }
            }
        }
        if (model == null || !classes.containsKey(model)) {
            throw new IOException("not compiled rules");
        }
        return new CompiledRules(model, classes, hash);
    }
}
