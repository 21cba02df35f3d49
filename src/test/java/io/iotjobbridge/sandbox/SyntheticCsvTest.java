package io.iotjobbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticCsvTest {

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 31, 32, 95, 96, 97, 159, 160, 161, 65_536, 100_000, 1_048_577})
    void shouldProduceExactlyTheRequestedNumberOfBytes(long size) throws IOException {
        try (InputStream csv = SyntheticCsv.open("job", size)) {
            assertThat(csv.readAllBytes()).hasSize((int) size);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {96, 97, 159, 160, 161, 65_536, 100_000})
    void shouldBeMadeOfWholeRowsWithTheDocumentedCount(long size) throws IOException {
        String text = new String(SyntheticCsv.open("job", size).readAllBytes(), StandardCharsets.US_ASCII);
        String[] lines = text.split("\n", -1);

        assertThat(text).endsWith("\n");
        assertThat(lines[0]).isEqualTo("timestamp,device,seq,value,note");
        // the last element after the final newline is empty
        assertThat(lines.length - 2).isEqualTo(SyntheticCsv.rowCount(size));
        Arrays.stream(lines, 1, lines.length - 1)
                .forEach(line -> assertThat(line).matches("\\d{13},device-\\d{4},\\d{10},\\d{3}\\.\\d{3},[a-z]+"));
    }

    @Test
    void shouldCutTinySizesFromTheSmallestWholeFile() throws IOException {
        byte[] smallestWhole = SyntheticCsv.open("job", SyntheticCsv.MINIMUM_WHOLE_FILE).readAllBytes();

        assertThat(SyntheticCsv.MINIMUM_WHOLE_FILE).isEqualTo(SyntheticCsv.HEADER_BYTES + SyntheticCsv.ROW_BYTES);
        assertThat(SyntheticCsv.open("job", 50).readAllBytes()).isEqualTo(Arrays.copyOf(smallestWhole, 50));
        assertThat(SyntheticCsv.rowCount(SyntheticCsv.MINIMUM_WHOLE_FILE - 1)).isZero();
    }

    @Test
    void shouldBeDeterministicPerSeedAndDifferAcrossSeeds() throws IOException {
        byte[] first = SyntheticCsv.open("job-a", 10_000).readAllBytes();
        byte[] again = SyntheticCsv.open("job-a", 10_000).readAllBytes();
        byte[] other = SyntheticCsv.open("job-b", 10_000).readAllBytes();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void shouldReadTheSameBytesWhateverTheReadSizes() throws IOException {
        byte[] whole = SyntheticCsv.open("job", 5_000).readAllBytes();
        byte[] piecewise = new byte[5_000];
        try (InputStream csv = SyntheticCsv.open("job", 5_000)) {
            int at = 0;
            int step = 1;
            while (at < piecewise.length) {
                int n = csv.read(piecewise, at, Math.min(step, piecewise.length - at));
                at += n;
                step = step % 97 + 7;
            }
            assertThat(csv.read()).isEqualTo(-1);
        }

        assertThat(piecewise).isEqualTo(whole);
    }

    @Test
    void shouldOpenHugeSizesWithoutAllocatingThem() throws IOException {
        try (InputStream csv = SyntheticCsv.open("job", Long.MAX_VALUE)) {
            assertThat(csv.readNBytes(1_000)).hasSize(1_000);
        }
    }
}
