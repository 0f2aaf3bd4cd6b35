package org.openperf.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.TestUnits;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.UnitRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Who sees the 监控表 page how: the unit fills it, its department reads it, another unit finds no such project. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MonitoringReportPageTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    DepartmentRepository departments;
    @Autowired
    UnitRepository units;

    @BeforeEach
    void units() {
        TestUnits.ensureQingdao(departments, units);
    }

    @Test
    void theUnitFillsItsDepartmentReadsAnotherUnitGets404() throws Exception {
        long id = new MonitoredProject(http, json, 2048).create("监控表页面权限项目");

        PageSession own = new PageSession(port);
        own.login("unit402001", "demo");
        HttpResponse<String> page = own.get("/projects/" + id + "/monitoring-report");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("2048 年 1–7月监控表（填报）").contains("每期培训人数")
                .contains("id=\"report-submit\"").contains("value=\"20.00\"").contains("尚未提交监控表");
        // The project page and the todo row lead to it.
        assertThat(own.get("/projects/" + id).body()).contains("/projects/" + id + "/monitoring-report");
        assertThat(own.get("/").body()).contains("/projects/" + id + "/monitoring-report");

        PageSession dept = new PageSession(port);
        dept.login("dept402", "demo");
        HttpResponse<String> read = dept.get("/projects/" + id + "/monitoring-report");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("（待单位填报，只读）").contains("每期培训人数").doesNotContain("id=\"report-submit\"");

        PageSession other = new PageSession(port);
        other.login("unit402004", "demo");
        HttpResponse<String> foreign = other.get("/projects/" + id + "/monitoring-report");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("每期培训人数").contains("不存在");
    }
}
