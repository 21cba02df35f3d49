package io.iotjobbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.iotjobbridge.sandbox.CsvDigests;
import io.iotjobbridge.sandbox.SyntheticCsv;
import io.iotjobbridge.testing.PackagedJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged bridge, in its own JVM limited to 64 MiB of heap, delivers a 256 MiB CSV: the download can only have
 * been streamed, since the file is four times larger than the heap.
 */
class StreamedDownloadIT {

    private static final long FILE_BYTES = 256L * 1024 * 1024;

    @TempDir
    Path dataDir;

    @Test
    void shouldStreamA256MiBFileThroughA64MiBHeap() throws Exception {
        Path log = dataDir.resolve("bridge.log");
        Files.createDirectories(dataDir.resolve("inbox"));
        Process bridge = PackagedJar.start(List.of(
                "-Xmx64m", "-XX:+ExitOnOutOfMemoryError",
                "-Dbridge.data-dir=" + dataDir,
                "-Dbridge.sandbox.port=" + PackagedJar.freePort(),
                "-Dbridge.sandbox.aliyun.csv-bytes=" + FILE_BYTES,
                "-Dbridge.sandbox.aliyun.initializing-ms=100",
                "-Dbridge.sandbox.aliyun.queued-ms=100",
                "-Dbridge.sandbox.aliyun.running-ms=100",
                "-Dbridge.inbox.poll-ms=100",
                "-Dbridge.inbox.read-lock-min-age-ms=100",
                "-Dbridge.engine.tick-ms=100",
                "-Dbridge.engine.poll-initial-ms=100"), List.of(), log);
        try {
            Path staged = Files.copy(Path.of("samples/requests/aliyun-download-product-info.json"),
                    dataDir.resolve("request.json"));
            Files.move(staged, dataDir.resolve("inbox/request.json"));

            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
                assertThat(bridge.isAlive()).as("bridge process (log: %s)", Files.readString(log)).isTrue();
                return deliveredCsv().isPresent();
            });

            Path csv = deliveredCsv().orElseThrow();
            assertThat(Files.size(csv)).isGreaterThanOrEqualTo(FILE_BYTES);
            String longJobId = Files.readString(log).lines().filter(l -> l.contains(") is SUBMITTED"))
                    .findFirst().map(StreamedDownloadIT::vendorJobId).orElseThrow();
            assertThat(CsvDigests.sha256(Files.newInputStream(csv)))
                    .isEqualTo(CsvDigests.sha256(SyntheticCsv.open(longJobId, Files.size(csv))));
            assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
        } finally {
            bridge.destroy();
            bridge.waitFor();
        }
    }

    private java.util.Optional<Path> deliveredCsv() throws Exception {
        Path outbox = dataDir.resolve("outbox");
        if (!Files.exists(outbox)) {
            return java.util.Optional.empty();
        }
        try (Stream<Path> files = Files.walk(outbox)) {
            return files.filter(p -> p.toString().endsWith(".csv") && !p.getFileName().toString().startsWith("."))
                    .findFirst();
        }
    }

    /** "… (aliyun CreateDownloadDataJob <id>) is SUBMITTED" → the vendor job id. */
    private static String vendorJobId(String line) {
        String marker = "CreateDownloadDataJob ";
        int start = line.indexOf(marker) + marker.length();
        return line.substring(start, line.indexOf(')', start));
    }
}
