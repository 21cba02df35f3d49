package io.iotjobbridge.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import io.iotjobbridge.config.BridgeProperties;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How a configured destination URI becomes the endpoint the bridge writes to, and what a template may say. */
class DestinationTest {

    private static final FileNameTemplate TEMPLATE = new FileNameTemplate("{requestId}-{fileName}");

    @ParameterizedTest
    @ValueSource(strings = {"file:/data/out", "ftp://u@h/dir", "ftps://u@h/dir", "sftp://u@h:2222/dir"})
    void shouldWriteUnderATemporaryNameAndRefuseToOverwriteOnFileComponents(String uri) {
        assertThat(Destination.of("d", uri, TEMPLATE).endpointUri())
                .isEqualTo(uri + "?tempPrefix=.part-&fileExist=Fail");
        assertThat(Destination.of("d", uri + "?password=RAW(x)", TEMPLATE).endpointUri())
                .isEqualTo(uri + "?password=RAW(x)&tempPrefix=.part-&fileExist=Fail");
    }

    @Test
    void shouldKeepTheUsersOwnOptions() {
        assertThat(Destination.of("d", "sftp://u@h/dir?tempFileName=${file:name}.tmp&fileExist=Ignore&tempPrefix=t",
                TEMPLATE).endpointUri()).isEqualTo("sftp://u@h/dir?tempFileName=${file:name}.tmp&fileExist=Ignore&tempPrefix=t");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mock:out", "aws2-s3://bucket?region=eu-west-1", "seda:files"})
    void shouldLeaveOtherComponentsToTheirOwnWayOfWriting(String uri) {
        Destination destination = Destination.of("d", uri, TEMPLATE);

        assertThat(destination.endpointUri()).isEqualTo(uri);
        assertThat(destination.overwritingUri()).isEqualTo(uri);
        assertThat(destination.localFile("x")).isEmpty();
        assertThat(destination.readBackUri("x", Path.of("/work"))).isEmpty();
    }

    @Test
    void shouldOverwriteOnlyWhereTheManifestIsWritten() {
        Destination destination = Destination.of("d", "sftp://u@h/dir?fileExist=Fail&password=RAW(x)", TEMPLATE);

        assertThat(destination.overwritingUri())
                .isEqualTo("sftp://u@h/dir?fileExist=Override&password=RAW(x)&tempPrefix=.part-");
    }

    @Test
    void shouldReadBackOneRemoteFileInPlaceThroughItsFolder() {
        Destination destination = Destination.of("d", "sftp://u@h:2222/upload?password=RAW(x)", TEMPLATE);

        assertThat(destination.readBackUri("aliyun/2026/r-1-data.csv", Path.of("/data/work/.read-back")))
                .contains("sftp://u@h:2222/upload/aliyun/2026?password=RAW(x)&tempPrefix=.part-&fileExist=Fail"
                        + "&fileName=RAW(r-1-data.csv)&noop=true&idempotent=false"
                        + "&localWorkDirectory=RAW(/data/work/.read-back)");
        assertThat(Destination.of("d", "file:/data/out", TEMPLATE).localFile("a/b.csv"))
                .contains(Path.of("/data/out/a/b.csv"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{vendor}/{yyyy}/{requestId}.csv            | must contain {fileName}",
            "/abs/{fileName}                            | must be a relative path without '..' or '\\'",
            "../{fileName}                              | must be a relative path without '..' or '\\'",
            "a\\{fileName}                              | must be a relative path without '..' or '\\'",
            "{vendor}/{path}/{fileName}                 | unknown placeholder {path}",
    })
    void shouldRefuseATemplateAtStartUpNamingTheKeyAndTheRule(String template, String rule) {
        BridgeProperties props = properties(Map.of("bridge.destinations.archive.uri", "file:/x",
                "bridge.destinations.archive.file-name", template));

        assertThatThrownBy(() -> Destinations.fromProperties(props, Path.of("/out")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bridge.destinations.archive.file-name: file name template '" + template + "'")
                .hasMessageContaining(rule);
    }

    @Test
    void shouldRefuseANamedDestinationWithoutAUri() {
        BridgeProperties props = properties(Map.of("bridge.destinations.archive.file-name", "{fileName}"));

        assertThatThrownBy(() -> Destinations.fromProperties(props, Path.of("/out")))
                .hasMessage("bridge.destinations.archive.uri is not set");
    }

    private static BridgeProperties properties(Map<String, String> values) {
        DefaultCamelContext camel = new DefaultCamelContext();
        java.util.Properties initial = new java.util.Properties();
        initial.putAll(values);
        camel.getPropertiesComponent().setInitialProperties(initial);
        return new BridgeProperties(camel.getPropertiesComponent());
    }
}
