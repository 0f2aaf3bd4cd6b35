package org.openperf.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openperf.targets.Department;
import org.openperf.targets.GradeBands;
import org.openperf.targets.Project;
import org.openperf.targets.Unit;
import org.openperf.kernel.Finding;
import org.openperf.validation.ValidationService;

/** The department activity targets of seed 001 (Caofeidian 2023): every indicator row read with its four bands. */
class ActivityTargetsTest {

    static ActivityTargets read;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = ActivityTargetsTest.class.getResourceAsStream(
                "/fixtures/caofeidian-2023-department.docx")) {
            read = TargetTableReader.readActivities(in, "caofeidian-2023-department.docx");
        }
    }

    private static ActivityTargets.Row row(String indicator) {
        return read.rows().stream().filter(r -> r.indicator().getName().equals(indicator)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + indicator));
    }

    private static void assertBands(String indicator, String excellent, String good, String fair, String poor) {
        GradeBands b = row(indicator).indicator().getBands();
        assertThat(b).as(indicator).isNotNull();
        assertThat(new String[] {b.getExcellent(), b.getGood(), b.getFair(), b.getPoor()}).as(indicator)
                .containsExactly(excellent, good, fair, poor);
    }

    @Test
    void everyIndicatorRowIsReadWithItsActivityAndNoSingleValue() {
        assertThat(read.problems()).isEmpty();
        assertThat(read.rows()).hasSize(51); // every row of the table under its header
        assertThat(read.rows()).allSatisfy(r -> {
            assertThat(r.activityCode()).matches("0\\d0\\d");
            assertThat(r.activityName()).isNotBlank();
            assertThat(r.year()).isEqualTo(2023);
            assertThat(r.indicator().getValue()).isNull();
            assertThat(r.indicator().getBands()).isNotNull();
        });
        ActivityTargets.Row first = read.rows().get(0);
        assertThat(first.activityCode()).isEqualTo("0101");
        assertThat(first.activityName()).isEqualTo("就业创业扶持政策的制定及管理");
        assertThat(first.indicator().getName()).isEqualTo("社会保险补贴到位率");
        assertThat(first.indicator().getDescription()).startsWith("经审核符合领取社会保险补贴条件的各类人员");
        // the activity's cells are merged down its indicators
        assertThat(row("公益性岗位补贴到位率").activityCode()).isEqualTo("0101");
        assertThat(row("劳动力资源调查及时性").activityCode()).isEqualTo("0102");
    }

    @Test
    void theBandsOfTheDomainExamplesAreReadAsWritten() {
        assertBands("社会保险补贴到位率", "100%", "≥90%", "≥80%", "<80%");
        assertBands("新增就业人员数量", "≥500", "≥480", "≥460", "<460");
        assertBands("劳动力资源调查及时性", "及时", "延期一周", "延期两周", "延期三周");
        assertBands("人才工作培训人数", "400人以上", "360-400人", "320-360人", "320以下");
        // graded with two bands only, as published
        assertBands("开展就业服务指导培训次数", ">2", "<2", null, null);
    }

    @Test
    void everyBandedRowPassesValidationWithoutAValue() {
        Project p = new Project(2023, "曹妃甸区人力资源和社会保障局部门整体绩效目标");
        p.setUnit(new Unit(null, "曹妃甸区人力资源和社会保障局", new Department(null, "曹妃甸区人力资源和社会保障局")));
        p.setBudget(new java.math.BigDecimal("100"));
        for (ActivityTargets.Row r : read.rows()) {
            r.indicator().setLevel1("产出指标");
            r.indicator().setLevel2("质量指标");
            p.addIndicator(r.indicator());
        }
        List<Finding> findings = new ValidationService().validate(p);
        assertThat(findings).noneMatch(f -> f.rule().startsWith("value."));
    }
}
