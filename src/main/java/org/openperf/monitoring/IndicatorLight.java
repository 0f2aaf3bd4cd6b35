package org.openperf.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.openperf.targets.GradeBands;
import org.openperf.targets.Indicator;
import org.openperf.targets.Operator;
import org.openperf.targets.TargetValue;

/**
 * 指标进度灯: an indicator's progress at a milestone.
 * <ul>
 * <li>≥ / > (and a range {@code 360-400人}, read as ≥ its lower end): v = 完成值 ÷ (目标 × 已过月份/12) × 100, rounded
 *     half-up to 2 decimals from the exact share (6/12, not 0.50 rounded), light from {@code bpmn/indicator-light.dmn}:
 *     red &lt; 60, yellow &lt; 80, green &lt; 120, blue ≥ 120 (超序时进度, to explain). A target of 0 is green
 *     (nothing was due), v null.</li>
 * <li>≤ / &lt;: green when the value so far is within the target (≤: equal is within; &lt;: equal is not), else
 *     red. No time share: such targets (元/人, 小时) are limits at any time, not amounts that accumulate.</li>
 * <li>=: a target of 0 ({@code =0 次}) is green only at 0, else red; any other = is treated as ≥, as scoring does.
 *     A value without operator ({@code 8 万元}) means =.</li>
 * <li>qualitative: 达成 green, 部分达成 yellow, 未达成 red.</li>
 * <li>graded by 优/良/中/差 bands (whether or not it has a 指标值): the band the value so far falls in, 优 and 良
 *     green, 中 yellow, 差 red.</li>
 * <li>deadline: green when done or not yet due (the milestone's last day is on or before the deadline), red when
 *     the deadline has passed and it is not done. A deadline the parser left without a date ({@code 年底前完成}) is
 *     31 December of the fiscal year.</li>
 * </ul>
 */
public class IndicatorLight {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private final LightTable table;

    public IndicatorLight(LightTable table) {
        this.table = table;
    }

    public IndicatorResult rate(Indicator indicator, IndicatorProgress progress, Milestone milestone) {
        TargetValue target = indicator.getValue();
        String name = indicator.getName();
        if (indicator.getBands() != null) {
            return banded(name, indicator.getBands(), progress, milestone);
        }
        if (target == null || target.getKind() == null) {
            throw new IllegalArgumentException("指标 " + name + " 没有指标值");
        }
        String prefix = "截至" + milestone.label();
        return switch (target.getKind()) {
            case QUALITATIVE -> qualitative(name, progress, prefix);
            case DEADLINE -> deadline(name, target, progress, milestone, prefix);
            case QUANTITATIVE -> quantitative(name, target, progress, milestone.month(), prefix);
        };
    }

    private static final String[] BAND_NAMES = {"优", "良", "中", "差"};
    private static final Light[] BAND_LIGHTS = {Light.GREEN, Light.GREEN, Light.YELLOW, Light.RED};

    private IndicatorResult banded(String name, GradeBands bands, IndicatorProgress progress, Milestone milestone) {
        String given = progress.text() != null && !progress.text().isBlank() ? progress.text().strip()
                : progress.valueSoFar() == null ? null : progress.valueSoFar().stripTrailingZeros().toPlainString();
        if (given == null) {
            throw new IllegalArgumentException("等级指标 " + name + " 需填报完成值或所在档次的文字");
        }
        int band = bands.grade(progress.valueSoFar(), progress.text(), milestone.year());
        if (band < 0) {
            throw new IllegalArgumentException("等级指标 " + name + " 的完成情况“" + given + "”不在任何一档之内：优 "
                    + String.join(" / ", java.util.Arrays.stream(bands.texts()).map(t -> t == null ? "—" : t).toList()));
        }
        Light light = BAND_LIGHTS[band];
        return new IndicatorResult(name, light, null, "截至" + milestone.label() + "完成 " + given + "，属于“"
                + BAND_NAMES[band] + "”档（" + bands.texts()[band].strip() + "）：" + light.label());
    }

