package org.openperf.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openperf.departments.ActivityIndicator;
import org.openperf.departments.DepartmentActivity;
import org.openperf.departments.DepartmentGoal;
import org.openperf.departments.DepartmentTargetChecks;
import org.openperf.departments.DepartmentTargetTable;
import org.openperf.kernel.Finding;
import org.openperf.targets.GradeBands;
import org.openperf.validation.ValidationService;

/**
 * Seed 001's department part (Caofeidian 2023) read as one department table: the goals by their labels, 21
 * activities with 51 indicators and every band as published.
 */
class DepartmentTableReadTest {

    static ReadResult read;
    static DepartmentTargetTable table;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = DepartmentTableReadTest.class.getResourceAsStream(
                "/fixtures/caofeidian-2023-department.docx")) {
            read = TargetTableReader.read(in, "caofeidian-2023-department.docx", 2023);
        }
        table = read.department().table();
        table.setYear(2023);
    }

    private static ActivityIndicator indicator(String name) {
        return table.allIndicators().stream().filter(i -> i.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no indicator " + name));
    }

    private static void assertBands(String name, String excellent, String good, String fair, String poor) {
        GradeBands b = indicator(name).getBands();
        assertThat(b).as(name).isNotNull();
        assertThat(b.texts()).as(name).containsExactly(excellent, good, fair, poor);
    }

    @Test
    void theFixtureIsOneDepartmentTableOfTwentyOneActivitiesAndFiftyOneIndicators() {
        assertThat(read.tables()).as("no project tables in the department part").isEmpty();
        assertThat(read.problems()).isEmpty();
        assertThat(table.getActivities()).hasSize(21);
        assertThat(table.allIndicators()).hasSize(51);
        assertThat(read.department().indicatorRefs()).hasSize(51);
        assertThat(table.getActivities()).extracting(DepartmentActivity::getCode).containsExactly(
                "0101", "0102", "0103", "0201", "0202", "0203", "0204", "0205", "0301", "0302", "0303", "0304",
                "0401", "0402", "0501", "0502", "0601", "0602", "0603", "0701", "0702");
        assertThat(table.getActivities()).allSatisfy(a -> assertThat(a.getBudgetYear()).isEqualTo(2023));
        DepartmentActivity employment = table.getActivities().get(1);
        assertThat(employment.getName()).isEqualTo("就业服务体系建设");
        assertThat(employment.getGoal()).isEqualTo("实施免费的公共就业服务");
        assertThat(employment.getIndicators()).hasSize(13);
        assertThat(employment.getIndicators().get(0).getName()).isEqualTo("人事档案公共管理服务工作完成率");
        assertThat(employment.getIndicators().get(0).getDescription())
                .isEqualTo("当年完成人事档案管理数量占应申请人事档案管理数量的比例");
        // two activities with the same name, told apart by their codes
        assertThat(table.getActivities().get(8).getName()).isEqualTo(table.getActivities().get(9).getName());
        assertThat(table.getActivities().get(9).getIndicators()).extracting(ActivityIndicator::getName)
                .containsExactly("组织专业技术人才评审完成率");
    }

    @Test
    void theGoalsAreReadByTheirLabels() {
        assertThat(table.getOverallGoal()).startsWith("在各级政府、主管部门指导下，本年部门工作更加注重解决结构性矛盾")
                .endsWith("更加注重维护合法权益，着力构建和谐劳动关系。");
        List<DepartmentGoal> goals = table.getGoals();
        assertThat(goals).extracting(DepartmentGoal::getTitle)
                .containsExactly("就业工作目标", "社保工作目标", "人才工作目标", "居民增收目标");
        assertThat(goals.get(0).getGoal()).startsWith("全面贯彻落实上级各项稳就业政策。");
        assertThat(goals.get(0).getIndicators()).startsWith("全年城镇新增就业8000人以上")
                .endsWith("确保零就业家庭动态清零。");
        assertThat(goals.get(1).getIndicators()).startsWith("全年企业职工养老保险扩面3500人"); // "绩效指标:" ASCII colon
        assertThat(goals.get(3).getIndicators()).isEqualTo("城镇居民人均可支配收入增长6%。");
        assertThat(table.getTotalBudget()).as("the published part gives none").isNull();
    }

    @Test
    void everyBandIsReadAsPublished() {
        assertBands("社会保险补贴到位率", "100%", "≥90%", "≥80%", "<80%");
        assertBands("劳动力资源调查及时性", "及时", "延期一周", "延期两周", "延期三周");
        assertBands("招聘单位邀请到场率", "95%", "≥85%", "≥75%", "<75%");
        assertBands("是否免费提供招聘服务", "是", "基本达到", "否", "否");
        assertBands("新增就业人员数量", "≥500", "≥480", "≥460", "<460");
        assertBands("开展就业服务指导培训次数", ">2", "<2", null, null);
        assertBands("组织专业技术人才考试、选拔次数", "3", "2", "1", "0");
        assertBands("人才工作培训人数", "400人以上", "360-400人", "320-360人", "320以下");
        assertBands("补贴经费发放覆盖率", "100%", "≥95%", "≥90%", "<90%");
        assertBands("事业单位公开聘用考试完成率", "≥95%", "≥90%", "≥85%", "<85%");
        assertBands("企业工资审核率", "≥85%", "≥80%", "≥75%", "<75%");
        assertBands("综合事务管理工作完成率", "100%", "≥95%", "≥90%", "<90%");
        assertThat(table.allIndicators()).allSatisfy(i -> assertThat(i.getBands()).as(i.getName()).isNotNull());
    }

    @Test
    void theFixtureHasNoErrorFindings() {
        List<Finding> findings = new DepartmentTargetChecks(new ValidationService()).check(table);
        assertThat(findings).noneMatch(Finding::isError);
    }
}
