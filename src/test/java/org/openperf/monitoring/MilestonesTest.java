package org.openperf.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openperf.monitoring.Fixtures.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.junit.jupiter.api.Test;
import org.openperf.targets.Project;

class MilestonesTest {

    /** The county plan of layout C: 3月底 30 · 6月底 60 · 10月底 90 · 12月底 100. */
    private final Project planned = project("1000", 3, "30.00", 6, "60.00", 10, "90.00", 12, "100.00");

    @Test
    void planMonthsAreTheMilestonesWithThePlannedPercents() {
        List<Milestone> m = Milestones.of(planned);
        assertThat(m).extracting(Milestone::label).containsExactly("3月底", "6月底", "10月底", "12月底");
        assertThat(m).extracting(x -> x.plannedPercent().toPlainString())
                .containsExactly("30.00", "60.00", "90.00", "100.00");
        assertThat(m).allMatch(Milestone::fromPlan);
    }

    @Test
    void monthEndsAreTheFirstInstantOfTheNextMonthInShanghai() {
        List<Milestone> m = Milestones.of(planned);
        // 31 March 24:00 in Beijing is 16:00 UTC the same day.
        assertThat(m).extracting(Milestone::instant).containsExactly(
                Instant.parse("2024-03-31T16:00:00Z"),
                Instant.parse("2024-06-30T16:00:00Z"),
                Instant.parse("2024-10-31T16:00:00Z"),
                Instant.parse("2024-12-31T16:00:00Z"));
        assertThat(m).extracting(Milestone::timerDate).containsExactly(
                "2024-04-01T00:00:00+08:00",
                "2024-07-01T00:00:00+08:00",
                "2024-11-01T00:00:00+08:00",
                "2025-01-01T00:00:00+08:00");
        assertThat(m).extracting(Milestone::lastDay).containsExactly(
                LocalDate.of(2024, 3, 31), LocalDate.of(2024, 6, 30), LocalDate.of(2024, 10, 31),
                LocalDate.of(2024, 12, 31));
    }

    @Test
    void february2024EndsOnThe29th() {
        assertThat(Milestones.endOfMonth(2024, 2)).isEqualTo(Instant.parse("2024-02-29T16:00:00Z"));
        assertThat(Milestones.at(planned, 2).lastDay()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void camundaReadsTheTimerDateAsTheSameInstant() {
        DueDateBusinessCalendar calendar = new DueDateBusinessCalendar();
        for (Milestone m : Milestones.of(planned)) {
            assertThat(calendar.resolveDuedate(m.timerDate()).toInstant()).as(m.label()).isEqualTo(m.instant());
        }
    }

    @Test
    void withoutPlanTheDefaultQuartersWithLinearProgress() {
        Project none = project("1000");
        List<Milestone> m = Milestones.of(none);
        assertThat(m).extracting(Milestone::month).containsExactly(3, 6, 9, 12);
        assertThat(m).extracting(x -> x.plannedPercent().toPlainString())
                .containsExactly("25.00", "50.00", "75.00", "100.00");
        assertThat(m).noneMatch(Milestone::fromPlan);
        assertThat(m.get(2).instant()).isEqualTo(Instant.parse("2024-09-30T16:00:00Z"));
    }

    @Test
    void otherDefaultMonthsFromTheSetting() {
        List<Milestone> m = Milestones.of(project("1000"), List.of(12, 4, 8));
        assertThat(m).extracting(Milestone::month).containsExactly(4, 8, 12);
        assertThat(m).extracting(x -> x.plannedPercent().toPlainString())
                .containsExactly("33.33", "66.67", "100.00");
    }

    @Test
    void linearProgressIsRoundedHalfUpToTwoDecimals() {
        assertThat(Milestones.linear(1)).isEqualByComparingTo("8.33");
        assertThat(Milestones.linear(7)).isEqualByComparingTo("58.33");
        assertThat(Milestones.linear(8)).isEqualByComparingTo("66.67");
        assertThat(Milestones.linear(10)).isEqualByComparingTo("83.33");
        assertThat(Milestones.linear(12)).isEqualByComparingTo("100.00");
    }

    @Test
    void everyMonthEndAtOnceIsWhatEachMonthGivesAlone() {
        // The county plan: 3月底 30 · 6月底 60 · 10月底 90 · 12月底 100, straight lines between (from 0 in January).
        assertThat(Milestones.monthEnds(planned)).extracting(x -> x.plannedPercent().toPlainString()).containsExactly(
                "10.00", "20.00", "30.00", "40.00", "50.00", "60.00", "67.50", "75.00", "82.50", "90.00", "95.00",
                "100.00");
        for (Project p : List.of(planned, project("1000"), project("1000", 12, "100", 6, "60", 3, "30"))) {
            List<Milestone> all = Milestones.monthEnds(p);
            for (int month = 1; month <= 12; month++) {
                assertThat(all.get(month - 1)).as(month + "月底").isEqualTo(Milestones.at(p, month));
            }
        }
    }

    @Test
    void planGivenOutOfOrderIsSortedByMonth() {
        Project p = project("1000", 12, "100", 6, "60", 3, "30");
        assertThat(Milestones.of(p)).extracting(Milestone::month).containsExactly(3, 6, 12);
    }

    @Test
    void planWithZeroEarlyMilestonesKeepsThem() {
        Project p = project("1000", 3, "0", 6, "0.00", 10, "100.00", 12, "100.00");
        List<Milestone> m = Milestones.of(p);
        assertThat(m).extracting(x -> x.plannedPercent().toPlainString())
                .containsExactly("0.00", "0.00", "100.00", "100.00");
    }

    @Test
    void roundMonthBetweenPlanMonthsIsOnTheStraightLine() {
        // 7月底 between 6月底 60 and 10月底 90: 60 + 30 × 1/4 = 67.50
        assertThat(Milestones.at(planned, 7).plannedPercent()).isEqualByComparingTo("67.50");
        // 1月底 between the start of the year (0) and 3月底 30: 10.00
        assertThat(Milestones.at(planned, 1).plannedPercent()).isEqualByComparingTo("10.00");
        // 8月底: 60 + 30 × 2/4 = 75.00
        assertThat(Milestones.at(planned, 8).plannedPercent()).isEqualByComparingTo("75.00");
        assertThat(Milestones.at(planned, 6).plannedPercent()).isEqualByComparingTo("60.00");
        assertThat(Milestones.at(planned, 7).fromPlan()).isTrue();
        // after the last plan month (a plan that ends at 10月底 100): stays 100
        assertThat(Milestones.at(project("1", 10, "100"), 11).plannedPercent()).isEqualByComparingTo("100.00");
        // without plan: 7/12
        assertThat(Milestones.at(project("1"), 7).plannedPercent()).isEqualByComparingTo("58.33");
        assertThat(Milestones.at(project("1"), 7).timerDate()).isEqualTo("2024-08-01T00:00:00+08:00");
    }
}
