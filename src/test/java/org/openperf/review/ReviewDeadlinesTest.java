package org.openperf.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The reminder settings are checked when the app starts, with the setting's name in the message. */
class ReviewDeadlinesTest {

    @Test
    void aCronOrAnIsoCycleIsTakenAndAnythingElseIsRefusedByName() {
        assertThat(new ReviewDeadlines(10, "0 0 * * * ?", 200).sweepCycle()).isEqualTo("0 0 * * * ?");
        assertThat(new ReviewDeadlines(10, " R/PT1H ", 200).sweepCycle()).isEqualTo("R/PT1H");
        assertThatThrownBy(() -> new ReviewDeadlines(10, "hourly", 200))
                .hasMessageContaining("perf.review.reminder-sweep").hasMessageContaining("hourly");
        assertThatThrownBy(() -> new ReviewDeadlines(0, "0 0 * * * ?", 200))
                .hasMessageContaining("perf.review.due-days");
        assertThatThrownBy(() -> new ReviewDeadlines(10, "0 0 * * * ?", 0))
                .hasMessageContaining("perf.review.reminder-batch");
    }
}
