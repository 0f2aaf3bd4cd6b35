package org.openperf.validation;

import org.openperf.kernel.Severity;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a province may set differently in validation ({@code perf.validation.*}).
 *
 * <p>{@code rules} holds the per-rule settings as bound from {@code perf.validation.rules.<code>.severity}
 * ({@code ERROR}, {@code WARNING} or {@code OFF}) and {@code perf.validation.rules.<code>.from-year} (the raised
 * level applies to tables of that fiscal year on; before it the rule's default holds). The codes are those of
 * {@link Rule}; an unknown code, level or year stops the start-up with a message naming it, so a misspelt
 * setting is never silently ignored.
 *
 * @param rules                 the raw per-rule settings, keys {@code <code>.severity} and {@code <code>.from-year}
 * @param indicatorWeightTotal  what the indicator weights (分值权重) of a table must sum to
 * @param budgetExecutionWeight the weight of 预算执行率, outside the indicator total (90 + 10 = 100)
 */
@ConfigurationProperties(prefix = "perf.validation")
public record ValidationSettings(
        Map<String, String> rules,
        @DefaultValue("90") BigDecimal indicatorWeightTotal,
        @DefaultValue("10") BigDecimal budgetExecutionWeight) {

    public static final BigDecimal DEFAULT_INDICATOR_WEIGHT_TOTAL = BigDecimal.valueOf(90);
    public static final BigDecimal DEFAULT_BUDGET_EXECUTION_WEIGHT = BigDecimal.TEN;

    private static final String SEVERITY = ".severity";
    private static final String FROM_YEAR = ".from-year";

    public ValidationSettings {
        rules = rules == null ? Map.of() : Map.copyOf(rules);
        if (indicatorWeightTotal == null) {
            indicatorWeightTotal = DEFAULT_INDICATOR_WEIGHT_TOTAL;
        }
        if (budgetExecutionWeight == null) {
            budgetExecutionWeight = DEFAULT_BUDGET_EXECUTION_WEIGHT;
        }
        parse(rules); // fails now, at start-up, rather than when the first table is validated
    }

    /** The defaults of 财预〔2020〕10号 and 财预〔2021〕101号, every rule at its default severity. */
    public static ValidationSettings defaults() {
        return new ValidationSettings(Map.of(), DEFAULT_INDICATOR_WEIGHT_TOTAL, DEFAULT_BUDGET_EXECUTION_WEIGHT);
    }

    /** The defaults with these rule settings (for code and tests that set rules without property binding). */
    public static ValidationSettings withRules(Map<Rule, RuleSetting> settings) {
        Map<String, String> raw = new HashMap<>();
        settings.forEach((rule, s) -> {
            raw.put(rule.code() + SEVERITY, s.level().name());
            if (s.fromYear() != null) {
                raw.put(rule.code() + FROM_YEAR, s.fromYear().toString());
            }
        });
        return new ValidationSettings(raw, DEFAULT_INDICATOR_WEIGHT_TOTAL, DEFAULT_BUDGET_EXECUTION_WEIGHT);
    }

    /** The severity of a rule's finding on a table of this fiscal year; null when the rule is off. */
    public Severity severity(Rule rule, int year) {
        RuleSetting s = ruleSettings().get(rule);
        if (s == null || !s.appliesTo(year)) {
            return rule.defaultSeverity();
        }
        return s.level().severity();
    }

    /** Every rule a province has set, read from {@link #rules()}. */
    public Map<Rule, RuleSetting> ruleSettings() {
        return parse(rules);
    }

    private static Map<Rule, RuleSetting> parse(Map<String, String> raw) {
        Map<Rule, RuleSetting.Level> levels = new EnumMap<>(Rule.class);
        Map<Rule, Integer> years = new EnumMap<>(Rule.class);
        for (Map.Entry<String, String> e : raw.entrySet()) {
            String key = e.getKey().strip();
            String value = e.getValue() == null ? "" : e.getValue().strip();
            if (key.endsWith(SEVERITY)) {
                levels.put(rule(key, SEVERITY), level(key, value));
            } else if (key.endsWith(FROM_YEAR) || key.endsWith(".fromYear")) {
                years.put(rule(key, key.endsWith(FROM_YEAR) ? FROM_YEAR : ".fromYear"), year(key, value));
            } else {
                throw new IllegalArgumentException("perf.validation.rules." + key
                        + "：无法识别的设置，应为 <规则>.severity 或 <规则>.from-year");
            }
        }
        Map<Rule, RuleSetting> settings = new EnumMap<>(Rule.class);
        for (Map.Entry<Rule, Integer> y : years.entrySet()) {
            if (!levels.containsKey(y.getKey())) {
                throw new IllegalArgumentException("perf.validation.rules." + y.getKey().code()
                        + ".from-year 已设置，但未设置 severity：from-year 只说明设置的级别从哪一年起适用");
            }
        }
        levels.forEach((rule, level) -> settings.put(rule, new RuleSetting(level, years.get(rule))));
        return settings;
    }

    private static Rule rule(String key, String suffix) {
        String code = key.substring(0, key.length() - suffix.length());
        Rule rule = Rule.byCode(code);
        if (rule == null) {
            TreeSet<String> codes = new TreeSet<>();
            for (Rule r : Rule.values()) {
                codes.add(r.code());
            }
            throw new IllegalArgumentException("perf.validation.rules." + key + "：没有规则“" + code + "”（规则有："
                    + String.join("、", codes) + "）");
        }
        return rule;
    }

    private static RuleSetting.Level level(String key, String value) {
        try {
            return RuleSetting.Level.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) { // the enum's own message names no choices: ours does
            throw new IllegalArgumentException("perf.validation.rules." + key + "=" + value
                    + "：级别应为 ERROR、WARNING 或 OFF");
        }
    }

    private static int year(String key, String value) {
        try {
            int year = Integer.parseInt(value);
            if (year >= ValidationService.MIN_YEAR && year <= ValidationService.MAX_YEAR) {
                return year;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("perf.validation.rules." + key + "=" + value + "：应为 "
                + ValidationService.MIN_YEAR + "–" + ValidationService.MAX_YEAR + " 之间的年份");
    }
}
