package org.attendanceoutreach.internal.sandbox;

import org.attendanceoutreach.internal.compile.CompiledRules;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;

/**
 * The only way from compiled rules to a knowledge base: the bytecode is verified, then loaded by a
 * {@link VerifiedClassLoader} from exactly the verified bytes, and the model is handed to the
 * executable model's {@link KieBaseBuilder}. Used for fresh compiles, the rules precompiled into
 * the jar and the compiled-rules cache alike.
 */
public final class CheckedRules {
    private CheckedRules() {
    }

    /** The verifier's findings; when they are empty, {@link #kieBase} may be called. */
    public static BytecodeVerifier.Result verify(CompiledRules rules) {
        return BytecodeVerifier.verify(rules.classes(), rules.modelClass());
    }

    /**
     * Verifies, then loads, the rules.
     *
     * @throws IllegalStateException when the bytecode does not pass the verifier (nothing was loaded)
     */
    public static KieBase kieBase(CompiledRules rules) {
        BytecodeVerifier.Result result = verify(rules);
        if (!result.ok()) {
            throw new IllegalStateException("compiled rules refused by the sandbox: " + result.violations().get(0));
        }
        VerifiedClassLoader loader = new VerifiedClassLoader(CheckedRules.class.getClassLoader(), rules.classes());
        try {
            Object model = loader.loadClass(rules.modelClass()).getConstructor().newInstance();
            return KieBaseBuilder.createKieBaseFromModel((Model) model);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the compiled rules could not be loaded: " + e, e);
        }
    }
}
