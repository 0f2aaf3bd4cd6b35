package org.openperf.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openperf.imports.ImportedTable;
import org.openperf.imports.ReadResult;
import org.openperf.imports.TargetTableReader;
import org.openperf.targets.Department;
import org.openperf.targets.Indicator;
import org.openperf.targets.Project;
import org.openperf.targets.Unit;

/** Export then import gives the same projects and indicators, for both fixtures and both formats. */
class RoundTripTest {

    static List<Project> read(byte[] content, String name, int year) {
        ReadResult r = TargetTableReader.read(new ByteArrayInputStream(content), name, year);
        return r.tables().stream().map(t -> withUnit(t)).toList();
    }

    static Project withUnit(ImportedTable t) {
        String code = t.unitCode();
        t.project().setUnit(new Unit(code, t.unitName(), new Department(code == null ? null : code.substring(0, 3),
                "主管部门")));
        return t.project();
    }

    static String describe(Project p) {
        StringBuilder sb = new StringBuilder(p.getName()).append('|').append(p.getUnit().getCode()).append('|')
                .append(p.getUnit().getName()).append('|').append(p.getBudget().stripTrailingZeros().toPlainString())
                .append('|').append(p.getFiscalFunds() == null ? "-" : p.getFiscalFunds().stripTrailingZeros().toPlainString())
                .append('|').append(p.getOtherFunds() == null ? "-" : p.getOtherFunds().stripTrailingZeros().toPlainString())
                .append('|').append(p.getPurpose()).append('|').append(p.getGoal());
        for (Indicator i : p.getIndicators()) {
            sb.append("\n  ").append(i.getLevel1()).append('/').append(i.getLevel2()).append('/').append(i.getName())
                    .append('/').append(i.getDescription()).append('/')
                    .append(i.getValue() == null ? null : i.getValue().getText());
        }
        return sb.toString();
    }

    @ParameterizedTest
    @CsvSource({"qingdao-2024-targets.xlsx, 2024, xlsx", "qingdao-2024-targets.xlsx, 2024, docx",
            "tianjin-2025-targets.docx, 2025, xlsx", "tianjin-2025-targets.docx, 2025, docx"})
    void exportThenImportGivesTheSameTables(String fixture, int year, String format) throws IOException {
        byte[] original;
        try (InputStream in = RoundTripTest.class.getResourceAsStream("/fixtures/" + fixture)) {
            original = in.readAllBytes();
        }
        List<Project> before = read(original, fixture, year);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (format.equals("xlsx")) {
            new TargetTableWorkbookWriter().write(before, out);
        } else {
            new TargetTableDocumentWriter().write(before, out);
        }
        List<Project> after = read(out.toByteArray(), "export." + format, year);

        assertThat(after).hasSameSizeAs(before);
        assertThat(after.stream().mapToInt(p -> p.getIndicators().size()).sum())
                .isEqualTo(before.stream().mapToInt(p -> p.getIndicators().size()).sum());
        // Exports group tables by unit; compare as sets of whole-table descriptions.
        assertThat(after.stream().map(RoundTripTest::describe).sorted().toList())
                .isEqualTo(before.stream().map(RoundTripTest::describe).sorted().toList());
    }
}
