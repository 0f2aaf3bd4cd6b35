package org.openperf.kernel;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Values a gateway reads right after they are set, in the same transaction: not stored, so they cost no variable
 * and no history rows (docs/decisions/routing-variables-transient.md). The engine refuses a transient value over a
 * stored one of the same name; where a stored one is visible (an instance of an earlier model version, one set by
 * hand in Cockpit) the value is stored too.
 */
public final class TransientVariables {

    private TransientVariables() {
    }

    public static void set(VariableScope scope, String name, Object value) {
        TypedValue existing = scope.getVariableTyped(name);
        scope.setVariable(name, Variables.untypedValue(value, existing == null || existing.isTransient()));
    }
}
