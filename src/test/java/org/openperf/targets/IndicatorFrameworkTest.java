package org.openperf.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** 二级 spellings of published tables, read from the synonyms file. */
class IndicatorFrameworkTest {

    @Test
    void longAndShortFormsOfLevel2NamesAreTheFrameworkNames() {
        assertThat(IndicatorFramework.level2("可持续发展影响指标")).isEqualTo("可持续影响指标");
        assertThat(IndicatorFramework.level2("可持续 发展影响")).isEqualTo("可持续影响指标");
        assertThat(IndicatorFramework.level2("经济成本")).isEqualTo("经济成本指标");
        assertThat(IndicatorFramework.level2("服务对象满意度")).isEqualTo("服务对象满意度指标");
        assertThat(IndicatorFramework.level2("服务对象")).isEqualTo("服务对象满意度指标"); // seed 003
        assertThat(IndicatorFramework.belongsTo("效益指标", "可持续发展影响指标")).isTrue();
        assertThat(IndicatorFramework.belongsTo("产出指标", "可持续发展影响指标")).isFalse();
        assertThat(IndicatorFramework.level2("可持续发展")).isNull();
    }

    @Test
    void aSynonymsFileWithAnUnknownNameOrASpellingUnderTwoNamesIsRefused() {
        assertThatThrownBy(() -> IndicatorFramework.readSynonyms("validation/level2-synonyms-unknown.yaml"))
                .hasMessageContaining("社会福利指标").hasMessageContaining("不是指标体系中的二级指标");
        assertThatThrownBy(() -> IndicatorFramework.readSynonyms("validation/level2-synonyms-twice.yaml"))
                .hasMessageContaining("可持续发展影响指标").hasMessageContaining("同时列在");
        assertThatThrownBy(() -> IndicatorFramework.readSynonyms("validation/none.yaml"))
                .hasMessageContaining("不存在");
    }
}
