package io.iotjobbridge.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import io.iotjobbridge.ledger.DeliveredFile;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.vendor.ResultContent;
import io.iotjobbridge.vendor.ResultFile;
import io.iotjobbridge.vendor.Vendor;
import io.iotjobbridge.vendor.VendorException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link Delivery} writes to a folder, an SFTP server and a mock endpoint, and what it finds already there. */
class DeliveryTest {

    private static final Instant CREATED = Instant.parse("2026-03-04T05:06:07.123Z");
    private static final JobRecord JOB = new JobRecord("job-1", "req-1", Vendor.ALIYUN, "default",
            "CreateDownloadDataJob", "default", "{\"StartTime\": 1658332800000, \"EndTime\": 1658406464534}", null,
            JobState.DOWNLOADING, "vendor-job-1", "1", 100, null, 0, CREATED, CREATED, CREATED, 3);
    private static final FileNameTemplate TEMPLATE = new FileNameTemplate(Destinations.DEFAULT_TEMPLATE);
    private static final String TARGET = "aliyun/CreateDownloadDataJob/2026/03/04/req-1-data.csv";

    @TempDir
    Path dir;

    private CamelContext camel;
    private Delivery delivery;
    private SftpServer sftp;

    @BeforeEach
    void start() throws Exception {
        camel = new DefaultCamelContext();
        camel.start();
        delivery = new Delivery(camel.createProducerTemplate(), camel.createConsumerTemplate(),
                dir.resolve("read-back"), Clock.fixed(CREATED, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        if (sftp != null) {
            sftp.close();
        }
    }

    @Test
    void shouldWriteToAFolderUnderTheTemplateNameWithTheSizeAndSha256OfTheBytes() throws Exception {
        Destination outbox = Destination.of("default", "file:" + dir.resolve("outbox"), TEMPLATE);

        DeliveredFile done = delivery.deliver(JOB, file("data.csv", "a,b\n1,2\n"), outbox);

        assertThat(done.name()).isEqualTo(TARGET);
        assertThat(done.location()).isEqualTo("default:" + TARGET);
        assertThat(done.sizeBytes()).isEqualTo(8);
        assertThat(done.sha256()).isEqualTo(sha256("a,b\n1,2\n"));
        assertThat(dir.resolve("outbox").resolve(TARGET)).hasContent("a,b\n1,2\n");
        assertThat(filesUnder(dir.resolve("outbox"))).containsExactly(TARGET);
    }

    @Test
    void shouldKeepAVendorFileNameThatClimbsOrIsAbsoluteInsideTheDestinationFolder() throws Exception {
        Destination outbox = Destination.of("default", "file:" + dir.resolve("outbox"),
                new FileNameTemplate("{requestId}-{fileName}"));

        for (String hostile : List.of("../../escaped.csv", "/tmp/absolute.csv", "..\\..\\windows.csv",
                "%2e%2e/encoded.csv", "nul\0byte.csv", "..")) {
            delivery.deliver(JOB, file(hostile, hostile), outbox);
        }

        assertThat(filesUnder(dir.resolve("outbox"))).containsExactlyInAnyOrder("req-1-escaped.csv",
                "req-1-absolute.csv", "req-1-windows.csv", "req-1-encoded.csv", "req-1-nul_byte.csv", "req-1-file");
        assertThat(filesUnder(dir)).as("nothing lands outside the outbox").allMatch(name -> name.startsWith("outbox/"));
    }

    @Test
    void shouldNeverOverwriteADifferentFileInAFolder() throws Exception {
        Destination outbox = Destination.of("default", "file:" + dir.resolve("outbox"), TEMPLATE);
        Path existing = Files.createDirectories(dir.resolve("outbox").resolve(TARGET).getParent()).resolve("req-1-data.csv");
        Files.writeString(existing, "someone else's");

        assertThatThrownBy(() -> delivery.deliver(JOB, file("data.csv", "the vendor's"), outbox))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(VendorException.Kind.PERMANENT);
                    assertThat(e.getMessage()).contains("a different file already exists at default:" + TARGET);
                });
        assertThat(existing).hasContent("someone else's");
    }

