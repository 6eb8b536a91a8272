package org.attendanceoutreach;

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

    RulesWatcher(Path folder, OutreachEngine engine, ReloadListener listener) throws IOException {
        this.watch = FileSystems.getDefault().newWatchService();
        folder.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
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
                try {
                    engine.reload();
                    LOG.info("rules reloaded after a change in the folder");
                    listener.reloaded(List.of());
                } catch (RulesException e) {
                    LOG.warn("the changed rules do not compile ({} problems); the previous rules keep serving", e.problems().size());
                    listener.reloaded(e.problems());
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        watch.close();
        thread.interrupt();
    }
}
