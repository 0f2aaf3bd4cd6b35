package org.openperf.kernel.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.openperf.kernel.EngineAccess;
import org.springframework.stereotype.Component;

/**
 * The decision tables as deployed in the engine: the one source of the bands and weights. Finance deploys a new
 * version from Camunda Modeler or through {@code /engine-rest}; the next evaluation uses it.
 *
 * <ul>
 *   <li>{@link #decide} evaluates the latest version through the engine's {@link DecisionService}: each evaluation
 *       is in Cockpit's decision history with its inputs. The engine resolves the latest version with one small
 *       query and keeps the parsed table in its deployment cache.</li>
 *   <li>{@link #decideById} does the same for one version (a self-evaluation keeps the version it was graded by).</li>
 *   <li>{@link #preview} evaluates the latest deployed table without a record, for pages and exports that show what
 *       the rules give and decide nothing (the dashboard would otherwise write history on every view). Parsed once
 *       per version; which version is latest is looked up at most every {@link LatestVersions#FOR} per table.</li>
 * </ul>
 *
 * Evaluations run on the app's authority ({@link EngineAccess#asSystem}): the user whose request decides a light
 * needs no permission on decision definitions.
 */
@Component
public class DeployedRules {

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final EngineAccess engine;
    private final DmnEngine standalone = DmnTables.engine();
    private final Map<String, Decision> parsed = new ConcurrentHashMap<>();
    private final LatestVersions latest;

    public DeployedRules(DecisionService decisions, RepositoryService repository, EngineAccess engine,
                         LatestVersions latest) {
        this.decisions = decisions;
        this.latest = latest;
        this.repository = repository;
        this.engine = engine;
    }

    /** The latest version through the engine, each evaluation recorded in the decision history. */
    public Decision decide(String key) {
        return inputs -> first(key, engine.asSystem(() -> decisions.evaluateDecisionTableByKey(key)
                .variables(inputs).evaluate().getFirstResult()), inputs);
    }

    /** One version through the engine ({@code Decision_Grade:2:…}), recorded in the decision history. */
    public Decision decideById(String definitionId) {
        return inputs -> first(definitionId, engine.asSystem(() -> decisions.evaluateDecisionTableById(definitionId)
                .variables(inputs).evaluate().getFirstResult()), inputs);
    }

    /** The id of the latest deployed version ({@code Decision_Grade:3:…}); one query. */
    public String latestId(String key) {
        DecisionDefinition d = engine.asSystem(() -> repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(key).withoutTenantId().latestVersion().singleResult());
        if (d == null) {
            throw new IllegalStateException("引擎中没有部署决策表 " + key);
        }
        return d.getId();
    }

    /** The latest deployed version without a record (at most {@link LatestVersions#FOR} behind a new deployment). */
    public Decision preview(String key) {
        return inputs -> previewById(latestCached(key)).evaluate(inputs);
    }

    /** The version {@link #preview} evaluates now: what a stored result of a preview was computed under. */
    public String previewVersion(String key) {
        return latestCached(key);
    }

    /** One deployed version without a record. */
    public Decision previewById(String definitionId) {
        return parsed.computeIfAbsent(definitionId, id -> engine.asSystem(() -> {
            DecisionDefinition d = repository.getDecisionDefinition(id);
            try (InputStream xml = repository.getDecisionModel(id)) {
                return DmnTables.of(standalone, standalone.parseDecision(d.getKey(), xml));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    /** Forget which versions are latest: the next preview looks them up (a deployment was deleted). */
    public void forgetLatest() {
        latest.forget();
    }

    private String latestCached(String key) {
        return latest.get(key, () -> latestId(key));
    }

    private static Map<String, Object> first(String table, DmnDecisionRuleResult hit, Map<String, Object> inputs) {
        if (hit == null) {
            throw new IllegalStateException("决策表 " + table + " 没有适用于 " + RuleTable.describe(inputs) + " 的规则");
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(hit.getEntryMap()));
    }
}
