package org.openperf.pages;

import org.openperf.kernel.Caller;
import org.openperf.kernel.DisplayTimes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 导入: pick a file and a year (finance: optionally 按已批复导入), preview (dry run), confirm, watch progress; the
 * work is the import API's.
 */
@Controller
public class ImportPageController {

    private final DisplayTimes times;

    public ImportPageController(DisplayTimes times) {
        this.times = times;
    }

    @GetMapping("/imports")
    public String imports(Model model) {
        model.addAttribute("year", times.today().getYear());
        Caller caller = Caller.current();
        // 按已批复导入 is offered only to whom the API allows it.
        model.addAttribute("mayImportApproved", caller.isFinance() || caller.isAdmin());
        return "imports";
    }
}
