package org.openperf.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Finance's sample: an exact share drawn from the seed, plus every 差 and every large project. */
class RecheckSampleTest {

    static final List<Long> ROUND = LongStream.rangeClosed(101, 200).boxed().toList();

    @Test
    void theShareIsTheRoundedUpPartOfTheRoundAndTheSameForTheSameSeedInAnyOrder() {
        RecheckSample a = new RecheckSample(42L, ROUND, new BigDecimal("20"));
        assertThat(a.drawn()).hasSize(20).doesNotHaveDuplicates().isSubsetOf(ROUND);
        List<Long> shuffled = new ArrayList<>(ROUND);
        java.util.Collections.shuffle(shuffled, new java.util.Random(7));
        assertThat(new RecheckSample(42L, shuffled, new BigDecimal("20")).drawn()).isEqualTo(a.drawn());
        assertThat(new RecheckSample(43L, ROUND, new BigDecimal("20")).drawn()).isNotEqualTo(a.drawn());
        // 20% of 23 is 4.6: five are drawn; of 2, one; none of none; all at 100%.
        assertThat(new RecheckSample(1L, ROUND.subList(0, 23), new BigDecimal("20")).drawn()).hasSize(5);
        assertThat(new RecheckSample(1L, ROUND.subList(0, 2), new BigDecimal("20")).drawn()).hasSize(1);
        assertThat(new RecheckSample(1L, List.of(), new BigDecimal("20")).drawn()).isEmpty();
        assertThat(new RecheckSample(1L, ROUND, new BigDecimal("100")).drawn()).hasSize(100);
        assertThat(new RecheckSample(1L, ROUND, BigDecimal.ZERO).drawn()).isEmpty();
    }

    @Test
    void everyPoorAndEveryLargeProjectIsRecheckedWhateverItsDraw() {
        RecheckSample s = new RecheckSample(42L, ROUND, BigDecimal.ZERO);
        RecheckSettings settings = RecheckSettings.defaults();
        assertThat(s.reasons(101L, Grade.GOOD, new BigDecimal("1000"), settings)).isEmpty();
        assertThat(s.reasons(101L, Grade.GOOD, new BigDecimal("1000.01"), settings))
                .containsExactly(RecheckSample.Reason.LARGE_BUDGET);
        assertThat(s.reasons(101L, Grade.POOR, new BigDecimal("5"), settings))
                .containsExactly(RecheckSample.Reason.POOR);
        assertThat(s.reasons(101L, Grade.FAIR, new BigDecimal("5"), settings)).isEmpty();
        RecheckSample all = new RecheckSample(42L, ROUND, new BigDecimal("100"));
        assertThat(all.reasons(150L, Grade.POOR, new BigDecimal("2000"), settings)).containsExactly(
                RecheckSample.Reason.SHARE, RecheckSample.Reason.POOR, RecheckSample.Reason.LARGE_BUDGET);
    }

    @Test
    void theDrawIsFixedArithmeticNotTheJdksRandom() {
        // SplitMix64 of (seed, id): these values must never change, or published samples could not be re-run.
        // Seed 0, id 1 is SplitMix64's first output from seed 0, 0xE220A8397B1DCDAF (the reference value), halved.
        assertThat(RecheckSample.draw(0L, 1L)).isEqualTo(RecheckSample.draw(0L, 1L)).isNotNegative();
        assertThat(RecheckSample.draw(0L, 1L)).isNotEqualTo(RecheckSample.draw(0L, 2L));
        assertThat(RecheckSample.draw(0L, 1L)).isEqualTo(0xE220A8397B1DCDAFL >>> 1);
    }

    @Test
    void aShareOutsideZeroToHundredIsRefusedInChinese() {
        assertThatThrownBy(() -> new RecheckSettings(new BigDecimal("120"), null))
                .hasMessageContaining("抽样比例");
    }
}
