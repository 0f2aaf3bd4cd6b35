package org.openperf.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.openperf.targets.GradeBands;
import org.openperf.targets.Indicator;
import org.openperf.targets.IndicatorFramework;
import org.openperf.targets.Operator;
import org.openperf.targets.Project;
import org.openperf.targets.TargetValue;
import org.openperf.targets.TargetValueParser;
import org.openperf.targets.ValueKind;
import org.openperf.kernel.Severity;
import org.springframework.stereotype.Component;

/**
 * Scores a year-end self-evaluation (绩效自评) against the approved target table, by the rules of DOMAIN.md
 * ("Self-evaluation scoring", defaults per 财预〔2020〕10号). The default weights and the grade bands are decision
 * tables in the engine ({@link ScoringRules}); the scorer itself only calculates and uses no engine, so a test
 * gives it the tables from files.
 *
 * <p>All arithmetic is exact ({@link Fraction}): each indicator's score is shown rounded half-up to two decimals,
 * the total is the sum of the unrounded scores rounded once, and the grade is decided on the total as shown.
 *
 * <p>Resolved where DOMAIN.md is silent:
 * <ul>
 *   <li>weights: either every indicator of the table has one and they sum to 90, or none has one (default split);
 *       a partly weighted table is refused. Without 满意度 its share goes to 效益; without 效益 (after that move)
 *       its share goes to 产出 (with 成本); without 产出 and 成本 the default split is refused.</li>
 *   <li>{@code >} and {@code <} are scored as {@code ≥} and {@code ≤} (reaching the target itself is full weight).</li>
 *   <li>a ≥ target of 0 or below: actual ≥ target full, else 0; a ≤ target below 0 like a ≤ target of 0.</li>
 *   <li>"equal to the value's precision": the actual rounded half-up to the decimals the target is written with
 *       ({@code =100%}: 99.6 counts as 100; {@code =958.74}: two decimals).</li>
 *   <li>a range target ({@code 360-400人}) is its lower bound, as the parser reads it (≥ 360).</li>
 *   <li>bands: an actual whose text equals a band's text takes that band; otherwise the bands are read as values and
 *       the first (from 优) the actual satisfies wins; a band without an operator ({@code 100%}) means "reaches it"
 *       in the direction the bands run (≥ when 优 is above 差). No over-achievement note for banded indicators.</li>
 *   <li>the over-achievement note applies to ≥, &gt; and = scored as ≥, strictly above 120% of a positive target.</li>
 *   <li>an indicator without any actual scores 0 with a MISSING_ACTUAL error note; an actual that cannot be read
 *       (text that is no number, a qualitative indicator without tier or score, a score outside its tier) is
 *       refused with a {@link ScoringException}.</li>
 *   <li>a shortfall without explanation is an ERROR note (the explanation is required); an over-achievement above
 *       120% without explanation a WARNING.</li>
 *   <li>全年预算数 defaults to the table's 预算数; it must be above 0.</li>
 * </ul>
 */
@Component
public class SelfEvaluationScorer {

    private static final Fraction HUNDRED = Fraction.of(100);

    private final ScoringRuleSource rules;

    public SelfEvaluationScorer(ScoringRuleSource rules) {
        this.rules = rules;
    }

    /** With the rules deployed now, nothing recorded: what the unit's form and the check of its report show. */
    public ScoreSheet score(Project approvedTable, Actuals actuals, ScoringSettings settings) {
        return score(approvedTable, actuals, settings, rules.latest());
    }

    /**
     * 评分: with the latest rules, the grade recorded in the engine's decision history; {@code e} keeps which
     * versions scored it.
     */
    public ScoreSheet score(SelfEvaluation e, Project approvedTable, Actuals actuals, ScoringSettings settings) {
        return score(approvedTable, actuals, settings, rules.forScoring(e));
    }

    /** The sheet again by the versions {@code e} was scored with (财政复核), nothing recorded. */
    public ScoreSheet rescore(SelfEvaluation e, Project approvedTable, Actuals actuals, ScoringSettings settings) {
        return score(approvedTable, actuals, settings, rules.recorded(e));
    }

    /** The grade of a changed total by the version {@code e} was graded with, recorded in the decision history. */
    public Grade grade(SelfEvaluation e, BigDecimal totalShown) {
        return rules.deciding(e).grade(totalShown);
    }

