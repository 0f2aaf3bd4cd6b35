package org.openperf.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.task.Task;
import org.openperf.evaluation.SelfEvaluationResult;
import org.openperf.evaluation.SelfEvaluationResults;
import org.openperf.evaluation.SelfEvaluationSubmissions;
import org.openperf.kernel.Caller;
import org.openperf.targets.ProjectService;
import org.openperf.targets.ProjectView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 自评表: the unit fills its year-end self-evaluation here (one POST to the self-evaluation API, so the page and
 * the API refuse the same things), and everyone in scope reads the scored result.
 */
@Controller
public class SelfEvaluationPage {

    static final String TASK = "UserTask_SelfEvaluation";

    private final ProjectService projects;
    private final ProjectPages pages;
    private final SelfEvaluationSubmissions submissions;
    private final SelfEvaluationResults results;
    private final ObjectMapper json;

    public SelfEvaluationPage(ProjectService projects, ProjectPages pages, SelfEvaluationSubmissions submissions,
                              SelfEvaluationResults results, ObjectMapper json) {
        this.projects = projects;
        this.pages = pages;
        this.submissions = submissions;
        this.results = results;
        this.json = json;
    }

    @GetMapping("/projects/{id}/self-evaluation")
    public String page(@PathVariable Long id, Model model) throws JsonProcessingException {
        Caller caller = Caller.current();
        // Another unit's project is not found here either (404 from the page handler).
        ProjectView table = projects.view(id, caller.scope());
        Task open = pages.tasksOf(id, caller).openAt(TASK);
        boolean ownUnit = table.unit() != null && caller.unitCodes().contains(table.unit().code());
        SelfEvaluationResult result = results.hasResult(id, caller.scope()) ? results.of(id, caller.scope()) : null;
        model.addAttribute("table", table);
        model.addAttribute("canFill", open != null && ownUnit);
        model.addAttribute("open", open != null);
        model.addAttribute("result", result);
        if (open != null && ownUnit) {
            SelfEvaluationSubmissions.Prefill prefill = submissions.prefill(id, caller.scope());
            model.addAttribute("prefill", prefill);
            model.addAttribute("prefillJson", json.writeValueAsString(prefill).replace("<", "\\u003c"));
        }
        return "self-evaluation";
    }
}
