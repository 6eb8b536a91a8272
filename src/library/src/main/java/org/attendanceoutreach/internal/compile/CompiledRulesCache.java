package org.attendanceoutreach.internal.compile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where compiled rules are found without compiling: the rules precompiled into the library's jar
 * at build time, and a folder of compiled rule sets keyed by {@link RuleHash} (content-addressed:
 * the same rule files and library give the same key). What is found here is only data: it goes
 * through the same bytecode check as a fresh compile before anything of it is loaded, and an entry
 * that fails it is deleted and compiled again.
 */
public final class CompiledRulesCache {
    private static final Logger LOG = LoggerFactory.getLogger(CompiledRulesCache.class);
    /** The bundled rules, compiled when the library was built ({@link Precompile}). */
    public static final String BUNDLED_RESOURCE = "org/attendanceoutreach/bundled-rules.compiled";

    private CompiledRulesCache() {
    }

    /** Compiled rules for this hash: from the jar or the folder (may be null), or null. */
    public static CompiledRules find(String hash, Path folder) {
        CompiledRules bundled = bundled();
        if (bundled != null && bundled.sourceHash().equals(hash)) {
            return bundled;
        }
        if (folder == null) {
            return null;
        }
        Path file = folder.resolve(hash + ".rules");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            CompiledRules found = CompiledRules.fromBytes(Files.readAllBytes(file));
            return found.sourceHash().equals(hash) ? found : null;
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring an unreadable compiled-rules cache entry {}", file.getFileName());
            return null;
        }
    }

    /** Forgets a cache entry that failed the check. */
    public static void evict(String hash, Path folder) {
        if (folder != null) {
            try {
                Files.deleteIfExists(folder.resolve(hash + ".rules"));
            } catch (IOException e) {
                LOG.warn("could not delete the refused compiled-rules cache entry {}", hash);
            }
        }
    }

    /** Stores compiled rules (best effort: a cache that cannot be written only costs time). */
    public static void store(CompiledRules rules, Path folder) {
        if (folder == null) {
            return;
        }
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, ".rules-", ".tmp");
            try {
                Files.write(tmp, rules.toBytes());
                Path target = folder.resolve(rules.sourceHash() + ".rules");
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not write the compiled-rules cache in {}: {}", folder, e.getClass().getSimpleName());
        }
    }

    private static volatile CompiledRules bundled;
    private static volatile boolean bundledRead;

    private static CompiledRules bundled() {
        if (!bundledRead) {
            try (InputStream in = CompiledRulesCache.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
                bundled = in == null ? null : CompiledRules.fromBytes(in.readAllBytes());
            } catch (IOException e) {
                bundled = null;
            }
            bundledRead = true;
        }
        return bundled;
    }
}
