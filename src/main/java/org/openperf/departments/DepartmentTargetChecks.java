package org.openperf.departments;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openperf.kernel.Finding;
import org.openperf.kernel.Severity;
import org.openperf.targets.GradeBands;
import org.openperf.validation.Rule;
import org.openperf.validation.ValidationService;
import org.springframework.stereotype.Service;

/**
 * The reviewer's checks of a department table (docs/department-targets.md): every activity has indicators, no two
 * activities share a 活动编码, every indicator has bands, and each band reads and runs one way (the band rules of
 * project tables, {@code value.band.*}); weights, when any is given, on every indicator, each above 0, adding up to
 * the indicators' total (90; {@code weight.*}, as project tables), or the self-evaluation could not be scored. Each finding's level is its {@link Rule}'s, as the province set it.
 *
 * <p>{@link Finding#indicatorIndex()} counts the table's indicators across all activities from 0 (the rows of the
 * published table); activity findings have none and name the activity in {@link Finding#field()}.
 */
@Service
public class DepartmentTargetChecks {

    private final ValidationService validation;

    public DepartmentTargetChecks(ValidationService validation) {
        this.validation = validation;
    }

    public List<Finding> check(DepartmentTargetTable table) {
        return locate(table).stream().map(DepartmentFinding::finding).toList();
    }

    /** The same findings, each with the position of its activity (for the page's rows). */
    public List<DepartmentFinding> locate(DepartmentTargetTable table) {
        List<DepartmentFinding> findings = new ArrayList<>();
        int year = table.getYear();
        Map<String, DepartmentActivity> codes = new HashMap<>();
        int row = 0;
        for (int k = 0; k < table.getActivities().size(); k++) {
            DepartmentActivity a = table.getActivities().get(k);
            if (a.getCode() != null && !a.getCode().isBlank()) {
                DepartmentActivity first = codes.putIfAbsent(a.getCode().strip(), a);
                if (first != null) {
                    add(findings, Rule.ACTIVITY_CODE_DUPLICATE, year, a.label(), k, null, "活动编码“" + a.getCode().strip()
                            + "”重复：" + first.label() + "与" + a.label() + "编码相同");
                }
            }
            if (a.getIndicators().isEmpty()) {
                add(findings, Rule.ACTIVITY_INDICATORS_MISSING, year, a.label(), k, null,
                        a.label() + "没有绩效指标：每个活动至少需要一个按优、良、中、差分档的绩效指标");
            }
            for (ActivityIndicator i : a.getIndicators()) {
                GradeBands bands = i.getBands();
                if (bands == null) {
                    add(findings, Rule.VALUE_MISSING, year, i.getName(), k, row, a.label() + "的指标“" + i.getName()
                            + "”未填写优、良、中、差等级档次：没有可据以监控和评价的目标");
                }
                for (Finding f : validation.bandFindings(i.getName(), bands, year)) {
                    findings.add(new DepartmentFinding(f.severity(), f.rule(), f.field(), k, row,
                            a.label() + "：" + f.message()));
                }
                row++;
            }
        }
        weights(table, findings);
        return List.copyOf(findings);
    }

    private void weights(DepartmentTargetTable table, List<DepartmentFinding> findings) {
        if (table.allIndicators().stream().allMatch(i -> i.getWeight() == null)) {
            return; // without weights the activities share the total evenly
        }
        int year = table.getYear();
        BigDecimal sum = BigDecimal.ZERO;
        int row = 0;
        for (int k = 0; k < table.getActivities().size(); k++) {
            DepartmentActivity a = table.getActivities().get(k);
            for (ActivityIndicator i : a.getIndicators()) {
                BigDecimal w = i.getWeight();
                if (w == null) {
                    add(findings, Rule.WEIGHT_MISSING, year, i.getName(), k, row, a.label() + "的指标“" + i.getName()
                            + "”未填写权重（其他指标已填写）：权重须全部填写，或全部不填（各活动平分）");
                } else if (w.signum() <= 0) {
                    add(findings, Rule.WEIGHT_NON_POSITIVE, year, i.getName(), k, row, a.label() + "的指标“"
                            + i.getName() + "”的权重 " + w.stripTrailingZeros().toPlainString() + " 应大于 0");
                } else {
                    sum = sum.add(w);
                }
                row++;
            }
        }
        BigDecimal total = validation.settings().indicatorWeightTotal();
        if (sum.compareTo(total) != 0) {
            add(findings, Rule.WEIGHT_SUM, year, "权重", null, null, "指标权重合计为 " + sum.stripTrailingZeros().toPlainString()
                    + "，应为 " + total.stripTrailingZeros().toPlainString() + "（预算执行率另计 "
                    + validation.settings().budgetExecutionWeight().stripTrailingZeros().toPlainString() + " 分）");
        }
    }

    private void add(List<DepartmentFinding> findings, Rule rule, int year, String field, Integer activity, Integer row,
                     String message) {
        Severity severity = validation.settings().severity(rule, year);
        if (severity != null) {
            findings.add(new DepartmentFinding(severity, rule.code(), field, activity, row, message));
        }
    }
}
