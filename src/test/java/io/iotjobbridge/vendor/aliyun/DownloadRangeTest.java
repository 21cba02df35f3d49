package io.iotjobbridge.vendor.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a download range over the vendor's 3 days is cut into parts: every millisecond in exactly one part. */
class DownloadRangeTest {

    private static final long S = 1_658_332_800_000L;
    private static final long MS_PER_DAY = 86_400_000L;
    private static final long THREE_DAYS = 3 * MS_PER_DAY;

    private static List<DownloadRange> parts(long span) {
        return new DownloadRange(S, S + span).parts();
    }

    @Test
    void shouldKeepARangeOfAtMostThreeDaysWhole() {
        assertThat(parts(1)).containsExactly(new DownloadRange(S, S + 1));
        assertThat(parts(THREE_DAYS)).containsExactly(new DownloadRange(S, S + THREE_DAYS));
        assertThat(new DownloadRange(S, S + THREE_DAYS).fitsOneDownload()).isTrue();
    }

    @Test
    void shouldSplitOneMillisecondOverThreeDaysIntoTwoParts() {
        assertThat(new DownloadRange(S, S + THREE_DAYS + 1).fitsOneDownload()).isFalse();
        assertThat(parts(THREE_DAYS + 1)).containsExactly(
                new DownloadRange(S, S + THREE_DAYS - 1),
                new DownloadRange(S + THREE_DAYS, S + THREE_DAYS + 1));
    }

    @Test
    void shouldSplitAnExactMultipleOfThreeDaysIntoThatManyParts() {
        assertThat(parts(2 * THREE_DAYS)).containsExactly(
                new DownloadRange(S, S + THREE_DAYS - 1),
                new DownloadRange(S + THREE_DAYS, S + 2 * THREE_DAYS));
        assertThat(parts(3 * THREE_DAYS)).hasSize(3);
    }

    @Test
    void shouldSplitSevenDaysIntoThreeDaysThreeDaysAndOneDay() {
        assertThat(parts(7 * MS_PER_DAY)).containsExactly(
                new DownloadRange(S, S + THREE_DAYS - 1),
                new DownloadRange(S + THREE_DAYS, S + 2 * THREE_DAYS - 1),
                new DownloadRange(S + 2 * THREE_DAYS, S + 7 * MS_PER_DAY));
    }

    @Test
    void shouldSplitThirtyOneDaysIntoElevenParts() {
        List<DownloadRange> parts = parts(31 * MS_PER_DAY);

        assertThat(parts).hasSize(11);
        assertThat(parts.get(10)).isEqualTo(new DownloadRange(S + 30 * MS_PER_DAY, S + 31 * MS_PER_DAY));
    }

    @ParameterizedTest
    @ValueSource(longs = {THREE_DAYS + 1, THREE_DAYS + 2, 2 * THREE_DAYS - 1, 2 * THREE_DAYS, 2 * THREE_DAYS + 1,
            7 * MS_PER_DAY, 10 * MS_PER_DAY + 12_345, 31 * MS_PER_DAY - 1, 31 * MS_PER_DAY})
    void shouldCoverTheRangeExactlyWithPartsTheVendorTakes(long span) {
        List<DownloadRange> parts = parts(span);

        assertThat(parts.get(0).startTime()).isEqualTo(S);
        assertThat(parts.get(parts.size() - 1).endTime()).isEqualTo(S + span);
        for (int i = 1; i < parts.size(); i++) {
            assertThat(parts.get(i).startTime()).as("part %d starts 1 ms after part %d ends", i + 1, i)
                    .isEqualTo(parts.get(i - 1).endTime() + 1);
        }
        assertThat(parts).allSatisfy(part -> assertThat(part.fitsOneDownload()).isTrue());
        assertThat(parts.stream().mapToLong(p -> p.endTime() - p.startTime() + 1).sum())
                .as("milliseconds covered, EndTime included").isEqualTo(span + 1);
        assertThat(parts).hasSize((int) ((span + THREE_DAYS - 1) / THREE_DAYS));
    }

    @Test
    void shouldRefuseAnEmptyOrBackwardsRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DownloadRange(S, S));
        assertThatIllegalArgumentException().isThrownBy(() -> new DownloadRange(S, S - 1));
    }
}
