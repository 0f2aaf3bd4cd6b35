package org.openperf.kernel.rules;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.stereotype.Component;

/**
 * Adds {@link DeploymentCheck} to the engine for every {@link RuleTable} the features declare, so a table the app
 * could not evaluate is refused when it is deployed, turns on the simple FEEL evaluator for all decisions, and has
 * the app's start deploy only the files of {@code bpmn/} that changed, so the tables finance deployed stay in force. A process engine plugin and {@code customPreDeployers} are
 * the configuration API Camunda offers for this; both live in its {@code impl.cfg} package.
 */
@Component
public class RulesPlugin extends AbstractProcessEnginePlugin {

    private final List<RuleTable> tables;
    private final LatestVersions latest;

    public RulesPlugin(List<RuleTable> tables, LatestVersions latest) {
        this.tables = List.copyOf(tables);
        this.latest = latest;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // The simple FEEL evaluator engine-wide, as DmnTables (and so DeploymentCheck) use it: comparisons and
        // intervals in about 1 µs instead of about 120 µs (docs/decisions/decision-tables.md).
        configuration.setDmnFeelEnableLegacyBehavior(true);
        if (configuration instanceof SpringProcessEngineConfiguration spring) {
            // A release that changes one file of bpmn/ redeploys that file only: without this, every table of bpmn/
            // would become the latest version again and silently replace the ones finance deployed since.
            spring.setDeployChangedOnly(true);
        }
        List<org.camunda.bpm.engine.impl.persistence.deploy.Deployer> pre =
                configuration.getCustomPreDeployers() == null ? new ArrayList<>()
                        : new ArrayList<>(configuration.getCustomPreDeployers());
        pre.add(new DeploymentCheck(tables, latest::forget));
        configuration.setCustomPreDeployers(pre);
    }
}
