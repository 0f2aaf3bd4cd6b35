package org.openperf.pages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 监控看板 in the app's own layout, header and navigation; its charts and tables are drawn in the browser from
 * {@code GET /api/monitoring} (dashboard/dashboard.js).
 */
@Controller
public class DashboardPage {

    @GetMapping("/dashboard")
    public String page() {
        return "dashboard";
    }
}
