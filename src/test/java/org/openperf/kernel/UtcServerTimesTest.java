package org.openperf.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.ProcessFixture;
import org.openperf.monitoring.MilestoneService;
import org.openperf.pages.PageSession;
import org.openperf.review.Approvals;
import org.openperf.review.Decision;
import org.openperf.review.ReviewOpinion;
import org.openperf.review.ReviewService;
import org.openperf.review.ReviewTasks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The server runs in UTC (as a container without TZ does); users still read Beijing time everywhere and the
 * database holds the instant. Tagged {@code utc-jvm}: Maven runs it in a JVM of its own started with
 * {@code -Duser.timezone=UTC} (pom.xml, surefire's execution {@code utc-jvm}), whatever the machine's zone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("utc-jvm")
class UtcServerTimesTest {

    /** 18:30 UTC on 1 March is 02:30 on 2 March in Beijing: the date differs too. */
    static final Instant SUBMITTED = Instant.parse("2085-03-01T18:30:00Z");
    static final String SUBMITTED_BEIJING = "2085-03-02 02:30:00";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ReviewService review;
    @Autowired
    ReviewTasks work;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    MilestoneService milestones;

    ProcessFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = ProcessFixture.of(context);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aSubmissionShowsInBeijingTimeOnThePageInTheApiAndInTheExportAndIsStoredAsTheInstant() throws Exception {
        assertThat(ZoneId.systemDefault()).isEqualTo(ZoneId.of("UTC"));
        Long id = fixture.draft(ProcessFixture.table(2085, "北京时间提交项目"));
        ClockUtil.setCurrentTime(Date.from(SUBMITTED));
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.withBasicAuth("unit402001", "demo").postForEntity("/api/projects/" + id + "/submit",
                new HttpEntity<>("{}", h), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        // Stored: the instant, as Beijing wall time in the column (perf.database-zone), whatever the JVM's zone.
        ReviewOpinion submit = review.history(id).get(0);
        assertThat(submit.getAction()).isEqualTo("submit");
        assertThat(submit.getCreatedAt()).isEqualTo(SUBMITTED);
        LocalDateTime column = jdbc.queryForObject("select created_at from review_opinion where id = ?",
                (rs, i) -> rs.getObject(1, LocalDateTime.class), submit.getId());
        assertThat(column).isEqualTo(LocalDateTime.parse("2085-03-02T02:30:00"));

        // The project page's 审批意见.
        PageSession page = new PageSession(port);
        page.login("unit402001", "demo");
        String html = page.get("/projects/" + id).body();
        assertThat(html).contains(SUBMITTED_BEIJING).doesNotContain("2085-03-01 18:30");

        // The API: ISO 8601 with +08:00.
        JsonNode history = json.readTree(http.withBasicAuth("unit402001", "demo")
                .getForEntity("/api/projects/" + id + "/history", String.class).getBody());
        assertThat(history.get(0).get("time").asText()).isEqualTo("2085-03-02T02:30:00+08:00");

        // The opinions a Tasklist form shows at 部门审核 (Tasklist itself shows the task's own dates in the browser's zone).
        String review = Approvals.current(tasks, id).getId();
        ResponseEntity<String> form = http.withBasicAuth("admin", "demo").getForEntity(
                "/engine-rest/task/" + review + "/form-variables?deserializeValues=false", String.class);
        assertThat(form.getStatusCode()).as(form.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode opinions = json.readTree(json.readTree(form.getBody()).get("opinions").get("value").asText());
        assertThat(opinions.get(0).get("time").asText()).isEqualTo("2085-03-02 02:30");

        // The 审批记录 export.
        ResponseEntity<byte[]> xlsx = http.withBasicAuth("unit402001", "demo")
                .getForEntity("/api/projects/" + id + "/history.xlsx", byte[].class);
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(1).getCell(0).getStringCellValue()).isEqualTo("时间（北京时间）");
            assertThat(s.getRow(2).getCell(0).getStringCellValue()).isEqualTo(SUBMITTED_BEIJING);
            assertThat(s.getRow(2).getCell(3).getStringCellValue()).isEqualTo("提交");
        }
    }

    @Test
    void aFailedLoginIsCountedFromItsInstantWrittenAsBeijingTime() {
        ClockUtil.setCurrentTime(Date.from(SUBMITTED));
        assertThat(http.withBasicAuth("utc-zone-guesser", "wrong").getForEntity("/api/projects", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        LocalDateTime windowStart = jdbc.queryForObject("select window_start from login_throttle where subject = ?",
                (rs, i) -> rs.getObject(1, LocalDateTime.class), "user:utc-zone-guesser");
        assertThat(windowStart).isEqualTo(LocalDateTime.parse("2085-03-02T02:30:00"));
    }

    @Test
    void aMilestoneOnABeijingDateFiresAtThatDatesBeijingMidnight() {
        assertThat(ZoneId.systemDefault()).isEqualTo(ZoneId.of("UTC"));
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2085-02-01T02:00:00Z")));
        Long id = fixture.draft(ProcessFixture.table(2085, "北京时间监控节点项目"));
        work.submit(id, null, Approvals.UNIT);
        work.complete(Approvals.current(tasks, id).getId(), new Decision("approve", "同意", null), Approvals.DEPT);
        work.complete(Approvals.current(tasks, id).getId(), new Decision("approve", "同意", null), Approvals.FINANCE);

        // 3月底 is over at 1 April 00:00 Beijing time, 31 March 16:00 UTC: not 1 April 00:00 of the server's UTC.
        // The milestones run in the lifecycle's called 绩效运行监控 (target-monitoring).
        String instance = fixture.monitoring(id).getId();
        Job timer = management.createJobQuery().processInstanceId(instance).timers().singleResult();
        Instant due = Instant.parse("2085-03-31T16:00:00Z");
        assertThat(timer.getDuedate().toInstant()).isEqualTo(due);

        ClockUtil.setCurrentTime(Date.from(due.minusSeconds(1)));
        assertThat(management.createJobQuery().processInstanceId(instance).timers().executable().count()).isZero();
        ClockUtil.setCurrentTime(Date.from(due.plusSeconds(1)));
        assertThat(management.createJobQuery().processInstanceId(instance).timers().executable().count()).isOne();
        management.executeJob(timer.getId());
        assertThat(milestones.results(id)).singleElement().satisfies(r -> assertThat(r.getMonth()).isEqualTo(3));
    }
}
