package io.ocppsec.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Without an output directory the demo works in a temporary one, and removes it when it ends. */
class DemoTempDirTest {

    @Test
    void theTemporaryDirectoryIsRemovedAtTheEnd() {
        StringWriter text = new StringWriter();
        DemoRunner.Report report = DemoRunner.builder().out(new PrintWriter(text, true))
                .timeout(Duration.ofSeconds(10)).build().run();
        assertThat(report.failed()).as(text.toString()).isZero();
        Matcher m = Pattern.compile("public PEM files in (\\S*ocpp-demo-\\S+)").matcher(text.toString());
        assertThat(m.find()).as(text.toString()).isTrue();
        Path dir = Path.of(m.group(1).replaceAll("[).,;]+$", ""));
        assertThat(dir.getFileName().toString()).startsWith("ocpp-demo-");
        assertThat(Files.exists(dir)).as(dir.toString()).isFalse();
    }
}
