package org.openperf.retention;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, gives every definition already deployed (every version, also those with instances still running) the
 * retention of {@link HistorySettings}: the engine keeps a definition's retention in its table, so a changed
 * setting or a definition deployed by an older release would otherwise keep the old number of days.
 */
@Component
public class DeployedDefinitionRetention {

    private static final Logger LOG = LoggerFactory.getLogger(DeployedDefinitionRetention.class);

    private final RepositoryService repository;
    private final HistorySettings settings;

    public DeployedDefinitionRetention(RepositoryService repository, HistorySettings settings) {
        this.repository = repository;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onStart() {
        int changed = apply();
        if (changed > 0) {
            LOG.info("History retention set on {} deployed definitions (perf.history.keep-years={})", changed,
                    settings.keepYears());
        }
    }

    /** @return how many definitions were changed */
    public int apply() {
        int changed = 0;
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
            int days = settings.daysFor(definition.getKey());
            if (!Integer.valueOf(days).equals(definition.getHistoryTimeToLive())
                    && update(() -> repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days))) {
                changed++;
            }
        }
        for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().list()) {
            int days = settings.daysFor(definition.getKey());
            if (!Integer.valueOf(days).equals(definition.getHistoryTimeToLive())
                    && update(() -> repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days))) {
                changed++;
            }
        }
        return changed;
    }

    /** Two nodes starting together may update the same definition: the other node's update is the same. */
    private static boolean update(Runnable update) {
        try {
            update.run();
            return true;
        } catch (OptimisticLockingException concurrent) {
            return false;
        }
    }
}
