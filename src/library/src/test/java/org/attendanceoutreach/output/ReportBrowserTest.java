package org.attendanceoutreach.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Renders the report in headless Chromium, offline, where a Chromium is installed
 * ({@code apt-get install chromium}); skipped where there is none (CI has only a JDK and Maven;
 * {@link HtmlReportTest} checks the page's structure everywhere).
 */
class ReportBrowserTest {
    static Path chromium() {
        for (String p : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(p))) {
                return Path.of(p);
            }
        }
        return null;
    }

    static String run(Path profile, Path out, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(chromium().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s");
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void theReportRendersInHeadlessChromium(@TempDir Path dir) throws Exception {
        assumeTrue(chromium() != null, "no Chromium installed: the structural checks of HtmlReportTest stand in");
        Path page = dir.resolve("report.html");
        Files.writeString(page, HtmlReportTest.page("fixtures/sample-school.json"), StandardCharsets.UTF_8);
        String dom = run(dir.resolve("profile-1"), dir.resolve("dom.html"), "--dump-dom", page.toUri().toString());
        assertTrue(dom.contains("<svg"), "the chart is in the rendered page");
        assertTrue(dom.contains("Today's calls"), dom.length() > 300 ? dom.substring(0, 300) : dom);
        assertTrue(dom.contains("S-1004"));
        Path png = dir.resolve("report.png");
        run(dir.resolve("profile-2"), dir.resolve("screenshot.log"), "--window-size=1200,1600", "--screenshot=" + png, page.toUri().toString());
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 20_000, "a screenshot with something on it: " + bytes.length + " bytes");
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals('P', bytes[1]);
    }
}
