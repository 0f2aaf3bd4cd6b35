package org.openperf.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.openperf.evaluation.QualitativeTier;
import org.openperf.evaluation.SelfEvaluationSubmissions.IndicatorInput;
import org.openperf.evaluation.SelfEvaluationSubmissions.Prefill;
import org.openperf.evaluation.SelfEvaluationSubmissions.Submission;
import org.openperf.targets.GradeBands;
import org.openperf.targets.Indicator;
import org.openperf.targets.Operator;
import org.openperf.targets.Project;
import org.openperf.targets.TargetValue;
import org.openperf.targets.ValueKind;

/**
 * The demo's year-end report of an approved table: per indicator an actual that meets, beats well (more than 20%,
 * so next year's unchanged target is a finding), just misses or clearly misses (below 60% of its 分值, so dropping
 * it is a finding) its target, and a budget execution rate, from a {@link Random} seeded by the project's unit and
 * name: the same table gets the same report on every machine, whatever its id or the order of loading. A project's
 * profile (strong, fair, weak, poor) sets the odds, so the grades spread over 优/良/中/差. Pure: no database.
 */
final class DemoActuals {

    enum Outcome { MEETS, BEATS_WELL, JUST_MISSES, CLEARLY_MISSES }

    /** Odds of each outcome (meets, beats well, just misses; the rest clearly misses) and the execution rate range. */
    private record Profile(double meets, double beatsWell, double justMisses, int rateFrom, int rateTo, String goal) {
    }

    private static final Profile STRONG = new Profile(0.70, 0.25, 0.05, 95, 100, "年度总体绩效目标全部完成");
    private static final Profile FAIR = new Profile(0.45, 0.15, 0.30, 85, 97, "年度总体绩效目标基本完成，部分指标略有差距");
    private static final Profile WEAK = new Profile(0.25, 0.05, 0.30, 65, 88, "年度总体绩效目标部分完成，多项指标未达到目标值");
    private static final Profile POOR = new Profile(0.10, 0.00, 0.20, 35, 70, "年度总体绩效目标大部分未完成");

    private DemoActuals() {
    }

    /** The seed of a project's generator: its unit and name, not its id (ids differ between databases). */
    static long seed(Project p) {
        String unit = p.getUnit() == null ? "" : p.getUnit().getCode();
        return 2024_19L * 31 + (unit + "/" + p.getName()).hashCode();
    }

    /** The report of an approved table; {@code prefill} gives each indicator's 分值 and the recorded spending. */
    static Submission report(Project p, Prefill prefill) {
        Random random = new Random(seed(p));
        double roll = random.nextDouble();
        Profile profile = roll < 0.40 ? STRONG : roll < 0.72 ? FAIR : roll < 0.90 ? WEAK : POOR;
        List<IndicatorInput> rows = new ArrayList<>();
        for (int i = 0; i < p.getIndicators().size(); i++) {
            Outcome o = outcome(profile, random);
            BigDecimal weight = prefill.indicators().get(i).weightExact();
            rows.add(actual(i, p.getIndicators().get(i), o, weight, random));
        }
        BigDecimal budget = p.getBudget();
        int ratePercent = profile.rateFrom + random.nextInt(profile.rateTo - profile.rateFrom + 1);
        BigDecimal spent = budget.multiply(BigDecimal.valueOf(ratePercent)).divide(BigDecimal.valueOf(100), 2,
                RoundingMode.HALF_UP);
        // A project with monitoring readings (DemoMonitoring) reports the year's spending, not the last reading.
        String reason = prefill.spent() == null || prefill.spent().compareTo(spent) == 0 ? null
                : "执行数据截至 " + prefill.spentAsOf() + "，全年执行数按年终决算填报";
        return new Submission(null, spent, profile.goal, rows, reason);
    }

    static Outcome outcome(Profile profile, Random random) {
        double r = random.nextDouble();
        if (r < profile.meets) {
            return Outcome.MEETS;
        }
        if (r < profile.meets + profile.beatsWell) {
            return Outcome.BEATS_WELL;
        }
        return r < profile.meets + profile.beatsWell + profile.justMisses ? Outcome.JUST_MISSES
                : Outcome.CLEARLY_MISSES;
    }

    private static IndicatorInput actual(int index, Indicator row, Outcome o, BigDecimal weight, Random random) {
        TargetValue t = row.getValue();
        if (row.getBands() != null && !row.getBands().isEmpty()) {
            return bands(index, row.getBands(), o);
        }
        if (t == null || t.getKind() == null || t.getKind() == ValueKind.QUALITATIVE) {
            return qualitative(index, o, weight);
        }
        if (t.getKind() == ValueKind.DEADLINE) {
            return o == Outcome.MEETS || o == Outcome.BEATS_WELL
                    ? new IndicatorInput(index, null, null, t.getDeadline().minusDays(random.nextInt(20)), null, null,
                    null)
                    : new IndicatorInput(index, null, "未完成", null, null, null, "受前期手续影响，未能按期完成，已调整工作计划");
        }
        return quantity(index, t, o, random);
    }

