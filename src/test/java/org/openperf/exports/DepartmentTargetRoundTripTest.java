package org.openperf.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openperf.departments.ActivityIndicator;
import org.openperf.departments.DepartmentActivity;
import org.openperf.departments.DepartmentGoal;
import org.openperf.departments.DepartmentTargetTable;
import org.openperf.imports.ReadResult;
import org.openperf.imports.TargetTableReader;
import org.openperf.targets.Department;
import org.openperf.targets.GradeBands;

/** A department table exported as xlsx and imported again is the same table. */
class DepartmentTargetRoundTripTest {

    static DepartmentTargetTable fixture() throws IOException {
        try (InputStream in = DepartmentTargetRoundTripTest.class.getResourceAsStream(
                "/fixtures/caofeidian-2023-department.docx")) {
            DepartmentTargetTable t = TargetTableReader.read(in, "caofeidian-2023-department.docx", 2023)
                    .department().table();
            t.setYear(2023);
            t.setDepartment(new Department("130209", "唐山市曹妃甸区人力资源和社会保障局"));
            return t;
        }
    }

    static ReadResult reimport(byte[] xlsx) {
        return TargetTableReader.read(new ByteArrayInputStream(xlsx), "export.xlsx", 2023);
    }

    /** Everything a table says, in order, as lines (ids, department and status are not in the file's columns). */
    static List<String> describe(DepartmentTargetTable t) {
        List<String> out = new ArrayList<>();
        out.add("overall " + t.getOverallGoal());
        out.add("budget " + (t.getTotalBudget() == null ? null : t.getTotalBudget().stripTrailingZeros().toPlainString()));
        for (DepartmentGoal g : t.getGoals()) {
            out.add("goal " + g.getTitle() + " | " + g.getGoal() + " | " + g.getIndicators());
        }
        for (DepartmentActivity a : t.getActivities()) {
            out.add("activity " + a.getCode() + " | " + a.getName() + " | " + a.getDescription() + " | "
                    + a.getBudgetYear() + " | " + a.getGoal());
            for (ActivityIndicator i : a.getIndicators()) {
                GradeBands b = i.getBands();
                out.add("  indicator " + i.getName() + " | " + i.getDescription() + " | "
                        + (i.getWeight() == null ? null : i.getWeight().stripTrailingZeros().toPlainString()) + " | "
                        + (b == null ? null : String.join("/", java.util.Arrays.stream(b.texts())
                                .map(String::valueOf).toList())));
            }
        }
        return out;
    }

    @Test
    void theFixtureExportedAndImportedAgainIsTheSameTable() throws IOException {
        DepartmentTargetTable original = fixture();
        byte[] xlsx = new DepartmentTargetWorkbookWriter().write(original);
        ReadResult again = reimport(xlsx);
        assertThat(again.tables()).as("no project table in the export").isEmpty();
        assertThat(again.problems()).isEmpty();
        DepartmentTargetTable copy = again.department().table();
        assertThat(copy.getActivities()).hasSize(21);
        assertThat(copy.allIndicators()).hasSize(51);
        assertThat(describe(copy)).containsExactlyElementsOf(describe(original));
    }

    @Test
    void weightsTheTotalBudgetAndAnActivityWithoutIndicatorsSurviveTheRoundTrip() {
        DepartmentTargetTable t = new DepartmentTargetTable(2070);
        t.setDepartment(new Department("D70", "测试局"));
        t.setTotalBudget(new BigDecimal("1234.5"));
        t.setOverallGoal("=SUM(A1) 不是公式");
        t.addGoal(new DepartmentGoal("就业工作目标", "稳就业", "新增就业8000人以上"));
        DepartmentActivity a = new DepartmentActivity("0101", "甲活动", "描述", 2070, "目标");
        a.addIndicator(new ActivityIndicator("到位率", "说明", new BigDecimal("30"),
                new GradeBands("100%", "≥90%", "≥80%", "<80%")));
        a.addIndicator(new ActivityIndicator("及时性", null, new BigDecimal("60"),
                new GradeBands("及时", "延期一周", null, null)));
        t.addActivity(a);
        t.addActivity(new DepartmentActivity("0102", "乙活动", null, 2070, null));
        DepartmentActivity c = new DepartmentActivity("0103", "丙活动", null, null, null);
        c.addIndicator(new ActivityIndicator("次数", null, null, new GradeBands(">2", "<2", null, null)));
        t.addActivity(c);

        ReadResult again = reimport(new DepartmentTargetWorkbookWriter().write(t));
        assertThat(again.problems()).isEmpty();
        assertThat(describe(again.department().table())).containsExactlyElementsOf(describe(t));
    }
}
