package org.attendanceoutreach;

import org.attendanceoutreach.rules.RuleProblem;
import org.attendanceoutreach.rules.RuleSource;
import org.attendanceoutreach.rules.RulesException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reloads an engine's rules when a file in its folder changes (after a short quiet period). */
final class RulesWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RulesWatcher.class);
    private static final long QUIET_MILLIS = 300;

    private final WatchService watch;
    private final Thread thread;
    private final RuleSource folderSource;

    RulesWatcher(Path folder, OutreachEngine engine, ReloadListener listener) throws IOException {
        this.folderSource = RuleSource.folder(folder);
        this.watch = FileSystems.getDefault().newWatchService();
        folder.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        Path letters = folder.resolve(RuleSource.LETTERS);
        if (java.nio.file.Files.isDirectory(letters)) {
            // the letter templates are part of the rules: an edited template is reloaded like a rule
            letters.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
        this.thread = new Thread(() -> loop(engine, listener), "outreach-rules-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(OutreachEngine engine, ReloadListener listener) {
        try {
            while (true) {
                WatchKey key = watch.take();
                key.pollEvents();
                key.reset();
                // let an editor finish writing: wait until the folder is quiet
                WatchKey more;
                while ((more = watch.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    more.pollEvents();
                    more.reset();
                }
                reloadStable(engine, listener);
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Compiles a stable snapshot of the folder: the files are read until two reads a quiet period
     * apart agree (a file still being written never goes live), then that snapshot is checked and
     * compiled like any load. Whatever happens, the watcher goes on and the last good rules serve.
     */
    private void reloadStable(OutreachEngine engine, ReloadListener listener) throws InterruptedException {
        List<RuleProblem> problems;
        try {
            RuleSource snapshot = folderSource.snapshot();
            for (int tries = 0; tries < 20; tries++) {
                Thread.sleep(QUIET_MILLIS);
                RuleSource again = folderSource.snapshot();
                if (again.read().equals(snapshot.read())) {
                    break;
                }
                snapshot = again;
            }
            engine.reload(snapshot);
            LOG.info("rules reloaded after a change in the folder");
            problems = List.of();
        } catch (RulesException e) {
            LOG.warn("the changed rules do not pass the checks ({} problems); the previous rules keep serving", e.problems().size());
            problems = e.problems();
        } catch (InterruptedException e) {
            throw e;
        } catch (Throwable e) {
            LOG.warn("reloading the rules failed ({}); the previous rules keep serving", e.getClass().getSimpleName());
            problems = List.of(new RuleProblem(folderSource.description(), 0, "the rules could not be reloaded: "
                    + e.getClass().getSimpleName() + "; the previous rules keep serving"));
        }
        try {
            listener.reloaded(problems);
        } catch (RuntimeException e) {
            LOG.warn("the reload listener failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() throws IOException {
        watch.close();
        thread.interrupt();
    }
}
