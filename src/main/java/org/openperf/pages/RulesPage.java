package org.openperf.pages;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Year;
import java.util.Base64;
import org.openperf.kernel.Caller;
import org.openperf.kernel.ForbiddenException;
import org.openperf.kernel.InvalidInputException;
import org.openperf.kernel.rules.RuleAdmin;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 规则管理 (finance and administrators): the deployed rule tables with their versions; upload a new version of one,
 * see what it would change (last year's grades, a year's lights) with nothing deployed, then 部署 it. The file
 * travels back with the confirmation and is checked again before it is deployed.
 */
@Controller
public class RulesPage {

    private final RuleAdmin rules;

    public RulesPage(RuleAdmin rules) {
        this.rules = rules;
    }

    @GetMapping("/rules")
    public String rules(Model model) {
        allowed();
        return page(model, Year.now().getValue() - 1);
    }

    @PostMapping("/rules/preview")
    public String preview(@RequestParam("table") String table, @RequestParam(value = "year", required = false) Integer year,
                          @RequestParam("file") MultipartFile file, Model model, HttpServletResponse response)
            throws IOException {
        allowed();
        int y = year == null ? Year.now().getValue() - 1 : year;
        try {
            RuleAdmin.Candidate c = rules.candidate(table, file.getOriginalFilename(), file.getBytes());
            model.addAttribute("candidate", c);
            model.addAttribute("content", Base64.getEncoder().encodeToString(c.xml()));
            model.addAttribute("scope", rules.previewScope(c, y));
            model.addAttribute("changes", rules.preview(c, y));
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.getMessage());
        }
        model.addAttribute("selected", table);
        return page(model, y);
    }

    @PostMapping("/rules/deploy")
    public String deploy(@RequestParam("table") String table, @RequestParam("file") String file,
                         @RequestParam("content") String content, Model model, HttpServletResponse response,
                         RedirectAttributes redirect) {
        Caller caller = allowed();
        try {
            byte[] xml;
            try {
                xml = Base64.getDecoder().decode(content);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("文件“" + file + "”的内容不完整，请重新上传");
            }
            RuleAdmin.Candidate c = rules.candidate(table, file, xml);
            int version = rules.deploy(c, caller.userId());
            redirect.addFlashAttribute("deployed", c.label() + "（" + c.key() + "）第 " + version + " 版已部署：文件“"
                    + c.file() + "”，自现在起的评分和监控节点按此版判定");
            return "redirect:/rules";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.getMessage());
            return page(model, Year.now().getValue() - 1);
        }
    }

    private String page(Model model, int year) {
        model.addAttribute("tables", rules.tables());
        model.addAttribute("year", year);
        return "rules";
    }

    /** Finance and administrators only; anyone else gets a 403. */
    private static Caller allowed() {
        Caller caller = Caller.current();
        if (!caller.isFinance() && !caller.isAdmin()) {
            throw new ForbiddenException("规则管理仅限财政部门和管理员使用");
        }
        return caller;
    }
}
