package org.attendanceoutreach.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Headless Chromium (Debian's {@code chromium} package), driven through the Chrome DevTools Protocol
 * over a WebSocket on the loopback interface, from the JDK alone: open a page at a given width, run
 * JavaScript in it, take a screenshot, print it to PDF. The browser is {@code /usr/bin/chromium} (or
 * {@code $CHROMIUM}); it runs offline, with a fresh profile, and is ended when this is closed.
 *
 * <p>There is no skipping: when Chromium or axe-core is missing, {@link #start} and {@link #axeSource}
 * fail with what to install ({@code .ci/install-browser} installs both, as CI does).
 */
public final class Browser implements AutoCloseable {
    /** Where {@code npm ci} puts axe-core (see {@code src/library/src/test/browser/package.json}). */
    static final Path AXE = Path.of("src/library/src/test/browser/node_modules/axe-core/axe.min.js");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private String session;

    private Browser(Process process, Path profile, String url) throws Exception {
        this.process = process;
        this.profile = profile;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
                .buildAsync(URI.create(url), new Listener()).get(60, TimeUnit.SECONDS);
    }

    /** The Chromium to run, or an error saying how to install it. */
    static Path chromium() {
        String given = System.getenv("CHROMIUM");
        for (String p : given != null ? List.of(given) : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(p))) {
                return Path.of(p);
            }
        }
        throw new AssertionError("no Chromium: the report's browser tests need it (they never skip). Install it with "
                + "`bash .ci/install-browser` (as CI does), or `apt-get install -y chromium`");
    }

    /** axe-core's script, or an error saying how to install it. */
    static String axeSource() throws IOException {
        if (!Files.isRegularFile(AXE)) {
            throw new AssertionError("no axe-core at " + AXE + ": the accessibility test needs it (it never skips). Install it with "
                    + "`bash .ci/install-browser` (as CI does), or `npm ci --prefix src/library/src/test/browser`");
        }
        return Files.readString(AXE, StandardCharsets.UTF_8);
    }

    /** Starts Chromium headless with an empty profile and opens one blank tab. */
    static Browser start() throws Exception {
        Path profile = Files.createTempDirectory("outreach-chromium-");
        Process p = new ProcessBuilder(chromium().toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--hide-scrollbars", "--mute-audio", "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    int at = line.indexOf("ws://");
                    if (line.startsWith("DevTools listening on") && at >= 0) {
                        url.complete(line.substring(at).strip());
                    }
                }
            } catch (IOException e) {
                url.completeExceptionally(e);
            }
            url.completeExceptionally(new IOException("chromium ended without a DevTools address"));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            Browser b = new Browser(p, profile, url.get(60, TimeUnit.SECONDS));
            String target = b.call("Target.createTarget", Map.of("url", "about:blank"), false).path("targetId").asText();
            b.session = b.call("Target.attachToTarget", Map.of("targetId", target, "flatten", true), false).path("sessionId").asText();
            b.call("Page.enable", Map.of());
            return b;
        } catch (Exception | AssertionError e) {
            p.destroyForcibly();
            deleteTree(profile);
            throw e;
        }
    }

    /** Opens a file at this viewport width and height, and waits until it has loaded. */
    void open(Path file, int width, int height) throws Exception {
        call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
        events.clear();
        call("Page.navigate", Map.of("url", file.toUri().toString()));
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < end) {
            JsonNode e = events.poll(1, TimeUnit.SECONDS);
            if (e != null && "Page.loadEventFired".equals(e.path("method").asText())) {
                return;
            }
        }
        throw new AssertionError("the page did not load in " + TIMEOUT.toSeconds() + " s");
    }

    /** Runs a JavaScript expression (a promise is awaited) and returns its value as JSON. */
    JsonNode eval(String expression) throws Exception {
        JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "awaitPromise", true, "returnByValue", true));
        if (r.has("exceptionDetails")) {
            throw new AssertionError("JavaScript failed: " + r.path("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** A PNG of the whole page (not only the viewport). */
    byte[] screenshot() throws Exception {
        return Base64.getDecoder().decode(call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true))
                .path("data").asText());
    }

    /** A PNG of part of the page: {@code height} pixels from the top of the first element {@code selector} finds. */
    byte[] screenshot(String selector, int height) throws Exception {
        JsonNode box = eval("(() => { const r = document.querySelector('" + selector + "').getBoundingClientRect();"
                + " return {x: 0, y: r.top + window.scrollY, width: document.documentElement.clientWidth}; })()");
        return Base64.getDecoder().decode(call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", box.path("y").asDouble(), "width", box.path("width").asDouble(), "height", height, "scale", 1)))
                .path("data").asText());
    }

    /** The page printed to PDF (Letter paper) as the browser's print would. */
    byte[] pdf() throws Exception {
        return Base64.getDecoder().decode(call("Page.printToPDF", Map.of("paperWidth", 8.5, "paperHeight", 11)).path("data").asText());
    }

    /** The number of pages of a PDF Chromium wrote (its page tree's count). */
    static int pages(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/Type\\s*/Page[^s]").matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private JsonNode call(String method, Map<String, Object> params) throws Exception {
        return call(method, params, true);
    }

    private JsonNode call(String method, Map<String, Object> params, boolean inPage) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", JSON.valueToTree(params));
        if (inPage) {
            msg.put("sessionId", session);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(JSON.writeValueAsString(msg), true).get(60, TimeUnit.SECONDS);
        JsonNode r = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (r.has("error")) {
            throw new AssertionError(method + " failed: " + r.path("error"));
        }
        return r.path("result");
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode m = JSON.readTree(text.toString());
                    if (m.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                        if (f != null) {
                            f.complete(m);
                        }
                    } else {
                        events.add(m);
                    }
                } catch (IOException e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the browser is ended below anyway
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(profile);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(s.toList());
            all.sort(Comparator.reverseOrder());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a leftover temporary profile is harmless
        }
    }
}
