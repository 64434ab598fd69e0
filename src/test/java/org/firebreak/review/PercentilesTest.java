package org.firebreak.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    private static List<Duration> seconds(long... values) {
        return LongStream.of(values).mapToObj(Duration::ofSeconds).toList();
    }

    @Test
    void theNearestRankIsTheValueAtRankCeilingOfPTimesN() {
        List<Duration> ten = seconds(10, 1, 9, 2, 8, 3, 7, 4, 6, 5);
        assertThat(Percentiles.of(ten, 50)).isEqualTo(Duration.ofSeconds(5));
        assertThat(Percentiles.of(ten, 90)).isEqualTo(Duration.ofSeconds(9));
        assertThat(Percentiles.of(ten, 100)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theMedianOfAnEvenCountIsTheLowerMiddleValueNotAnAverage() {
        assertThat(Percentiles.of(seconds(1, 2, 3, 100), 50)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void fewValuesGiveTheLargestAsP90AndNoneGiveNothing() {
        assertThat(Percentiles.of(seconds(30), 90)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Percentiles.of(seconds(30, 40, 50), 90)).isEqualTo(Duration.ofSeconds(50));
        assertThat(Percentiles.of(List.of(), 50)).isNull();
    }
}