    private IndicatorResult qualitative(String name, IndicatorProgress progress, String prefix) {
        Achievement tier = progress.achievement();
        if (tier == null) {
            throw new IllegalArgumentException("定性指标 " + name + " 需填报 达成/部分达成/未达成");
        }
        Light light = tier.light();
        return new IndicatorResult(name, light, null, prefix + tier.chineseName() + "：" + light.label());
    }

    private IndicatorResult deadline(String name, TargetValue target, IndicatorProgress progress, Milestone milestone,
                                     String prefix) {
        LocalDate deadline = target.getDeadline() != null ? target.getDeadline()
                : LocalDate.of(milestone.year(), 12, 31);
        String due = "完成时限 " + deadline;
        if (progress.done()) {
            return new IndicatorResult(name, Light.GREEN, null, prefix + "已完成，" + due + "：" + Light.GREEN.label());
        }
        if (!milestone.lastDay().isAfter(deadline)) {
            return new IndicatorResult(name, Light.GREEN, null,
                    prefix + "尚未完成，" + due + "，未到期：" + Light.GREEN.label());
        }
        return new IndicatorResult(name, Light.RED, null, prefix + "尚未完成，" + due + "，已逾期：" + Light.RED.label());
    }

    private IndicatorResult quantitative(String name, TargetValue target, IndicatorProgress progress, int months,
                                         String prefix) {
        BigDecimal goal = target.getNumber();
        BigDecimal value = progress.valueSoFar();
        if (goal == null) {
            throw new IllegalArgumentException("指标 " + name + " 的指标值 " + target.getText() + " 没有数值");
        }
        if (value == null) {
            throw new IllegalArgumentException("指标 " + name + " 需填报完成值");
        }
        Operator op = target.getOperator() == null ? Operator.EQ : target.getOperator();
        String stated = "目标 " + (target.getText() != null ? target.getText().trim()
                : op.symbol() + amount(goal, target.getUnit()));
        String done = prefix + "完成 " + amount(value, target.getUnit()) + "，" + stated + "，";
        if (op.isUpperBound() || (op == Operator.EQ && goal.signum() == 0)) {
            int cmp = value.compareTo(goal);
            boolean within = op == Operator.LT ? cmp < 0 : op == Operator.EQ ? cmp == 0 : cmp <= 0;
            Light light = within ? Light.GREEN : Light.RED;
            return new IndicatorResult(name, light, null, done + (within ? "在目标内：" : "超出目标：") + light.label());
        }
        if (goal.signum() <= 0) {
            return new IndicatorResult(name, Light.GREEN, null, done + "序时无应完成量：" + Light.GREEN.label());
        }
        BigDecimal v = ratio(value, goal, months);
        Light light = table.indicator(v);
        BigDecimal dueSoFar = goal.multiply(BigDecimal.valueOf(months)).divide(TWELVE, 2, RoundingMode.HALF_UP);
        return new IndicatorResult(name, light, v, done + "序时应完成 " + dueSoFar.toPlainString() + "（" + months
                + "/12），完成序时进度的 " + v.toPlainString() + "%：" + light.label()
                + (light == Light.BLUE ? "（超序时进度，需说明原因）" : ""));
    }

    /** v = value ÷ (target × months/12) × 100, 2 decimals half-up; target and months must be positive. */
    public static BigDecimal ratio(BigDecimal valueSoFar, BigDecimal target, int elapsedMonths) {
        return valueSoFar.multiply(HUNDRED).multiply(TWELVE)
                .divide(target.multiply(BigDecimal.valueOf(elapsedMonths)), 2, RoundingMode.HALF_UP);
    }

    private static String amount(BigDecimal n, String unit) {
        String number = n.stripTrailingZeros().toPlainString();
        if (unit == null || unit.isBlank()) {
            return number;
        }
        return unit.equals("%") || unit.equals("％") ? number + unit : number + " " + unit;
    }
}
