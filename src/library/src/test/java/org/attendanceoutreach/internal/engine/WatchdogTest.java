package org.attendanceoutreach.internal.engine;

import org.drools.model.impl.ModelImpl;
import org.drools.modelcompiler.KieBaseBuilder;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSession;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The watchdog halts a session past its deadline and marks the engine broken when the thread does not come back. */
class WatchdogTest {
    @Test
    void aSessionThatDoesNotComeBackMarksTheEngineBroken() throws Exception {
        KieSession session = KieBaseBuilder.createKieBaseFromModel(new ModelImpl()).newKieSession();
        try (Watchdog dog = new Watchdog(100)) {
            long id = dog.watch(session, System.nanoTime() + 50_000_000L);
            assertNull(dog.broken());
            boolean interrupted = false;
            long until = System.currentTimeMillis() + 10_000;
            while (dog.broken() == null && System.currentTimeMillis() < until) {
                try {
                    Thread.sleep(20); // "stuck" in a rule
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            assertNotNull(dog.broken(), "never marked broken");
            assertTrue(interrupted || Thread.interrupted(), "the stuck thread was interrupted");
            dog.done(id);
        } finally {
            session.dispose();
        }
    }

    @Test
    void aSessionThatComesBackInTimeIsForgotten() throws Exception {
        KieSession session = KieBaseBuilder.createKieBaseFromModel(new ModelImpl()).newKieSession();
        try (Watchdog dog = new Watchdog(100)) {
            long id = dog.watch(session, System.nanoTime() + 50_000_000L);
            dog.done(id);
            Thread.sleep(400);
            assertNull(dog.broken());
        } finally {
            session.dispose();
        }
    }
}
