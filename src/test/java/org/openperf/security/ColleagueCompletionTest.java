package org.openperf.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.TestUnits;
import org.openperf.review.ReviewOpinion;
import org.openperf.review.ReviewService;
import org.openperf.review.Steps;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.UnitRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Camunda lets every candidate of a task complete or resolve it, whoever holds it. Here a colleague in the same
 * review group can neither decide a step another reviewer has claimed (the decision would be recorded under the
 * claimant's name, and a submitter could approve their own table that way), nor complete a delegated step, nor
 * hand it back for the delegate — through {@code /engine-rest}, the app's task API or the engine's Java API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ColleagueCompletionTest {

    static final int YEAR = 2063;
    static final String DECIDE = """
            {"variables": {"decision": {"value": "approve"}, "comment": {"value": "同意"}}}""";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    DepartmentRepository departments;
    @Autowired
    UnitRepository units;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    ReviewService review;
    Attacker a;
    long project;

    @BeforeEach
    void aTableAtDepartmentReview() {
        TestUnits.ensureQingdao(departments, units);
        a = new Attacker(http, json);
        reviewer("dept402b");
        reviewer("dept402c");
        project = a.project(YEAR, "同组审核项目", "用途", "目标");
        assertThat(a.post(Attacker.OWNER, "/api/projects/" + project + "/submit", "{}").getStatusCode().value())
                .isEqualTo(200);
        assertThat(review().getTaskDefinitionKey()).isEqualTo(Steps.DEPARTMENT_REVIEW);
    }

    private void reviewer(String id) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User u = identity.newUser(id);
            u.setPassword("demo");
            identity.saveUser(u);
            identity.createMembership(id, "dept-402");
        }
    }

    private Task review() {
        return tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(project)).singleResult();
    }

    private List<ReviewOpinion> decisions() {
        return review.history(project).stream().filter(o -> Steps.name(Steps.DEPARTMENT_REVIEW).equals(o.getStep()))
                .filter(o -> "approve".equals(o.getAction()) || "return".equals(o.getAction())).toList();
    }

    @Test
    void aClaimedStepIsDecidedOnlyByItsAssignee() {
        String task = review().getId();
        assertThat(a.post("dept402", "/api/tasks/" + task + "/claim", "{}").getStatusCode().value()).isEqualTo(200);

        ResponseEntity<String> rest = a.post("dept402b", "/engine-rest/task/" + task + "/complete", DECIDE);
        assertThat(rest.getStatusCode().value()).isEqualTo(403);
        assertThat(rest.getBody()).contains("dept402", "签收");
        assertThat(a.post("dept402b", "/engine-rest/task/" + task + "/submit-form", DECIDE).getStatusCode().value())
                .isEqualTo(403);

        // Inside the engine the step's listener holds the same, whatever channel reached it.
        identity.setAuthentication("dept402b", List.of("dept-402"));
        try {
            assertThatThrownBy(() -> tasks.complete(task, Map.of("decision", "approve", "comment", "同意")))
                    .hasStackTraceContaining("只有签收人可以办理");
        } finally {
            identity.clearAuthentication();
        }
        assertThat(review().getId()).isEqualTo(task);
        assertThat(review().getAssignee()).isEqualTo("dept402");
        assertThat(decisions()).isEmpty();

        // The assignee decides, and the decision is recorded under their name.
        assertThat(a.post("dept402", "/engine-rest/task/" + task + "/complete", DECIDE).getStatusCode().value())
                .isEqualTo(204);
        assertThat(decisions()).singleElement().satisfies(o -> assertThat(o.getUserId()).isEqualTo("dept402"));
    }

    @Test
    void anUnclaimedStepCompletedOverRestIsRecordedAsWhoCompletedIt() {
        String task = review().getId();
        assertThat(a.post("dept402c", "/engine-rest/task/" + task + "/complete", DECIDE).getStatusCode().value())
                .isEqualTo(204);
        assertThat(decisions()).singleElement().satisfies(o -> assertThat(o.getUserId()).isEqualTo("dept402c"));
    }

    @Test
    void aDelegatedStepIsHandedBackOnlyByTheDelegateAndThenDecidedByTheOwner() {
        String task = review().getId();
        assertThat(a.post("dept402", "/api/tasks/" + task + "/delegate", "{\"userId\": \"dept402b\"}")
                .getStatusCode().value()).isEqualTo(200);

        // Pending: neither the delegate, nor the owner, nor a colleague completes it.
        for (String user : List.of("dept402b", "dept402", "dept402c")) {
            ResponseEntity<String> r = a.post(user, "/engine-rest/task/" + task + "/complete", DECIDE);
            assertThat(r.getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(r.getBody()).as(user).contains("委派");
        }
        // Only the delegate hands it back.
        assertThat(a.post("dept402c", "/engine-rest/task/" + task + "/resolve", "{}").getStatusCode().value())
                .isEqualTo(403);
        assertThat(a.post("dept402", "/api/tasks/" + task + "/complete",
                "{\"decision\": \"approve\", \"comment\": \"同意\"}").getStatusCode().value()).isEqualTo(403);
        assertThat(review().getDelegationState()).isEqualTo(DelegationState.PENDING);
        assertThat(review().getAssignee()).isEqualTo("dept402b");

        assertThat(a.post("dept402b", "/engine-rest/task/" + task + "/resolve", "{}").getStatusCode().value())
                .isEqualTo(204);
        assertThat(review().getAssignee()).isEqualTo("dept402");
        assertThat(review().getDelegationState()).isEqualTo(DelegationState.RESOLVED);
        assertThat(decisions()).isEmpty();

        assertThat(a.post("dept402", "/engine-rest/task/" + task + "/complete", DECIDE).getStatusCode().value())
                .isEqualTo(204);
        assertThat(decisions()).singleElement().satisfies(o -> assertThat(o.getUserId()).isEqualTo("dept402"));
    }
}
