package org.openperf.process;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Date;
import java.util.Deque;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mockito.Mockito;
import org.openperf.review.ProjectGroups;
import org.openperf.review.ProjectVariables;

/** Mockito stand-ins for the delegates the models name; the real ones only call a service and set these variables. */
final class Delegates {

    static final String UNIT_GROUP = "unit-402001";
    static final String DEPARTMENT_GROUP = "dept-402";

    private Delegates() {
    }

    /** A delegate that does nothing (the models route on nothing it sets). */
    static JavaDelegate quiet() {
        return mock(JavaDelegate.class);
    }

    /**
     * A delegate that sets {@code variable} for the gateway after it: the given values call by call, the last one
     * again once they run out (as the real delegate would answer its service).
     */
    static JavaDelegate setting(String variable, Object... values) {
        JavaDelegate delegate = mock(JavaDelegate.class);
        Deque<Object> left = new ArrayDeque<>(Arrays.asList(values));
        try {
            doAnswer(call -> {
                Object value = left.size() > 1 ? left.poll() : left.peek();
                ((DelegateExecution) call.getArgument(0)).setVariable(variable, value);
                return null;
            }).when(delegate).execute(any());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return delegate;
    }

    /** A delegate that always fails with this message (its service refusing, a database down). */
    static JavaDelegate failing(String message) {
        JavaDelegate delegate = mock(JavaDelegate.class);
        try {
            doAnswer(call -> {
                throw new IllegalStateException(message);
            }).when(delegate).execute(any());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return delegate;
    }

    /**
     * ${planNextMilestone}: plans the given milestone dates one call at a time ({@code hasNextMilestone},
     * {@code nextMilestone} for the timer), then says there is none left.
     */
    static JavaDelegate planning(Date... milestones) {
        JavaDelegate delegate = mock(JavaDelegate.class);
        Deque<Date> left = new ArrayDeque<>(Arrays.asList(milestones));
        try {
            doAnswer(call -> {
                DelegateExecution execution = call.getArgument(0);
                execution.setVariable("hasNextMilestone", !left.isEmpty());
                if (!left.isEmpty()) {
                    execution.setVariable("nextMilestone", left.poll());
                }
                return null;
            }).when(delegate).execute(any());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return delegate;
    }

    /** {@code ${projectGroups.unit(execution)}} and {@code department(execution)}: Qingdao's unit 402001. */
    static ProjectGroups groups() {
        ProjectGroups groups = mock(ProjectGroups.class);
        Mockito.when(groups.unit(any())).thenReturn(UNIT_GROUP);
        Mockito.when(groups.department(any())).thenReturn(DEPARTMENT_GROUP);
        return groups;
    }

    /**
     * {@code ${projectVariables.departmentCode(execution)}}, {@code unitName} and {@code budget}: what
     * target-lifecycle hands the processes it calls, for Qingdao's unit 402001.
     */
    static ProjectVariables projectVariables() {
        ProjectVariables variables = mock(ProjectVariables.class);
        Mockito.when(variables.departmentCode(any())).thenReturn("402");
        Mockito.when(variables.unitName(any())).thenReturn("青岛市教育局机关");
        Mockito.when(variables.budget(any())).thenReturn("120.00 万元");
        return variables;
    }
}