    /** A number in the target's unit, rounded to the target's decimals in the direction that keeps the outcome. */
    private static IndicatorInput quantity(int index, TargetValue t, Outcome o, Random random) {
        BigDecimal target = t.getNumber();
        Operator op = t.getOperator() == null ? Operator.EQ : t.getOperator();
        int scale = Math.max(target.stripTrailingZeros().scale(), 0);
        if (target.signum() <= 0 || op == Operator.EQ && o != Outcome.JUST_MISSES && o != Outcome.CLEARLY_MISSES) {
            return met(index, target);
        }
        boolean atLeast = op != Operator.LE && op != Operator.LT;
        boolean percentCapped = t.isPercent() && atLeast;
        double factor = switch (o) {
            case MEETS -> atLeast ? 1 + random.nextDouble() * 0.12 : 1 - random.nextDouble() * 0.12;
            case BEATS_WELL -> atLeast ? 1.3 + random.nextDouble() * 0.4 : 0.5 + random.nextDouble() * 0.2;
            case JUST_MISSES -> atLeast ? 0.86 + random.nextDouble() * 0.1 : 1.04 + random.nextDouble() * 0.1;
            case CLEARLY_MISSES -> atLeast ? 0.2 + random.nextDouble() * 0.3 : 1.6 + random.nextDouble() * 0.3;
        };
        BigDecimal value = target.multiply(BigDecimal.valueOf(factor));
        boolean meets = o == Outcome.MEETS || o == Outcome.BEATS_WELL;
        // Rounded towards the target's side that keeps a met target met and a missed one missed.
        RoundingMode mode = meets == atLeast ? RoundingMode.CEILING : RoundingMode.FLOOR;
        value = value.setScale(scale, mode);
        if (percentCapped && value.compareTo(BigDecimal.valueOf(100)) > 0) {
            // A rate cannot pass 100%: a rate beaten "well" is simply met.
            value = BigDecimal.valueOf(100).max(target);
            meets = true;
        }
        if (!meets && value.compareTo(target) == 0) {
            return met(index, target);
        }
        // Rounding up a small count (3 → 4) may take a met target past 120%: then it is simply met.
        boolean over = atLeast && value.compareTo(target.multiply(new BigDecimal("1.2"))) > 0;
        if (o == Outcome.MEETS && over) {
            return met(index, target);
        }
        String explanation = switch (o) {
            case MEETS -> null;
            case BEATS_WELL -> over || !atLeast ? "年初目标设定偏保守，实际完成情况好于预期" : null;
            case JUST_MISSES -> "受年度内政策调整影响，略低于目标，下年度加强过程管理";
            case CLEARLY_MISSES -> "项目实施进度滞后，目标未完成，已制定整改措施";
        };
        return new IndicatorInput(index, value, null, null, null, null, explanation);
    }

    private static IndicatorInput met(int index, BigDecimal target) {
        return new IndicatorInput(index, target, null, null, null, null, null);
    }

    /** A qualitative indicator: a tier and a score inside it (the score scale is the 分值's exact value). */
    private static IndicatorInput qualitative(int index, Outcome o, BigDecimal weight) {
        if (weight == null) {
            return new IndicatorInput(index, null, null, null, QualitativeTier.ACHIEVED.label(), null, null);
        }
        // The 分值 to four decimals, rounded down so it stays inside 达成 (50/7 → 7.1428).
        BigDecimal full = weight.setScale(4, RoundingMode.FLOOR);
        return switch (o) {
            case MEETS, BEATS_WELL -> new IndicatorInput(index, null, null, null, QualitativeTier.ACHIEVED.label(),
                    full, full.compareTo(weight) == 0 ? null : "已达成预期目标");
            case JUST_MISSES -> new IndicatorInput(index, null, null, null, QualitativeTier.PARTLY_ACHIEVED.label(),
                    weight.multiply(new BigDecimal("0.7")).setScale(4, RoundingMode.FLOOR),
                    "部分工作未达到预期，下年度改进");
            case CLEARLY_MISSES -> new IndicatorInput(index, null, null, null, QualitativeTier.NOT_ACHIEVED.label(),
                    weight.multiply(new BigDecimal("0.3")).setScale(4, RoundingMode.FLOOR),
                    "未达到预期效果，已制定整改措施");
        };
    }

    /** A banded indicator: the band's own text (优 when met, 良 when just missed, 差 or the lowest when missed). */
    private static IndicatorInput bands(int index, GradeBands b, Outcome o) {
        String[] texts = {b.getExcellent(), b.getGood(), b.getFair(), b.getPoor()};
        int want = switch (o) {
            case MEETS, BEATS_WELL -> 0;
            case JUST_MISSES -> 1;
            case CLEARLY_MISSES -> 3;
        };
        int pick = -1;
        for (int i = want; i >= 0 && pick < 0; i--) {
            if (texts[i] != null) {
                pick = i;
            }
        }
        for (int i = want; i < texts.length && pick < 0; i++) {
            if (texts[i] != null) {
                pick = i;
            }
        }
        return new IndicatorInput(index, null, texts[pick].strip(), null, null, null,
                pick == 0 ? null : "未达到最高档，下年度改进");
    }
}