    public ScoreSheet score(Project approvedTable, Actuals actuals, ScoringSettings settings, ScoringRules r) {
        Objects.requireNonNull(approvedTable, "approvedTable");
        Objects.requireNonNull(actuals, "actuals");
        Objects.requireNonNull(r, "rules");
        ScoringSettings s = settings != null ? settings : ScoringSettings.defaults();
        List<Indicator> rows = approvedTable.getIndicators();
        if (rows.isEmpty()) {
            throw new ScoringException("目标表没有绩效指标，无法评分");
        }
        Weights weights = weights(rows, s, r);

        List<IndicatorScore> scores = new ArrayList<>();
        List<ScoreNote> notes = new ArrayList<>();
        Fraction total = Fraction.ZERO;
        for (int i = 0; i < rows.size(); i++) {
            Indicator row = rows.get(i);
            IndicatorActual actual = actuals.of(i, row.getId());
            IndicatorScore line = scoreIndicator(i, row, weights.of(i), actual, approvedTable.getYear(), s);
            scores.add(line);
            notes.addAll(line.notes());
            total = total.add(line.score());
        }
        BudgetExecutionScore budget = budgetExecution(approvedTable, actuals, s);
        total = total.add(budget.score());
        BigDecimal shown = total.round(2);
        return new ScoreSheet(List.copyOf(scores), budget, weights.basis(), total, shown, r.grade(shown),
                List.copyOf(notes));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Weights

    private record Weights(List<Fraction> weights, String basis) {
        Fraction of(int index) {
            return weights.get(index);
        }
    }

    private enum Group {
        OUTPUT("产出指标（含成本指标）"), BENEFIT("效益指标"), SATISFACTION("满意度指标");

        final String label;

        Group(String label) {
            this.label = label;
        }
    }

    private Weights weights(List<Indicator> rows, ScoringSettings s, ScoringRules r) {
        long weighted = rows.stream().filter(row -> row.getWeight() != null).count();
        if (weighted > 0) {
            return tableWeights(rows, s);
        }
        return defaultWeights(rows, s, r.defaultWeights());
    }

    private Weights tableWeights(List<Indicator> rows, ScoringSettings s) {
        List<Fraction> weights = new ArrayList<>();
        Fraction sum = Fraction.ZERO;
        for (int i = 0; i < rows.size(); i++) {
            Indicator row = rows.get(i);
            if (row.getWeight() == null) {
                throw new ScoringException("目标表只有部分指标填了分值权重：第 " + (i + 1) + " 个指标“" + name(row)
                        + "”未填。分值权重须全部填写（合计 " + plain(s.indicatorWeightTotal()) + "），或全部不填（按默认权重分配）");
            }
            if (row.getWeight().signum() <= 0) {
                throw new ScoringException("第 " + (i + 1) + " 个指标“" + name(row) + "”的分值权重 "
                        + plain(row.getWeight()) + " 须大于 0");
            }
            Fraction w = Fraction.of(row.getWeight());
            weights.add(w);
            sum = sum.add(w);
        }
        if (sum.compareTo(Fraction.of(s.indicatorWeightTotal())) != 0) {
            throw new ScoringException("指标分值权重合计 " + plain(sum.toBigDecimal()) + "，须为 "
                    + plain(s.indicatorWeightTotal()) + "（另有预算执行率 " + plain(s.budgetExecutionWeight())
                    + " 分，合计 100）");
        }
        return new Weights(weights, "分值权重取自批复的目标表：指标合计 " + plain(s.indicatorWeightTotal())
                + " 分，预算执行率 " + plain(s.budgetExecutionWeight()) + " 分");
    }

    private Weights defaultWeights(List<Indicator> rows, ScoringSettings s, ScoringRules.DefaultWeights d) {
        if (d.sum().compareTo(s.indicatorWeightTotal()) != 0) {
            throw new ScoringException("默认权重 产出 " + plain(d.output()) + " + 效益 " + plain(d.benefit()) + " + 满意度 "
                    + plain(d.satisfaction()) + " 须等于指标总分 " + plain(s.indicatorWeightTotal()));
        }
        List<Group> groups = new ArrayList<>();
        int[] count = new int[Group.values().length];
        for (int i = 0; i < rows.size(); i++) {
            Group g = groupOf(rows.get(i));
            if (g == null) {
                throw new ScoringException("第 " + (i + 1) + " 个指标“" + name(rows.get(i)) + "”的一级指标“"
                        + rows.get(i).getLevel1() + "”不是产出、成本、效益或满意度指标，无法按默认权重分配");
            }
            groups.add(g);
            count[g.ordinal()]++;
        }
        Fraction[] share = {Fraction.of(d.output()), Fraction.of(d.benefit()), Fraction.of(d.satisfaction())};
        List<String> moves = new ArrayList<>();
        if (count[Group.SATISFACTION.ordinal()] == 0) {
            moves.add("满意度指标缺失，其 " + plain(share[2].toBigDecimal()) + " 分并入效益指标");
            share[1] = share[1].add(share[2]);
            share[2] = Fraction.ZERO;
        }
        if (count[Group.BENEFIT.ordinal()] == 0) {
            moves.add("效益指标缺失，其 " + plain(share[1].toBigDecimal()) + " 分并入产出指标");
            share[0] = share[0].add(share[1]);
            share[1] = Fraction.ZERO;
        }
        if (count[Group.OUTPUT.ordinal()] == 0) {
            throw new ScoringException("目标表没有产出指标（或成本指标），无法按默认权重分配；请在目标表中填写分值权重");
        }
        List<Fraction> weights = new ArrayList<>();
        for (Group g : groups) {
            weights.add(share[g.ordinal()].divide(Fraction.of(count[g.ordinal()])));
        }
        StringBuilder basis = new StringBuilder("目标表未填分值权重，按默认权重分配：");
        List<String> parts = new ArrayList<>();
        for (Group g : Group.values()) {
            int n = count[g.ordinal()];
            if (n > 0) {
                parts.add(g.label + " " + plain(share[g.ordinal()].toBigDecimal()) + " 分由 " + n + " 个指标均分");
            }
        }
        basis.append(String.join("，", parts));
        if (!moves.isEmpty()) {
            basis.append("（").append(String.join("；", moves)).append("）");
        }
        basis.append("；预算执行率 ").append(plain(s.budgetExecutionWeight())).append(" 分");
        return new Weights(weights, basis.toString());
    }

    /** 产出 and 成本 (also 成本 as a 二级 under 产出 in the older framework) → OUTPUT; null when no 一级 fits. */
    private static Group groupOf(Indicator row) {
        String level1 = IndicatorFramework.level1(row.getLevel1());
        if (level1 == null) {
            level1 = IndicatorFramework.parentOf(row.getLevel2());
        }
        if (level1 == null) {
            return null;
        }
        return switch (level1) {
            case IndicatorFramework.OUTPUT, IndicatorFramework.COST -> Group.OUTPUT;
            case IndicatorFramework.BENEFIT -> Group.BENEFIT;
            case IndicatorFramework.SATISFACTION -> Group.SATISFACTION;
            default -> null;
        };
    }

    // ---------------------------------------------------------------------------------------------------------
    // One indicator

    /** The score of one rule and how it was reached. */
    /** @param overAchievement what to say when the actual is above 120% of the target; null when it is not */
    private record Outcome(Fraction score, ScoringRule rule, String explanation, String overAchievement) {
        Outcome(Fraction score, ScoringRule rule, String explanation) {
            this(score, rule, explanation, null);
        }
    }

    private IndicatorScore scoreIndicator(int index, Indicator row, Fraction weight, IndicatorActual actual,
                                          int year, ScoringSettings s) {
        TargetValue target = row.getValue();
        if (target == null && row.getBands() == null) {
            throw new ScoringException("第 " + (index + 1) + " 个指标“" + name(row) + "”没有指标值，也没有等级档次，无法评分");
        }
        List<ScoreNote> notes = new ArrayList<>();
        Outcome o;
        if (actual == null || isEmpty(actual)) {
            o = new Outcome(Fraction.ZERO, ScoringRule.NO_ACTUAL, "未填写实际完成值，暂得 0 分");
            notes.add(new ScoreNote(index, name(row), ScoreNote.Kind.MISSING_ACTUAL, Severity.ERROR,
                    "“" + name(row) + "”未填写实际完成值"));
        } else {
            if (row.getBands() != null) {
                o = bands(row, weight, actual, year, s);
            } else {
                o = switch (target.getKind() == null ? ValueKind.QUALITATIVE : target.getKind()) {
                    case QUANTITATIVE -> quantity(row, weight, actual, year, s);
                    case DEADLINE -> deadline(row, weight, actual, year);
                    case QUALITATIVE -> qualitative(row, weight, actual, "定性指标：");
                };
            }
            if (o.overAchievement() != null && !actual.hasExplanation()) {
                notes.add(new ScoreNote(index, name(row), ScoreNote.Kind.OVER_ACHIEVEMENT_EXPLANATION,
                        Severity.WARNING, "“" + name(row) + "”" + o.overAchievement()
                                + "，须在偏差原因分析及改进措施中说明超额完成的原因"));
            }
            if (o.score().compareTo(weight) < 0 && !actual.hasExplanation()) {
                notes.add(new ScoreNote(index, name(row), ScoreNote.Kind.MISSING_DEVIATION_EXPLANATION,
                        Severity.ERROR, "“" + name(row) + "”得分 " + shown(o.score()) + " 低于分值 " + shown(weight)
                                + "，须填写偏差原因分析及改进措施"));
            }
        }
        return new IndicatorScore(index, row.getId(), row.getLevel1(), name(row), targetText(row),
                actual == null ? null : actualText(actual), weight, o.score(), o.score().round(2), o.rule(),
                o.explanation(), actual == null ? null : actual.deviationExplanation(), List.copyOf(notes));
    }

    /**
     * The target as the 自评表 shows it (年度指标值): the 指标值 as written, and an indicator's grading bands with it
     * ({@code ≥90%（优 100% / 良 ≥90% / 中 ≥80% / 差 <80%）}), or the bands alone when it has no 指标值.
     */
    static String targetText(Indicator row) {
        String value = row.getValue() == null || row.getValue().getText() == null ? null : row.getValue().getText();
        GradeBands b = row.getBands();
        if (b == null) {
            return value;
        }
        String bands = bandList(new String[] {b.getExcellent(), b.getGood(), b.getFair(), b.getPoor()});
        return value == null ? bands : value + "（" + bands + "）";
    }

    private static boolean isEmpty(IndicatorActual a) {
        return (a.text() == null || a.text().isBlank()) && a.number() == null && a.completedOn() == null
                && a.tier() == null && a.score() == null;
    }

    // ---- quantities -------------------------------------------------------------------------------------------

    private Outcome quantity(Indicator row, Fraction weight, IndicatorActual actual, int year, ScoringSettings s) {
        TargetValue target = row.getValue();
        BigDecimal actualNumber = actualNumber(row, actual, year);
        Fraction a = Fraction.of(actualNumber);
        Fraction t = Fraction.of(target.getNumber());
        String unit = target.getUnit();
        String av = withUnit(actualNumber, unit);
        String tv = withUnit(target.getNumber(), unit);
        Operator op = target.getOperator() == null ? Operator.EQ : target.getOperator();
        return switch (op) {
            case GE, GT -> atLeast(a, t, weight, s, op.symbol() + " 指标：", av, tv, ScoringRule.AT_LEAST_MET,
                    ScoringRule.AT_LEAST_SHORT);
            case LE, LT -> atMost(a, t, weight, op.symbol() + " 指标：", av, tv);
            case EQ -> equal(actualNumber, target.getNumber(), weight, s, av, tv);
        };
    }

    private Outcome atLeast(Fraction a, Fraction t, Fraction w, ScoringSettings s, String prefix, String av,
                            String tv, ScoringRule met, ScoringRule shortRule) {
        if (a.compareTo(t) >= 0) {
            boolean over = t.signum() > 0
                    && a.compareTo(t.multiply(Fraction.of(s.overAchievementPercent())).divide(HUNDRED)) > 0;
            String text = prefix + "实际值 " + av + " ≥ 目标值 " + tv + "，得满分 " + shown(w);
            if (over) {
                text += "（超过目标值的 " + plain(s.overAchievementPercent()) + "%，超额部分不加分，须说明偏差原因）";
            } else if (a.compareTo(t) > 0) {
                text += "（超额部分不加分）";
            }
            return new Outcome(w, met, text, over ? "实际值 " + av + " 超过目标值 " + tv + " 的 "
                    + plain(s.overAchievementPercent()) + "%" : null);
        }
        if (t.signum() <= 0) {
            return new Outcome(Fraction.ZERO, shortRule,
                    prefix + "实际值 " + av + " < 目标值 " + tv + "（目标值不大于 0，无法按比例计分），得 0 分");
        }
        Fraction score = a.divide(t).multiply(w).max(Fraction.ZERO);
        return new Outcome(score, shortRule, prefix + "实际值 " + av + " < 目标值 " + tv + "，得分 = "
                + plain(a.toBigDecimal()) + " ÷ " + plain(t.toBigDecimal()) + " × " + shown(w) + " = " + shown(score));
    }

    private Outcome atMost(Fraction a, Fraction t, Fraction w, String prefix, String av, String tv) {
        if (t.signum() <= 0) {
            if (a.compareTo(t) <= 0) {
                return new Outcome(w, ScoringRule.AT_MOST_ZERO_TARGET,
                        prefix + "目标值为 " + tv + "，实际值 " + av + " ≤ " + tv + "，得满分 " + shown(w));
            }
            return new Outcome(Fraction.ZERO, ScoringRule.AT_MOST_ZERO_TARGET,
                    prefix + "目标值为 " + tv + "，实际值 " + av + " > " + tv + "，得 0 分");
        }
        if (a.compareTo(t) <= 0) {
            return new Outcome(w, ScoringRule.AT_MOST_MET,
                    prefix + "实际值 " + av + " ≤ 目标值 " + tv + "，得满分 " + shown(w));
        }
        Fraction twice = t.multiply(Fraction.of(2));
        if (a.compareTo(twice) >= 0) {
            return new Outcome(Fraction.ZERO, ScoringRule.AT_MOST_DOUBLE, prefix + "实际值 " + av + " ≥ 目标值 " + tv
                    + " 的 2 倍（" + plain(twice.toBigDecimal()) + "），得 0 分");
        }
        Fraction score = Fraction.ONE.subtract(a.subtract(t).divide(t)).multiply(w);
        String ap = plain(a.toBigDecimal());
        String tp = plain(t.toBigDecimal());
        return new Outcome(score, ScoringRule.AT_MOST_OVER, prefix + "实际值 " + av + " 超过目标值 " + tv
                + " 但不到其 2 倍，得分 = (1 − (" + ap + " − " + tp + ") ÷ " + tp + ") × " + shown(w) + " = "
                + shown(score));
    }

    private Outcome equal(BigDecimal actual, BigDecimal target, Fraction w, ScoringSettings s, String av,
                          String tv) {
        int precision = Math.max(target.scale(), 0);
        BigDecimal rounded = actual.setScale(precision, RoundingMode.HALF_UP);
        if (rounded.compareTo(target) == 0) {
            String text = "= 指标：实际值 " + av + " 等于目标值 " + tv;
            if (actual.compareTo(target) != 0) {
                text += "（按目标值的精度 " + precision + " 位小数计）";
            }
            return new Outcome(w, ScoringRule.EQUAL_MET, text + "，得满分 " + shown(w));
        }
        if (target.signum() == 0) {
            return new Outcome(Fraction.ZERO, ScoringRule.EQUAL_ZERO_TARGET,
                    "= 指标：目标值为 " + tv + "，实际值 " + av + " ≠ " + tv + "，得 0 分");
        }
        return atLeast(Fraction.of(actual), Fraction.of(target), w, s,
                "= 指标：实际值 " + av + " ≠ 目标值 " + tv + "，按 ≥ 规则：", av, tv,
                ScoringRule.EQUAL_AS_AT_LEAST, ScoringRule.EQUAL_AS_AT_LEAST);
    }

    /** The actual as a number in the target's unit: the number given, else the text read by the parser. */
    private static BigDecimal actualNumber(Indicator row, IndicatorActual actual, int year) {
        if (actual.number() != null) {
            return actual.number();
        }
        TargetValue read = TargetValueParser.parse(actual.text(), year);
        if (read == null || !read.isQuantitative() || read.getNumber() == null) {
            throw new ScoringException("“" + name(row) + "”的实际完成值“" + (actual.text() == null ? "" : actual.text())
                    + "”不是数值；目标值为 " + targetText(row) + "，请填写数值");
        }
        String targetUnit = row.getValue() == null ? null : row.getValue().getUnit();
        if (read.getUnit() != null && targetUnit != null && !sameUnit(read, row.getValue())) {
            throw new ScoringException("“" + name(row) + "”的实际完成值“" + actual.text() + "”的单位“" + read.getUnit()
                    + "”与目标值的单位“" + targetUnit + "”不同，请按目标值的单位填写");
        }
        return read.getNumber();
    }

    private static boolean sameUnit(TargetValue a, TargetValue b) {
        return a.getUnit().equals(b.getUnit()) || (a.isPercent() && b.isPercent());
    }

    // ---- deadlines and qualitative ------------------------------------------------------------------------------

    private Outcome deadline(Indicator row, Fraction weight, IndicatorActual actual, int year) {
        LocalDate due = row.getValue().getDeadline();
        LocalDate done = actual.completedOn();
        if (done == null && actual.text() != null) {
            TargetValue read = TargetValueParser.parse(actual.text(), year);
            if (read != null && read.getKind() == ValueKind.DEADLINE) {
                done = read.getDeadline();
            }
        }
        if (done != null && !done.isAfter(due)) {
            return new Outcome(weight, ScoringRule.DEADLINE_MET, "时限指标：完成日期 " + done + " 不晚于期限 " + due
                    + "（" + row.getValue().getText() + "），得满分 " + shown(weight));
        }
        String what = done == null ? "截至评价时未完成（期限 " + due + "）" : "完成日期 " + done + " 晚于期限 " + due;
        if (actual.tier() != null) {
            Outcome tier = qualitative(row, weight, actual, "时限指标：" + what + "，审核人评定为");
            return new Outcome(tier.score(), ScoringRule.DEADLINE_TIER, tier.explanation());
        }
        return new Outcome(Fraction.ZERO, ScoringRule.DEADLINE_MISSED, "时限指标：" + what + "，得 0 分");
    }

    private Outcome qualitative(Indicator row, Fraction weight, IndicatorActual actual, String prefix) {
        QualitativeTier tier = actual.tier();
        if (tier == null || actual.score() == null) {
            throw new ScoringException("“" + name(row) + "”须选择达成程度（达成 / 部分达成 / 未达成）并在其区间内给出得分");
        }
        Fraction score = Fraction.of(actual.score());
        if (!tier.allows(score, weight)) {
            throw new ScoringException("“" + name(row) + "”评定为" + tier.label() + "，得分须在分值 " + shown(weight)
                    + " 的 " + tier.range() + " 之内，即 " + exact(tier.lowest(weight)) + "（含）至 "
                    + exact(tier.upper(weight)) + (tier == QualitativeTier.ACHIEVED ? "（含）" : "（不含）")
                    + "；给出的 " + plain(actual.score()) + " 不在此区间");
        }
        String p = prefix.endsWith("评定为") ? prefix : prefix + "评定为";
        return new Outcome(score, ScoringRule.QUALITATIVE_TIER, p + tier.label() + "（分值 " + shown(weight) + " 的 "
                + tier.range() + "），得分 " + shown(score));
    }

    // ---- bands --------------------------------------------------------------------------------------------------

    private Outcome bands(Indicator row, Fraction weight, IndicatorActual actual, int year, ScoringSettings s) {
        GradeBands b = row.getBands();
        String[] texts = {b.getExcellent(), b.getGood(), b.getFair(), b.getPoor()};
        Grade[] grades = Grade.values();
        Grade found = null;
        String foundText = null;
        String given = actual.text() != null ? actual.text() : actual.number() != null
                ? actual.number().toPlainString() : null;
        if (given != null) {
            for (int i = 0; i < texts.length && found == null; i++) {
                if (texts[i] != null && compact(texts[i]).equals(compact(given))) {
                    found = grades[i];
                    foundText = texts[i];
                }
            }
        }
        if (found == null) {
            TargetValue[] values = new TargetValue[texts.length];
            boolean numeric = true;
            for (int i = 0; i < texts.length; i++) {
                values[i] = texts[i] == null ? null : TargetValueParser.parse(texts[i], year);
                if (texts[i] != null && (values[i] == null || !values[i].isQuantitative())) {
                    numeric = false;
                }
            }
            if (!numeric || (actual.number() == null && actual.text() == null)) {
                throw new ScoringException("“" + name(row) + "”的实际完成情况“" + (given == null ? "" : given)
                        + "”不是等级之一：" + bandList(texts));
            }
            BigDecimal a = actualNumber(row, actual, year);
            boolean higherIsBetter = higherIsBetter(values);
            for (int i = 0; i < values.length && found == null; i++) {
                if (values[i] != null && GradeBands.satisfies(a, values[i], higherIsBetter)) {
                    found = grades[i];
                    foundText = texts[i];
                }
            }
            if (found == null) {
                throw new ScoringException("“" + name(row) + "”的实际值 " + plain(a) + " 不在任何一档之内："
                        + bandList(texts));
            }
        }
        BigDecimal percent = s.bandPercent(found);
        Fraction score = weight.multiply(Fraction.of(percent)).divide(HUNDRED);
        return new Outcome(score, ScoringRule.BANDS, "等级指标：实际完成 " + given + " 属于“" + found.label() + "”档（"
                + foundText.strip() + "），得分 = " + shown(weight) + " × " + plain(percent) + "% = " + shown(score));
    }

    private static boolean higherIsBetter(TargetValue[] values) {
        TargetValue first = null;
        TargetValue last = null;
        for (TargetValue v : values) {
            if (v != null) {
                if (first == null) {
                    first = v;
                }
                last = v;
            }
        }
        return first == null || first.getNumber().compareTo(last.getNumber()) >= 0;
    }

    private static String bandList(String[] texts) {
        List<String> parts = new ArrayList<>();
        Grade[] grades = Grade.values();
        for (int i = 0; i < texts.length; i++) {
            if (texts[i] != null) {
                parts.add(grades[i].label() + " " + texts[i].strip());
            }
        }
        return String.join(" / ", parts);
    }

    private static String compact(String s) {
        return s.replaceAll("[\\s\\u3000\\u00a0]+", "").replace('％', '%');
    }

    // ---------------------------------------------------------------------------------------------------------
    // 预算执行率

    private BudgetExecutionScore budgetExecution(Project table, Actuals actuals, ScoringSettings s) {
        BigDecimal budget = actuals.budget() != null ? actuals.budget() : table.getBudget();
        if (budget == null || budget.signum() <= 0) {
            throw new ScoringException("全年预算数须大于 0 才能计算预算执行率（给出的是 "
                    + (budget == null ? "空" : plain(budget)) + "）");
        }
        BigDecimal spent = actuals.spent();
        if (spent == null || spent.signum() < 0) {
            throw new ScoringException("须填写全年执行数（不小于 0）");
        }
        Fraction rate = Fraction.of(spent).divide(Fraction.of(budget));
        Fraction weight = Fraction.of(s.budgetExecutionWeight());
        Fraction score = rate.min(Fraction.ONE).multiply(weight);
        BigDecimal rateShown = rate.multiply(HUNDRED).round(2);
        String text = "预算执行率 = 全年执行数 " + plain(spent) + " ÷ 全年预算数 " + plain(budget) + " = " + rateShown.toPlainString()
                + "%，";
        if (rate.compareTo(Fraction.ONE) >= 0) {
            text += (rate.compareTo(Fraction.ONE) > 0 ? "超过 100% 按 100% 计，" : "") + "得满分 " + shown(weight);
        } else {
            text += "得分 = " + rateShown.toPlainString() + "% × " + plain(s.budgetExecutionWeight()) + " = " + shown(score);
        }
        return new BudgetExecutionScore(budget, spent, rate, rateShown, s.budgetExecutionWeight(), score,
                score.round(2), text);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Text

    private static String name(Indicator row) {
        return row.getName() == null ? "" : row.getName().strip();
    }

    private static String actualText(IndicatorActual a) {
        if (a.text() != null) {
            return a.text();
        }
        if (a.number() != null) {
            return plain(a.number());
        }
        if (a.completedOn() != null) {
            return a.completedOn().toString();
        }
        return a.tier() == null ? null : a.tier().label();
    }

    private static String withUnit(BigDecimal n, String unit) {
        return plain(n) + (unit == null ? "" : unit);
    }

    private static String plain(BigDecimal n) {
        return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
    }

    /** A score as shown: half-up to two decimals. */
    private static String shown(Fraction f) {
        return f.round(2).toPlainString();
    }

    /** A tier bound: exact when it has at most four decimals, else to four decimals (40/7 → 5.7143). */
    private static String exact(Fraction f) {
        return plain(f.round(4));
    }
}
