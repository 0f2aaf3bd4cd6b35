package org.openperf.review.department;

import org.openperf.kernel.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A department table's approval: {@code POST …/submit} (提交审核, the department's reviewers) and
 * {@code GET …/review} (status, open step, history). Finance decides in Tasklist or through the task API.
 */
@RestController
@RequestMapping("/api/department-targets/{id}")
public class DepartmentTargetReviewController {

    public record SubmitRequest(String comment) {
    }

    private final DepartmentTargetReview review;

    public DepartmentTargetReviewController(DepartmentTargetReview review) {
        this.review = review;
    }

    @PostMapping("/submit")
    public DepartmentTargetReview.Status submit(@PathVariable long id,
                                                @RequestBody(required = false) SubmitRequest body) {
        return review.submit(id, body == null ? null : body.comment(), Caller.current());
    }

    @GetMapping("/review")
    public DepartmentTargetReview.Status status(@PathVariable long id) {
        return review.status(id, Caller.current());
    }
}
