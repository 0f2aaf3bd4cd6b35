package org.openperf.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every action the code records in a project's history has its Chinese word, so no screen shows a raw code. */
class HistoryActionTest {

    /** {@code record(projectId, taskId, step, "action", …)}: the fourth argument when it is a literal. */
    static final Pattern RECORDED = Pattern.compile("\\.record\\([^;]*?,[^;]*?,[^;]*?,\\s*\"([a-z-]+)\"");

    @Test
    void everyRecordedActionHasItsLabel() throws IOException {
        Set<String> recorded = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = RECORDED.matcher(Files.readString(f));
                while (m.find()) {
                    recorded.add(m.group(1));
                }
            }
        }
        assertThat(recorded).contains("submit", "approve", "remind", "escalate", "published", "answer");
        assertThat(recorded).allSatisfy(code -> assertThat(HistoryAction.label(code)).as(code).isNotEqualTo(code));
        // Decisions recorded as sent (approve / return, rectify) are codes too.
        assertThat(HistoryAction.label("return")).isEqualTo("退回单位");
        assertThat(HistoryAction.label("rectify")).isEqualTo("下达整改要求");
    }
}
