package org.attendanceoutreach.internal.compile;

import org.attendanceoutreach.internal.drl.DrlModel;
import org.attendanceoutreach.internal.drl.DrlRule;
import org.attendanceoutreach.rules.RuleProblem;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Compiles DRL files with Drools' executable model into {@link CompiledRules}, through the public
 * KIE API only. Nothing it compiles is loaded or run here: the container is used only to read the
 * generated classes' bytes (Drools loads and runs generated code only when a knowledge base is
 * made, which this never does).
 */
public final class ExecModelCompiler {
    static final String GROUP = "org.attendanceoutreach";
    static final String ARTIFACT = "outreach-rules";
    private static final String PREFIX = "src/main/resources/outreach/";
    private static final AtomicLong BUILDS = new AtomicLong();

    private ExecModelCompiler() {
    }

    /** The compiled rules, or null with the compiler's problems added to {@code problems}. */
    public static CompiledRules compile(Map<String, String> drl, DrlModel model, Function<String, String> displayName,
                                        List<RuleProblem> problems) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId id = ks.newReleaseId(GROUP, ARTIFACT, "1.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(id);
        drl.forEach((file, text) -> kfs.write(PREFIX + file, text));
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(kfs).buildAll(org.drools.model.codegen.ExecutableModelProject.class);
        } catch (StackOverflowError e) {
            problems.add(new RuleProblem(displayName.apply(drl.keySet().iterator().next()), 0,
                    "the rules nest too deeply for the compiler; write the conditions more simply"));
            return null;
        } catch (RuntimeException e) {
            problems.add(new RuleProblem("(rules)", 0, "the rules could not be compiled: " + e.getClass().getSimpleName()));
            return null;
        }
        try {
            List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
            if (!errors.isEmpty()) {
                List<RuleProblem> found = CompilerMessages.translateAll(errors, PREFIX, model, displayName);
                if (found.isEmpty()) {
                    found.add(new RuleProblem("(rules)", 0, "the rules do not compile"));
                }
                problems.addAll(found);
                return null;
            }
            KieContainer container = ks.newKieContainer(id);
            try {
                return read(container.getClassLoader());
            } catch (IOException e) {
                problems.add(new RuleProblem("(rules)", 0, "the compiled rules could not be read: " + e.getMessage()));
                return null;
            } finally {
                container.dispose();
            }
        } finally {
            ks.getRepository().removeKieModule(id);
        }
    }

    /** Reads the generated classes through the container's class loader, as resources (nothing is loaded). */
    private static CompiledRules read(ClassLoader loader) throws IOException {
        String base = "META-INF/kie/" + GROUP + "/" + ARTIFACT + "/";
        String names = text(loader, base + "generated-class-names");
        String model = null;
        for (String line : text(loader, base + "drools-model").split("\\R")) {
            if (!line.isBlank() && !line.contains(":")) {
                model = line.strip();
            }
        }
        if (model == null) {
            throw new IOException("no model class named");
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (String name : names.split("\\R")) {
            name = name.strip();
            if (name.isEmpty() || name.startsWith("org.drools.project.model.")) {
                continue; // the project model: not needed, never loaded
            }
            try (InputStream in = loader.getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new IOException("generated class " + name + " is missing");
                }
                classes.put(name, in.readAllBytes());
            }
        }
        return new CompiledRules(model, classes, "");
    }

    private static String text(ClassLoader loader, String resource) throws IOException {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The rule named in a message, for messages Drools gives without a usable line. */
    static DrlRule ruleNamedIn(String text, DrlModel model) {
        DrlRule best = null;
        for (DrlRule r : model.rules()) {
            if (text.contains(r.name()) && (best == null || r.name().length() > best.name().length())) {
                best = r;
            }
        }
        return best;
    }
}
