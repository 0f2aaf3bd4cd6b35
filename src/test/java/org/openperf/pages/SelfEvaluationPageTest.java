package org.openperf.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.TestUnits;
import org.openperf.evaluation.SelfEvaluationRounds;
import org.openperf.review.Approvals;
import org.openperf.review.ReviewTasks;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.ProjectForm;
import org.openperf.targets.ProjectService;
import org.openperf.targets.UnitRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Who sees what on the 自评表 page, over real HTTP with a login: the unit gets the form, its department reads
 * without a form, another unit is told the project does not exist; the project page links the 自评表 only once a
 * round has reached the project.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SelfEvaluationPageTest {

    static final int YEAR = 2062;

    @LocalServerPort
    int port;
    @Autowired
    ProjectService projects;
    @Autowired
    ReviewTasks work;
    @Autowired
    TaskService tasks;
    @Autowired
    SelfEvaluationRounds rounds;
    @Autowired
    DepartmentRepository departments;
    @Autowired
    UnitRepository units;

    @BeforeEach
    void units() {
        TestUnits.ensureQingdao(departments, units);
    }

    static ProjectForm.IndicatorInput row(String l1, String l2, String name, String value) {
        return new ProjectForm.IndicatorInput(l1, l2, name, null, new ProjectForm.ValueInput(value), null, null, null);
    }

    Long project(String name) {
        return projects.create(new ProjectForm(YEAR, null, name, new ProjectForm.UnitInput("402001", null), null,
                new BigDecimal("20"), new BigDecimal("20"), BigDecimal.ZERO, null, "用途", "目标", List.of(), List.of(
                row("成本指标", "经济成本指标", "培训标准", "≤550 元/人天"),
                row("产出指标", "数量指标", "每期培训人数", "≥40 人"),
                row("效益指标", "社会效益指标", "知晓度", "≥95%"),
                row("满意度指标", "服务对象满意度指标", "满意度", "≥90%")))).id();
    }

    @Test
    void theUnitFillsItsDepartmentReadsAndAnotherUnitGets404() throws Exception {
        Long id = project("自评页面权限项目");
        Approvals.approve(work, tasks, id);
        PageSession own = new PageSession(port);
        own.login("unit402001", "demo");
        // Approved but no round yet: nothing to fill, no link.
        assertThat(own.get("/projects/" + id).body()).doesNotContain("self-evaluation-link");
        HttpResponse<String> before = own.get("/projects/" + id + "/self-evaluation");
        assertThat(before.statusCode()).as(before.headers().map().toString()).isEqualTo(200);
        assertThat(before.body()).contains("该项目还没有自评结果").doesNotContain("evaluation-form");

        rounds.openRound(YEAR, 3L, Approvals.FINANCE);
        assertThat(own.get("/projects/" + id).body()).contains("/projects/" + id + "/self-evaluation");
        HttpResponse<String> page = own.get("/projects/" + id + "/self-evaluation");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"evaluation-form\"", "每期培训人数", "≥40 人", "偏差原因分析及改进措施",
                "待单位填报");
        assertThat(own.get("/").body()).contains("/projects/" + id + "/self-evaluation", "填报自评表");

        PageSession department = new PageSession(port);
        department.login("dept402", "demo");
        HttpResponse<String> read = department.get("/projects/" + id + "/self-evaluation");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("自评由项目所属单位填报").doesNotContain("id=\"evaluation-form\"");

        PageSession other = new PageSession(port);
        other.login("unit402004", "demo");
        HttpResponse<String> foreign = other.get("/projects/" + id + "/self-evaluation");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).contains("不存在").doesNotContain("每期培训人数").doesNotContain("自评页面权限项目");
    }

    @Test
    void theSelfEvaluationTaskFormLinksToThePage() throws Exception {
        try (java.io.InputStream in = getClass().getResourceAsStream("/forms/self-evaluation.form")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("(/projects/{{projectId}}/self-evaluation)");
        }
    }
}
