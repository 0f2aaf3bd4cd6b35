package org.openperf.pages;

import org.openperf.kernel.Caller;
import org.openperf.library.IndicatorLibrary;
import org.openperf.targets.IndicatorFramework;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 指标库 (docs/indicator-library.md): the indicators of the approved tables the caller may see, searched by words and
 * 二级; finance marks entries 推荐 and merges duplicates from the page (through the API, static/js/indicators.js).
 */
@Controller
public class IndicatorLibraryPage {

    private final IndicatorLibrary library;

    public IndicatorLibraryPage(IndicatorLibrary library) {
        this.library = library;
    }

    @GetMapping("/indicators")
    public String indicators(@RequestParam(required = false) String q, @RequestParam(required = false) String level2,
                             Model model) {
        Caller caller = Caller.current();
        model.addAttribute("q", q);
        model.addAttribute("level2", level2);
        model.addAttribute("level2Names", IndicatorFramework.level1Names().stream()
                .flatMap(l1 -> IndicatorFramework.level2Names(l1).stream()).toList());
        model.addAttribute("entries", library.search(caller, q, level2, 50));
        model.addAttribute("finance", caller.isFinance() || caller.isAdmin());
        return "indicators";
    }

    /** “2043 年 1 张、2044 年 2 张” for the table's 年度 column. */
    public static String years(java.util.Map<Integer, Integer> years) {
        return String.join("、", years.entrySet().stream().map(e -> e.getKey() + " 年 " + e.getValue() + " 张")
                .toList());
    }

}
