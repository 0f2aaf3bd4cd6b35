package org.openperf;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** 预算绩效目标管理: budget performance targets from drafting to self-evaluation. */
@SpringBootApplication
public class PerfTargetsApplication {

    public static void main(String[] args) {
        SpringApplication.run(PerfTargetsApplication.class, args);
    }
}
