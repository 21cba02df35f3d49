package io.iotjobbridge.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.iotjobbridge.config.Accounts;
import io.iotjobbridge.config.BridgeProperties;
import io.iotjobbridge.job.JobIntake;
import io.iotjobbridge.request.RequestRules;
import io.iotjobbridge.request.Violation;
import io.iotjobbridge.sandbox.SandboxLink;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateCommandTest {

    private static final Path SAMPLES = Path.of("samples/requests");

    @TempDir
    Path dir;

    @Test
    void shouldReportAValidFileWithItsRequestCount() {
        Path file = SAMPLES.resolve("aliyun-download-product-info.json");

        Cli.Result result = Cli.run("validate", file.toString());

        assertThat(result.exit()).isEqualTo(0);
        assertThat(result.lines()).containsExactly(file + ": valid (1 request)");
    }

    @Test
    void shouldPrintEveryViolationAsTheFileDropWouldAndExitThree() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, """
                {"vendor": "aliyun", "account": "nobody", "operation": "CreateDownloadDataJob",
                 "params": {"TableName": "product_info", "DownloadDataType": "TABLE",
                            "StartTime": 1658406464534, "EndTime": 1658332800000},
                 "destination": "nowhere"}
                """);

        Cli.Result result = Cli.run("validate", file.toString());

        assertThat(result.exit()).isEqualTo(3);
        // the same texts a dropped file gets in its .error.json, from JobIntake with the bridge's default settings
        assertThat(result.lines()).isNotEmpty().containsExactlyElementsOf(
                dropFileReasons(Files.readAllBytes(file)).stream().map(v -> file + ": " + v.field() + ": " + v.rule())
                        .toList());
        assertThat(result.out())
                .contains(file + ": account: 'nobody' is not configured for aliyun")
                .contains(file + ": destination: 'nowhere' is not configured")
                .contains(file + ": params.EndTime:");
    }

    @Test
    void shouldCountEveryRequestOfAValidBatch() {
        Path file = SAMPLES.resolve("batch-reports.jsonl");

        Cli.Result result = Cli.run("validate", file.toString());

        assertThat(result.exit()).isEqualTo(0);
        assertThat(result.lines()).containsExactly(file + ": valid (3 requests)");
    }

    @Test
    void shouldLocateEachBrokenItemOfABatch() throws Exception {
        String good = Files.readString(SAMPLES.resolve("aliyun-download-product-info.json")).replaceAll("\\s+", " ");
        Path lines = dir.resolve("batch.jsonl");
        Files.writeString(lines, good + "\n" + good.replace("\"product_info\"", "\"\"") + "\n");
        Path array = dir.resolve("batch.json");
        Files.writeString(array, "[" + good + "," + good.replace("\"aliyun\"", "\"azure\"") + "]");

        Cli.Result result = Cli.run("validate", lines.toString(), array.toString());

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.lines()).anyMatch(l -> l.startsWith(lines + ": line 2: params.TableName: "))
                .anyMatch(l -> l.startsWith(array + ": [1].vendor: "))
                .noneMatch(l -> l.contains("line 1") || l.contains("[0]") || l.contains("valid ("));
    }

    @Test
    void shouldNameAFileItCannotReadAndExitTwoAfterCheckingTheOthers() {
        Path missing = dir.resolve("missing.json");
        Path good = SAMPLES.resolve("aliyun-download-product-info.yaml");

        Cli.Result result = Cli.run("validate", missing.toString(), good.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains(missing + ": cannot be read (no such file)");
        assertThat(result.lines()).containsExactly(good + ": valid (1 request)");
    }

    @Test
    void shouldRefuseAFileTheDropWouldNotReadAsARequest() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "{}");

        Cli.Result result = Cli.run("validate", text.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains(text + ": not a request file; the name must end in .json");
    }

    @Test
    void shouldUseTheOperatorsConfigurationFile() throws Exception {
        // an operator's file adds a destination and turns the sandbox off: no default account is configured then
        Path config = Files.writeString(dir.resolve("bridge.properties"), """
                bridge.sandbox.enabled = false
                bridge.destinations.archive.uri = file:%s
                """.formatted(dir.resolve("archive")));
        Path request = Files.writeString(dir.resolve("archived.json"),
                Files.readString(SAMPLES.resolve("aliyun-download-product-info.json"))
                        .replace("\"destination\": \"default\"", "\"destination\": \"archive\""));

        Cli.Result withConfig = Cli.run(Map.of("BRIDGE_CONFIG", config.toString()), "validate", request.toString());
        Cli.Result packaged = Cli.run("validate", request.toString());

        assertThat(withConfig.exit()).isEqualTo(3);
        assertThat(withConfig.lines()).containsExactly(request + ": account: 'default' is not configured for aliyun"
                + " (define bridge.accounts.default.aliyun.*)");
        assertThat(packaged.exit()).isEqualTo(3);
        assertThat(packaged.lines()).containsExactly(request + ": destination: 'archive' is not configured;"
                + " configured: default");
    }

    /** What the file drop's intake says about a document, with the packaged settings and the sandbox on. */
    private List<Violation> dropFileReasons(byte[] document) {
        DefaultCamelContext context = new DefaultCamelContext(false);
        context.getPropertiesComponent().setLocation("classpath:application.properties");
        BridgeProperties props = new BridgeProperties(context.getPropertiesComponent());
        SandboxLink sandbox = SandboxLink.unstarted(props);
        RequestRules rules = RequestRules.fromProperties(props,
                new Accounts(props::get, sandbox::aliyunAccount, sandbox::huaweiAccount), dir, Clock.systemUTC());
        return new JobIntake(rules.parser(), rules.validator(), null).check(document);
    }
}
