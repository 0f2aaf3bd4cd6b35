package org.openperf.kernel.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.dmn.engine.DmnEngine;

/**
 * The decision tables of {@code bpmn/} read from the files, for tests of the pure calculators that run without the
 * engine: the same tables the engine deploys, evaluated the same way (simple FEEL), with no second copy of the bands.
 */
public final class RuleFiles {

    private static final DmnEngine ENGINE = DmnTables.engine();

    private RuleFiles() {
    }

    /** A table of {@code bpmn/} as a file. */
    public static Decision decision(String resource, String key) {
        return xml(read(resource), key);
    }

    /** A table from its XML (a file of {@code bpmn/} with other numbers, say). */
    public static Decision xml(String xml, String key) {
        return DmnTables.of(ENGINE, DmnTables.parse(ENGINE, xml.getBytes(StandardCharsets.UTF_8), key));
    }

    public static String read(String resource) {
        try (InputStream in = RuleFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("not on the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
