package org.openperf.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Demo mode loads both fixtures and the demo users once; a second start keeps the data and loads nothing twice. */
@SpringBootTest(properties = "perf.demo.load-fixtures=true")
@ActiveProfiles("test")
class DemoDataTest {

    @Autowired
    DemoData demo;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identity;

    long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    @Test
    void fixturesAndUsersAreLoadedOnceAcrossRestarts() throws Exception {
        assertThat(count("select count(*) from project where fiscal_year = 2024")).isEqualTo(98);
        assertThat(count("select count(*) from project where fiscal_year = 2025")).isEqualTo(23);
        assertThat(count("select count(*) from indicator")).isEqualTo(914 + 368);
        assertThat(count("select count(*) from project where status <> 'DRAFT'")).isZero();

        demo.run(null); // what a second start does

        assertThat(count("select count(*) from project")).isEqualTo(121);
        assertThat(count("select count(*) from import_batch")).isEqualTo(2);
        for (DemoUsers.DemoUser u : DemoUsers.USERS) {
            assertThat(identity.checkPassword(u.id(), "demo")).as(u.id()).isTrue();
            assertThat(identity.createGroupQuery().groupMember(u.id()).groupId(u.group()).count()).isEqualTo(1);
        }
        assertThat(count("select count(*) from department where code in ('402', '353')")).isEqualTo(2);
    }
}
