package org.openperf.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openperf.targets.Indicator;
import org.openperf.targets.Project;

/** The committed seed 003 workbook (layout E) reads as the published list: eight tables, every indicator. */
class HuangyuanFixtureTest {

    static ReadResult read() throws Exception {
        try (InputStream in = HuangyuanFixtureTest.class.getResourceAsStream("/fixtures/huangyuan-2024-targets.xlsx")) {
            return TargetTableReader.read(in, "huangyuan-2024-targets.xlsx", 2024);
        }
    }

    @Test
    void everyPublishedTableIsReadWithItsIndicators() throws Exception {
        ReadResult r = read();
        assertThat(r.problems()).isEmpty();
        assertThat(r.tables()).extracting(t -> t.project().getCode(), t -> t.project().getName(),
                        t -> t.project().getBudget().setScale(2), t -> t.project().getIndicators().size())
                .containsExactly(
                        tuple("63012300024T000000269", "公益性岗位社保补贴县配资金", new BigDecimal("4.00"), 5),
                        tuple("63012300024T000000338", "公益性岗位岗位补贴县配资金", new BigDecimal("265.00"), 8),
                        tuple("63012300024T000000374", "就业联络员补助县配资金", new BigDecimal("23.10"), 5),
                        tuple("63012300024T000000385", "物业管理及暖气费", new BigDecimal("16.40"), 5),
                        tuple("63012300024T000000389", "就业业务工作经费", new BigDecimal("16.00"), 7),
                        tuple("63012300024T000000792", "就业补助资金", new BigDecimal("738.00"), 17),
                        tuple("63012300024T000001365", "2023年就业补助资金", new BigDecimal("173.86"), 11),
                        tuple("63012300024T000001380", "就业补助资金（上级专项资金)", new BigDecimal("106.10"), 9));
        // The published total (合计 1,342.46) is the sum of the tables, not a table of its own.
        assertThat(r.tables().stream().map(t -> t.project().getBudget()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("1342.46");
        assertThat(r.tables()).allSatisfy(t -> {
            assertThat(t.unitCode()).isEqualTo("723001");
            assertThat(t.project().getCategory()).isEqualTo("3-特定目标类");
            // Every table of the document weighs its indicators at 90; 其中：预算执行率 holds the other 10.
            assertThat(t.project().getIndicators().stream().map(Indicator::getWeight)
                    .reduce(BigDecimal.ZERO, BigDecimal::add)).as(t.project().getName()).isEqualByComparingTo("90");
        });
        Project property = r.tables().get(3).project();
        assertThat(property.getIndicators().get(0).getValue().getText()).isEqualTo("=958.74平方米");
        Project subsidy = r.tables().get(5).project();
        // 二级 as the importer names it (short forms such as 经济效益 are the same 二级), so only 一级, name and value here.
        assertThat(subsidy.getIndicators()).extracting(Indicator::getLevel1, Indicator::getName,
                        i -> i.getValue().getText())
                .contains(tuple("效益指标", "年末城镇失业登记率", "≤3.5%"),
                        tuple("满意度指标", "公共就业服务满意度", "≥85%"));
        assertThat(r.tables().get(4).project().getIndicators()).extracting(Indicator::getLevel1, Indicator::getName)
                .contains(tuple("效益指标", "金保系统正常使用率"), tuple("满意度指标", "享受档案邮寄服务对象满意度"));
    }
}
