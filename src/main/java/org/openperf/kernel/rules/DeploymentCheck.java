package org.openperf.kernel.rules;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Refuses a deployment whose decision table the app could not use, before anything is stored: each table of a
 * known key ({@link RuleTable}) must decide every sample input, with the simple FEEL evaluator the engine runs, into
 * an output the app understands. The message names the file, the table and the rule (or the input no rule covers).
 * Runs for every new deployment, from Camunda Modeler, {@code /engine-rest} or the app's own start; a deployment
 * only being loaded into the cache is not checked again.
 *
 * <p>Camunda has no public hook for this: a {@link Deployer} added to {@code customPreDeployers} of the engine's
 * configuration ({@link RulesPlugin}) runs before the engine's own DMN deployer, in the deployment's transaction.
 */
public class DeploymentCheck implements Deployer {

    /** Every this-many-th sample is tried on each rule alone, to find a broken rule the others hide. */
    private static final int PROBE_EVERY = 97;

    private final Map<String, RuleTable> tables = new LinkedHashMap<>();
    private final Runnable deployed;
    private final DmnEngine engine = DmnTables.engine();

    public DeploymentCheck(Collection<? extends RuleTable> tables, Runnable deployed) {
        tables.forEach(t -> this.tables.put(t.key(), t));
        this.deployed = deployed;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        boolean rules = false;
        for (ResourceEntity r : deployment.getResources().values()) {
            if (isDmn(r.getName())) {
                String problem = check(r.getName(), r.getBytes());
                if (problem != null) {
                    throw new BadUserRequestException(problem);
                }
                rules = true;
            }
        }
        if (rules) {
            deployed.run();
        }
    }

    static boolean isDmn(String name) {
        return name != null && (name.endsWith(".dmn") || name.endsWith(".dmn11.xml"));
    }

    /** What is wrong with one DMN file for the app, or null (a file without a known table is not the app's). */
    public String check(String resource, byte[] xml) {
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(xml));
        } catch (RuntimeException e) {
            return "决策表文件 " + resource + " 无法读取：" + e.getMessage();
        }
        for (org.camunda.bpm.model.dmn.instance.Decision d
                : model.getModelElementsByType(org.camunda.bpm.model.dmn.instance.Decision.class)) {
            RuleTable table = tables.get(d.getId());
            if (table != null) {
                String problem = check(resource, model, table);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private String check(String resource, DmnModelInstance model, RuleTable table) {
        String where = "决策表 " + resource + "（" + table.label() + "，" + table.key() + "）";
        // Before anything of it is evaluated: a table whose cells are more than plain values would be code the
        // engine runs (JUEL is the input expressions' language with the simple evaluator).
        String unsafe = PlainCells.problem(model, table.key());
        if (unsafe != null) {
            return where + unsafe;
        }
        DmnDecision whole;
        List<Rule> rules = rules(model, table.key());
        List<DmnDecision> alone = new ArrayList<>();
        try {
            whole = engine.parseDecision(table.key(), model);
            for (int i = 0; i < rules.size(); i++) {
                alone.add(ruleAlone(model, table.key(), i));
            }
        } catch (RuntimeException e) {
            return where + "无法解析：" + e.getMessage();
        }
        List<Map<String, Object>> samples = table.samples();
        List<Map<String, Object>> outputs = new ArrayList<>(samples.size());
        for (Map<String, Object> sample : samples) {
            DmnDecisionRuleResult hit;
            try {
                hit = engine.evaluateDecisionTable(whole, sample).getFirstResult();
            } catch (RuntimeException e) {
                return where + culprit(rules, alone, sample, table, e);
            }
            if (hit == null) {
                return where + "没有适用于 " + RuleTable.describe(sample) + " 的规则：每个可能的输入都须有一条规则";
            }
            String problem = table.checkOutput(hit.getEntryMap());
            if (problem != null) {
                return where + culprit(rules, alone, sample, table, new IllegalStateException(problem));
            }
            outputs.add(hit.getEntryMap());
        }
        String all = table.checkAll(outputs);
        if (all != null) {
            return where + all;
        }
        // A rule the ones above it always hide is never reached above, but it is still part of the table.
        List<Map<String, Object>> probes = new ArrayList<>();
        for (int i = 0; i < samples.size(); i += PROBE_EVERY) {
            probes.add(samples.get(i));
        }
        for (int i = 0; i < rules.size(); i++) {
            for (Map<String, Object> probe : probes) {
                try {
                    DmnDecisionRuleResult hit = engine.evaluateDecisionTable(alone.get(i), probe).getFirstResult();
                    String problem = hit == null ? null : table.checkOutput(hit.getEntryMap());
                    if (problem != null) {
                        return where + "的" + name(rules.get(i), i) + "对 " + RuleTable.describe(probe) + "：" + problem;
                    }
                } catch (RuntimeException e) {
                    return where + "的" + name(rules.get(i), i) + "无法计算 " + RuleTable.describe(probe)
                            + "（规则须为简单的比较或区间，如 < 60、[60..80[、>= 80）：" + e.getMessage();
                }
            }
        }
        return null;
    }

    /** Which rule fails (throws or gives an unusable output) for a sample: the first that applies or throws alone. */
    private String culprit(List<Rule> rules, List<DmnDecision> alone, Map<String, Object> sample, RuleTable table,
                           RuntimeException failure) {
        for (int i = 0; i < rules.size(); i++) {
            try {
                DmnDecisionRuleResult hit = engine.evaluateDecisionTable(alone.get(i), sample).getFirstResult();
                if (hit != null) {
                    String problem = table.checkOutput(hit.getEntryMap());
                    return "的" + name(rules.get(i), i) + "对 " + RuleTable.describe(sample) + "："
                            + (problem != null ? problem : failure.getMessage());
                }
            } catch (RuntimeException e) {
                return "的" + name(rules.get(i), i) + "无法计算 " + RuleTable.describe(sample)
                        + "（规则须为简单的比较或区间，如 < 60、[60..80[、>= 80）：" + e.getMessage();
            }
        }
        return "无法计算 " + RuleTable.describe(sample) + "：" + failure.getMessage();
    }

    private static List<Rule> rules(DmnModelInstance model, String key) {
        org.camunda.bpm.model.dmn.instance.Decision d = model.getModelElementById(key);
        if (d == null || !(d.getExpression() instanceof DecisionTable t)) {
            return List.of();
        }
        return new ArrayList<>(t.getRules());
    }

    /** The table with only its rule number {@code index}. */
    private DmnDecision ruleAlone(DmnModelInstance model, String key, int index) {
        DmnModelInstance copy = model.clone();
        org.camunda.bpm.model.dmn.instance.Decision d = copy.getModelElementById(key);
        DecisionTable t = (DecisionTable) d.getExpression();
        List<Rule> all = new ArrayList<>(t.getRules());
        for (int j = 0; j < all.size(); j++) {
            if (j != index) {
                t.removeChildElement(all.get(j));
            }
        }
        return engine.parseDecision(key, copy);
    }

    private static String name(Rule rule, int index) {
        String description = rule.getDescription() == null ? null : rule.getDescription().getTextContent();
        return "第 " + (index + 1) + " 条规则 " + rule.getId()
                + (description == null || description.isBlank() ? "" : "（" + description.strip() + "）");
    }
}
