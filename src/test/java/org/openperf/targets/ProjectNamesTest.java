package org.openperf.targets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How names are compared across years (docs/year-over-year.md). */
class ProjectNamesTest {

    @Test
    void yearsSpacesFullWidthAndATrailing项目DoNotMakeAnotherProject() {
        String n = ProjectNames.normalise("职业技能培训补贴");
        assertThat(ProjectNames.normalise("2024年 职业技能培训补贴项目")).isEqualTo(n);
        assertThat(ProjectNames.normalise("２０２５年度职业技能　培训补贴")).isEqualTo(n);
        assertThat(ProjectNames.normalise("2025职业技能培训补贴")).isEqualTo(n);
        assertThat(ProjectNames.normalise(" 职业技能培训补贴 项目 ")).isEqualTo(n);
        assertThat(ProjectNames.normalise("（2024年）职业技能培训补贴")).isEqualTo(n);
    }

    @Test
    void numbersThatAreNoYearStayAndOtherNamesStayOther() {
        assertThat(ProjectNames.normalise("新增2000个岗位")).isNotEqualTo(ProjectNames.normalise("新增2100个岗位"));
        assertThat(ProjectNames.normalise("职业技能培训补贴")).isNotEqualTo(ProjectNames.normalise("职业技能鉴定补贴"));
        assertThat(ProjectNames.normalise("项目")).isEqualTo("项目");
        assertThat(ProjectNames.normalise(null)).isEmpty();
    }
}
