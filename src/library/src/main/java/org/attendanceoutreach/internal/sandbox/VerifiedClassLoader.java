package org.attendanceoutreach.internal.sandbox;

import java.util.Map;
import java.util.Set;

/**
 * Loads the classes of compiled rules from the bytes that {@link BytecodeVerifier} checked, and
 * nothing else: a name it was not given is looked up only in the library's own class loader
 * (where no generated class can be). Made only by {@link CheckedRules}, after the check.
 */
final class VerifiedClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;

    VerifiedClassLoader(ClassLoader parent, Map<String, byte[]> classes) {
        super("outreach-rules", parent);
        this.classes = Map.copyOf(classes);
    }

    Set<String> names() {
        return classes.keySet();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        throw new ClassNotFoundException(name);
    }
}
