package org.openperf.retention;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.spi.transform.DmnTransformListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * Gives every process and decision deployed from now on the retention of {@link HistorySettings}, whatever its file
 * declares (Camunda Modeler writes 180 days into a new diagram; a bureau must keep records for years), and schedules
 * the engine's history cleanup in the nightly window. Definitions deployed before are brought in line at start by
 * {@link DeployedDefinitionRetention}.
 */
@Component
public class HistoryRetentionPlugin extends AbstractProcessEnginePlugin {

    private final HistorySettings settings;

    public HistoryRetentionPlugin(HistorySettings settings) {
        this.settings = settings;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // The default for a definition without one, so a file lacking it still deploys with the engine's
        // enforceHistoryTimeToLive; the parse listener below overrides it anyway.
        configuration.setHistoryTimeToLive(String.valueOf(settings.defaultDays()));
        // Batches (an administrator's mass operations) otherwise keep their history forever.
        configuration.setBatchOperationHistoryTimeToLive("P" + settings.defaultDays() + "D");
        configuration.setHistoryCleanupBatchWindowStartTime(settings.engineWindowStart());
        configuration.setHistoryCleanupBatchWindowEndTime(settings.engineWindowEnd());
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                processDefinition.setHistoryTimeToLive(settings.daysFor(processDefinition.getKey()));
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // The DMN engine is built during init: its transformer takes listeners added afterwards, and whoever
        // configures the DMN engine (the FEEL settings) need not know about retention.
        configuration.getDmnEngineConfiguration().getTransformer().getTransformListeners()
                .add(new DecisionRetention(settings));
    }

    /** Sets each deployed decision's retention as it is read from its file. */
    record DecisionRetention(HistorySettings settings) implements DmnTransformListener {

        @Override
        public void transformDecision(Decision decision, DmnDecision dmnDecision) {
            if (dmnDecision instanceof DecisionDefinitionEntity definition) {
                definition.setHistoryTimeToLive(settings.daysFor(definition.getKey()));
            }
        }

        @Override
        public void transformDecisionTableInput(Input input, DmnDecisionTableInputImpl dmnInput) {
        }

        @Override
        public void transformDecisionTableOutput(Output output, DmnDecisionTableOutputImpl dmnOutput) {
        }

        @Override
        public void transformDecisionTableRule(Rule rule, DmnDecisionTableRuleImpl dmnRule) {
        }

        @Override
        public void transformDecisionRequirementsGraph(Definitions definitions,
                                                       DmnDecisionRequirementsGraph dmnRequirementsGraph) {
        }
    }
}