    @Test
    void shouldWriteToAnSftpServerUnderATemporaryNameThenTheTemplateName() throws Exception {
        Destination remote = sftpDestination("upload");

        DeliveredFile done = delivery.deliver(JOB, file("data.csv", "a,b\n1,2\n"), remote);

        assertThat(done.location()).isEqualTo("remote:" + TARGET);
        assertThat(done.sha256()).isEqualTo(sha256("a,b\n1,2\n"));
        assertThat(sftp.root().resolve("upload").resolve(TARGET)).hasContent("a,b\n1,2\n");
        assertThat(filesUnder(sftp.root())).as("no temporary .part- file is left").containsExactly("upload/" + TARGET);
    }

    @Test
    void shouldAdoptAnIdenticalFileAnInterruptedAttemptLeftOnTheSftpServer() throws Exception {
        Destination remote = sftpDestination("upload");
        Path existing = Files.createDirectories(sftp.root().resolve("upload").resolve(TARGET).getParent())
                .resolve("req-1-data.csv");
        Files.writeString(existing, "a,b\n1,2\n");
        Files.setLastModifiedTime(existing, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));

        DeliveredFile done = delivery.deliver(JOB, file("data.csv", "a,b\n1,2\n"), remote);

        assertThat(done.sizeBytes()).isEqualTo(8);
        assertThat(done.sha256()).isEqualTo(sha256("a,b\n1,2\n"));
        assertThat(Files.getLastModifiedTime(existing).toInstant()).as("read back, not written again")
                .isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(filesUnder(dir.resolve("read-back"))).as("the read-back copy is removed").isEmpty();
    }

    @Test
    void shouldNeverOverwriteADifferentFileOnTheSftpServer() throws Exception {
        Destination remote = sftpDestination("upload");
        Path existing = Files.createDirectories(sftp.root().resolve("upload").resolve(TARGET).getParent())
                .resolve("req-1-data.csv");
        Files.writeString(existing, "someone else's");

        assertThatThrownBy(() -> delivery.deliver(JOB, file("data.csv", "the vendor's"), remote))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(VendorException.Kind.PERMANENT);
                    assertThat(e.getMessage()).contains("a different file already exists at remote:" + TARGET)
                            .doesNotContain("s3cret");
                });
        assertThat(existing).hasContent("someone else's");
    }

    @Test
    void shouldRetryWhenTheSftpServerCannotBeReachedWithoutNamingItsPassword() throws Exception {
        Destination remote = sftpDestination("upload");
        sftp.close();

        assertThatThrownBy(() -> delivery.deliver(JOB, file("data.csv", "a"), remote))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(VendorException.Kind.RETRYABLE);
                    assertThat(e.getMessage()).contains("could not write " + TARGET + " to destination remote")
                            .doesNotContain("s3cret");
                });
        sftp = null;
    }

    @Test
    void shouldWriteTheManifestNextToTheFilesAndAdoptAnIdenticalOne() throws Exception {
        Destination outbox = Destination.of("default", "file:" + dir.resolve("outbox"), TEMPLATE);
        Manifest manifest = Manifest.of(JOB, List.of(new DeliveredFile(TARGET, "default:" + TARGET, 8, "ab", CREATED)));
        Path written = dir.resolve("outbox/aliyun/CreateDownloadDataJob/2026/03/04/req-1-manifest.json");

        DeliveredFile first = delivery.deliverManifest(JOB, outbox, manifest);
        Files.setLastModifiedTime(written, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        DeliveredFile again = delivery.deliverManifest(JOB, outbox, manifest);

        assertThat(written).hasBinaryContent(manifest.toJson());
        assertThat(again).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(written).toInstant()).as("an identical manifest is left as it is")
                .isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
    }

    @Test
    void shouldReplaceAManifestThatDiffersFromTheLedgersInsteadOfFailingTheJob() throws Exception {
        Destination outbox = Destination.of("default", "file:" + dir.resolve("outbox"), TEMPLATE);
        Manifest manifest = Manifest.of(JOB, List.of());
        Path written = Files.createDirectories(dir.resolve("outbox/aliyun/CreateDownloadDataJob/2026/03/04"))
                .resolve("req-1-manifest.json");
        Files.writeString(written, "{\"stale\": true}");

        delivery.deliverManifest(JOB, outbox, manifest);

        assertThat(written).hasBinaryContent(manifest.toJson());
        assertThat(filesUnder(dir.resolve("outbox"))).as("no temporary file is left")
                .containsExactly("aliyun/CreateDownloadDataJob/2026/03/04/req-1-manifest.json");
    }

    @Test
    void shouldRewriteTheManifestOnTheSftpServerWithTheSameBytes() throws Exception {
        Destination remote = sftpDestination("upload");
        Manifest manifest = Manifest.of(JOB, List.of());

        delivery.deliverManifest(JOB, remote, manifest);
        DeliveredFile again = delivery.deliverManifest(JOB, remote, manifest);

        assertThat(sftp.root().resolve("upload/aliyun/CreateDownloadDataJob/2026/03/04/req-1-manifest.json"))
                .hasBinaryContent(manifest.toJson());
        assertThat(again.sha256()).isEqualTo(sha256(new String(manifest.toJson(), StandardCharsets.UTF_8)));
    }

    @Test
    void shouldMoveAResultFileNamedLikeTheManifestAside() {
        Destination outbox = Destination.of("default", "file:" + dir.resolve("outbox"), TEMPLATE);

        assertThat(delivery.targetName(JOB, file("Manifest.json", ""), outbox))
                .isEqualTo("aliyun/CreateDownloadDataJob/2026/03/04/req-1-result-Manifest.json")
                .isNotEqualTo(delivery.manifestName(JOB, outbox));
    }

    @Test
    void shouldCallItTruncatedWhenAnEndpointDoesNotTakeAllTheBytes() {
        Destination mock = Destination.of("audit", "mock:audit", TEMPLATE);

        assertThatThrownBy(() -> delivery.deliver(JOB, file("data.csv", "a,b\n1,2\n"), mock))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(VendorException.Kind.RETRYABLE);
                    assertThat(e.getMessage()).contains("received 0 of 8 bytes");
                });
    }

    @Test
    void shouldHandTheBytesAndTheirNameToAnyOtherCamelEndpoint() throws Exception {
        Destination mock = Destination.of("audit", "mock:audit", TEMPLATE);
        MockEndpoint endpoint = camel.getEndpoint("mock:audit", MockEndpoint.class);
        endpoint.expectedMessageCount(1);
        endpoint.expectedHeaderReceived(Exchange.FILE_NAME, TARGET);
        endpoint.expectedBodiesReceived("a,b\n1,2\n");
        // a real component reads the stream it is given; the mock keeps it unread unless told to read it
        endpoint.whenAnyExchangeReceived(exchange -> exchange.getIn().setBody(exchange.getIn().getBody(String.class)));

        DeliveredFile done = delivery.deliver(JOB, file("data.csv", "a,b\n1,2\n"), mock);

        endpoint.assertIsSatisfied();
        assertThat(done.location()).isEqualTo("audit:" + TARGET);
        assertThat(done.sha256()).isEqualTo(sha256("a,b\n1,2\n"));
    }

    private Destination sftpDestination(String folder) throws Exception {
        sftp = SftpServer.start(dir.resolve("sftp-root"), dir, "s3cret");
        return Destination.of("remote", sftp.endpointUri(folder), TEMPLATE);
    }

    private static ResultFile file(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new ResultFile() {
            @Override
            public String fileName() {
                return name;
            }

            @Override
            public ResultContent open() {
                return new ResultContent(new ByteArrayInputStream(bytes), bytes.length);
            }
        };
    }

    static String sha256(String content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> filesUnder(Path root) throws Exception {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> !name.endsWith("host-key.ser")).sorted().toList();
        }
    }
}
