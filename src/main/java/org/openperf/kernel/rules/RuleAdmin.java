package org.openperf.kernel.rules;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.openperf.kernel.EngineAccess;
import org.openperf.kernel.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * The rules page's work ({@code /rules}): which versions of the app's tables are deployed, by whom; a candidate
 * file checked and parsed outside the engine, so its effect can be previewed with nothing stored; and its deployment
 * through the engine's RepositoryService, where {@link DeploymentCheck} checks it once more.
 */
@Service
public class RuleAdmin {

    /** A deployment's {@code source} when the rules page made it; the user who confirmed follows. */
    static final String PAGE_SOURCE = "rules-page:";
    /** Versions listed per table. */
    static final int VERSIONS = 10;

    private final Map<String, RuleTable> tables = new LinkedHashMap<>();
    private final Map<String, RulePreview> previews = new LinkedHashMap<>();
    private final RepositoryService repository;
    private final HistoryService history;
    private final EngineAccess engine;
    private final DeploymentCheck check;
    private final DmnEngine dmn = DmnTables.engine();

    public RuleAdmin(List<RuleTable> tables, List<RulePreview> previews, RepositoryService repository,
                     HistoryService history, EngineAccess engine) {
        tables.forEach(t -> this.tables.put(t.key(), t));
        previews.forEach(p -> this.previews.put(p.key(), p));
        this.repository = repository;
        this.history = history;
        this.engine = engine;
        this.check = new DeploymentCheck(tables, () -> { });
    }

    public record Version(int version, java.util.Date deployedAt, String deployedBy, String deploymentName,
                          String file) {
    }

    public record Table(String key, String label, List<Version> versions) {
    }

    /** A checked file, parsed outside the engine: what the preview evaluates and what 部署 deploys. */
    public record Candidate(String key, String label, String file, byte[] xml, Decision decision) {
    }

    /** The app's tables with their latest versions, newest first. */
    public List<Table> tables() {
        return engine.asSystem(() -> {
            List<Table> out = new ArrayList<>();
            for (RuleTable t : tables.values()) {
                List<Version> versions = new ArrayList<>();
                for (DecisionDefinition d : repository.createDecisionDefinitionQuery().decisionDefinitionKey(t.key())
                        .withoutTenantId().orderByDecisionDefinitionVersion().desc().listPage(0, VERSIONS)) {
                    Deployment dep = repository.createDeploymentQuery().deploymentId(d.getDeploymentId()).singleResult();
                    versions.add(new Version(d.getVersion(), dep == null || dep.getDeploymentTime() == null ? null
                            : dep.getDeploymentTime(),
                            deployedBy(dep), dep == null ? null : dep.getName(), fileName(d.getResourceName())));
                }
                out.add(new Table(t.key(), t.label(), versions));
            }
            return out;
        });
    }

    /**
     * Who deployed: the user the engine logged for a deployment through {@code /engine-rest} (Camunda Modeler),
     * else the user who confirmed it on the rules page, else the app's own start.
     */
    private String deployedBy(Deployment dep) {
        if (dep == null) {
            return null;
        }
        Optional<String> logged = history.createUserOperationLogQuery().deploymentId(dep.getId())
                .entityType(org.camunda.bpm.engine.EntityTypes.DEPLOYMENT)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE).list().stream()
                .map(UserOperationLogEntry::getUserId).filter(u -> u != null && !u.isBlank()).findFirst();
        if (logged.isPresent()) {
            return logged.get();
        }
        String source = dep.getSource();
        return source != null && source.startsWith(PAGE_SOURCE) ? source.substring(PAGE_SOURCE.length()) : "系统（应用启动）";
    }

    /** The table a key names, or a Chinese refusal. */
    public RuleTable table(String key) {
        RuleTable t = key == null ? null : tables.get(key);
        if (t == null) {
            throw new InvalidInputException("没有名为 " + key + " 的规则表，可选：" + String.join("、", tables.keySet()));
        }
        return t;
    }

    /**
     * The uploaded file as a new version of table {@code key}, or a refusal naming the file and what is wrong: not
     * a DMN file, another decision id, or a table the app could not evaluate ({@link DeploymentCheck}).
     */
    public Candidate candidate(String key, String fileName, byte[] xml) {
        RuleTable table = table(key);
        String file = fileName(fileName);
        if (!DeploymentCheck.isDmn(file)) {
            throw new InvalidInputException("文件“" + file + "”不是 DMN 决策表（须为 Camunda Modeler 保存的 .dmn 文件）");
        }
        if (xml == null || xml.length == 0) {
            throw new InvalidInputException("文件“" + file + "”是空的");
        }
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(xml));
        } catch (RuntimeException e) {
            throw new InvalidInputException("文件“" + file + "”不是可读取的 DMN 决策表：" + e.getMessage());
        }
        List<String> ids = model.getModelElementsByType(org.camunda.bpm.model.dmn.instance.Decision.class).stream()
                .map(org.camunda.bpm.model.dmn.instance.Decision::getId).toList();
        if (!ids.contains(key)) {
            throw new InvalidInputException("文件“" + file + "”声明的决策 id 为 " + (ids.isEmpty() ? "（无）"
                    : String.join("、", ids)) + "，不是" + table.label() + "（" + key + "）：新版本须保留决策 id " + key);
        }
        String problem = check.check(file, xml);
        if (problem != null) {
            throw new InvalidInputException(problem);
        }
        Decision decision = DmnTables.of(dmn, dmn.parseDecision(key, model));
        return new Candidate(key, table.label(), file, xml, decision);
    }

    /** The preview's scope for the candidate's table, or null where the table has no preview. */
    public String previewScope(Candidate c, int year) {
        RulePreview p = previews.get(c.key());
        return p == null ? null : p.scope(year);
    }

    /** What the candidate would change among {@code year}'s results (none where the table has no preview). */
    public List<RuleChange> preview(Candidate c, int year) {
        RulePreview p = previews.get(c.key());
        return p == null ? List.of() : p.changes(c.decision(), year);
    }

    /** Deploys the checked candidate as the table's next version; its number. */
    public int deploy(Candidate c, String user) {
        return engine.asSystem(() -> {
            Deployment d = repository.createDeployment().name(c.label() + " · " + c.file())
                    .source(PAGE_SOURCE + user).addInputStream(c.file(), new ByteArrayInputStream(c.xml())).deploy();
            return repository.createDecisionDefinitionQuery().deploymentId(d.getId()).decisionDefinitionKey(c.key())
                    .singleResult().getVersion();
        });
    }

    /** The file's own name, whatever path the browser sent. */
    static String fileName(String name) {
        if (name == null || name.isBlank()) {
            return "（未命名文件）";
        }
        String n = name.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1).strip();
    }
}
