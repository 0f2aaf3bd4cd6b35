package org.openperf.evaluation;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which self-evaluations finance re-checks (财政复核), {@code perf.recheck.*}: a share of the round drawn from its
 * seed, plus every 差 and every project whose 全年预算数 is above a threshold.
 *
 * @param sharePercent     the share of the round's projects drawn at random, in percent (20)
 * @param largeBudgetAbove 全年预算数 in 万元 above which a project is always re-checked (1000)
 */
@ConfigurationProperties(prefix = "perf.recheck")
public record RecheckSettings(@DefaultValue("20") BigDecimal sharePercent,
                              @DefaultValue("1000") BigDecimal largeBudgetAbove) {

    public RecheckSettings {
        sharePercent = sharePercent != null ? sharePercent : new BigDecimal("20");
        largeBudgetAbove = largeBudgetAbove != null ? largeBudgetAbove : new BigDecimal("1000");
        if (sharePercent.signum() < 0 || sharePercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("抽样比例 perf.recheck.share-percent 须在 0 到 100 之间，现为 "
                    + sharePercent.toPlainString());
        }
    }

    public static RecheckSettings defaults() {
        return new RecheckSettings(null, null);
    }
}
