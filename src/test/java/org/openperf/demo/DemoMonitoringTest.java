package org.openperf.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Demo mode with monitoring data: seven Qingdao 2024 tables approved by the demo users through the workflow, with
 * spending readings that give the dashboard red, yellow and green projects and one 未监控; a second start loads
 * nothing again. (The same context serves the dashboard's browser test.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"perf.demo.load-fixtures=true", "perf.demo.monitoring=true"})
@ActiveProfiles("test")
class DemoMonitoringTest {

    @Autowired
    DemoData demo;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    @Test
    void aFewQingdaoTablesAreApprovedWithSpendingThatGivesEveryLight() throws Exception {
        assertThat(count("select count(*) from project where fiscal_year = 2024 and version = 1")).isEqualTo(7);
        assertThat(count("select count(*) from execution_reading")).isEqualTo(9);

        JsonNode o = json.readTree(http.withBasicAuth("finance", "demo").getForObject("/api/monitoring", String.class));
        // Opened without a year, the dashboard shows the latest year with approved tables.
        assertThat(o.get("year").asInt()).isEqualTo(2024);
        JsonNode d = o.get("departments").get(0);
        assertThat(o.get("departments")).hasSize(1);
        assertThat(d.get("name").asText()).isEqualTo("青岛市人力资源和社会保障局");
        assertThat(List.of(d.get("red").asInt(), d.get("yellow").asInt(), d.get("green").asInt(),
                d.get("blue").asInt(), d.get("unmonitored").asInt(), d.get("total").asInt()))
                .containsExactly(2, 2, 2, 0, 1, 7);
        Map<String, String> lights = new HashMap<>();
        json.readTree(http.withBasicAuth("finance", "demo").getForObject("/api/monitoring/projects?year=2024",
                String.class)).get("rows")
                .forEach(p -> lights.put(p.get("name").asText(), p.get("lightLabel").asText()));
        assertThat(lights).containsEntry("人力资源和社会保障经费", "红灯").containsEntry("创业补贴及创业服务补贴", "红灯")
                .containsEntry("财源建设工作经费", "黄灯").containsEntry("公益性招聘会", "黄灯")
                .containsEntry("博士后资助资金", "绿灯").containsEntry("就业人才专项业务费", "绿灯")
                .containsEntry("院士服务经费", "未监控");
        JsonNode red = o.get("redProjects");
        assertThat(red.get(0).get("name").asText()).isEqualTo("创业补贴及创业服务补贴");
        assertThat(red.get(0).get("ratio").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(red.get(1).get("name").asText()).isEqualTo("人力资源和社会保障经费");
        assertThat(red.get(1).get("executionRate").decimalValue()).isEqualByComparingTo("23.95");
        assertThat(red.get(1).get("ratio").decimalValue()).isEqualByComparingTo("47.90");

        // Approved through the real workflow, as the demo users.
        long id = jdbc.queryForObject("select id from project where name = '人力资源和社会保障经费'", Long.class);
        JsonNode history = json.readTree(http.withBasicAuth("unit402001", "demo")
                .getForObject("/api/projects/" + id + "/history", String.class));
        assertThat(history.findValuesAsText("user")).contains("unit402001", "dept402", "finance");

        long opinions = count("select count(*) from review_opinion");
        demo.run(null); // what a second start does
        assertThat(count("select count(*) from project where version >= 1")).isEqualTo(7);
        assertThat(count("select count(*) from execution_reading")).isEqualTo(9);
        assertThat(count("select count(*) from review_opinion")).isEqualTo(opinions);
    }
}
