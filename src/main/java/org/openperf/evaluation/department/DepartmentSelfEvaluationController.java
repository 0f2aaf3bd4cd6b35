package org.openperf.evaluation.department;

import org.openperf.kernel.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A department table's 自评表: {@code GET} (those who read the table), {@code PUT} the whole sheet (its department,
 * while it is being filled). Submitting and finance's review are the tasks of department-self-evaluation (Tasklist
 * or {@code POST /api/tasks/{id}/complete}).
 */
@RestController
@RequestMapping("/api/department-targets/{id}/self-evaluation")
public class DepartmentSelfEvaluationController {

    private final DepartmentSelfEvaluations evaluations;

    public DepartmentSelfEvaluationController(DepartmentSelfEvaluations evaluations) {
        this.evaluations = evaluations;
    }

    @GetMapping
    public DepartmentSelfEvaluations.View get(@PathVariable long id) {
        return evaluations.get(id, Caller.current());
    }

    @PutMapping
    public DepartmentSelfEvaluations.View put(@PathVariable long id, @RequestBody DepartmentSelfEvaluations.Input body) {
        return evaluations.save(id, body, Caller.current());
    }
}
