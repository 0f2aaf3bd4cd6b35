package org.openperf.pages;

import java.time.Year;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 导入: pick a file and a year, preview (dry run), confirm, watch progress; the work is the import API's. */
@Controller
public class ImportPageController {

    @GetMapping("/imports")
    public String imports(Model model) {
        model.addAttribute("year", Year.now().getValue());
        return "imports";
    }
}
