package io.iotjobbridge.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.iotjobbridge.RunningBridge;
import io.iotjobbridge.config.AliyunAccount;
import io.iotjobbridge.config.Secret;
import io.iotjobbridge.http.CamelHttpTransport;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.testing.Guarantee;
import io.iotjobbridge.vendor.CallBudget;
import io.iotjobbridge.vendor.Failures;
import io.iotjobbridge.vendor.ResultContent;
import io.iotjobbridge.vendor.VendorException;
import io.iotjobbridge.vendor.aliyun.AliyunClient;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where a download URL from a vendor answer may lead: checked against the account's download hosts before any
 * connection, never through a redirect, within the HTTP timeouts, and never named with its signed query. A decoy
 * listening on loopback counts every connection that reaches it: none may.
 */
class DownloadSafetyTest {

    private static final String SIGNED_QUERY = "Expires=1&OSSAccessKeyId=ak&Signature=s3cr3t-signature";
    private static final URI PRODUCTION_ENDPOINT = URI.create("https://iot.cn-shanghai.aliyuncs.com");

    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer vendor;
    private Decoy decoy;
    private DefaultCamelContext camel;
    private CamelHttpTransport http;
    private AliyunClient client;
    private AliyunClient productionClient;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        decoy = Decoy.start();
        vendor = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        vendor.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().set("Location", decoyUrl("/stolen.csv"));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        vendor.createContext("/stall", exchange -> {
            exchange.sendResponseHeaders(200, 100);
            exchange.getResponseBody().write(new byte[10]);
            exchange.getResponseBody().flush();
            awaitRelease();
            exchange.close();
        });
        vendor.start();
        camel = new DefaultCamelContext();
        camel.start();
        // the account's endpoint is the loopback "vendor", as the sandbox's is; storage hosts are Alibaba's
        URI endpoint = URI.create("http://127.0.0.1:" + vendor.getAddress().getPort());
        AliyunAccount account = new AliyunAccount("default", endpoint, "ak", Secret.of("sk"), "cn-shanghai",
                List.of("*.aliyuncs.com"));
        http = new CamelHttpTransport(camel, Duration.ofSeconds(2), Duration.ofMillis(300));
        client = new AliyunClient(account, http, new CallBudget(Map.of(), 100, Duration.ofSeconds(1),
                Clock.systemUTC()), Clock.systemUTC());
        // a real account: its endpoint is the vendor's, never called here; no sandbox origin to fall back on
        AliyunAccount production = new AliyunAccount("default", PRODUCTION_ENDPOINT, "ak", Secret.of("sk"),
                "cn-shanghai", List.of("*.aliyuncs.com"));
        productionClient = new AliyunClient(production, http, new CallBudget(Map.of(), 100, Duration.ofSeconds(1),
                Clock.systemUTC()), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        camel.stop();
        vendor.stop(0);
        decoy.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // loopback, by name, by address, in IPv6, and as the decimal, octal and hex forms some resolvers accept
            "https://127.0.0.1:{decoy}/data.csv?{query}",
            "http://127.0.0.1:{decoy}/data.csv?{query}",
            "https://localhost:{decoy}/data.csv?{query}",
            "http://localhost:{decoy}/data.csv?{query}",
            "http://[::1]:{decoy}/data.csv?{query}",
            "https://[::1]:{decoy}/data.csv?{query}",
            "http://2130706433:{decoy}/data.csv?{query}",
            "https://2130706433:{decoy}/data.csv?{query}",
            "http://0177.0.0.1:{decoy}/data.csv?{query}",
            "http://0x7f.0.0.1:{decoy}/data.csv?{query}",
            "http://127.1:{decoy}/data.csv?{query}",
            // link-local (cloud metadata) and private ranges
            "http://169.254.169.254/latest/meta-data/?{query}",
            "https://169.254.169.254/latest/meta-data/?{query}",
            "https://10.0.0.1/data.csv?{query}",
            "https://192.168.1.1/data.csv?{query}",
            "https://172.16.0.1/data.csv?{query}",
            "https://[fe80::1]/data.csv?{query}",
            // other schemes
            "file:///etc/passwd?{query}",
            "file://localhost/etc/passwd",
            "ftp://oss-cn-shanghai.aliyuncs.com/data.csv?{query}",
            "jar:https://oss-cn-shanghai.aliyuncs.com/x.jar!/data.csv",
            "HTTP://127.0.0.1:{decoy}/data.csv?{query}",
            // an allowed host over plain http
            "http://oss-cn-shanghai.aliyuncs.com/data.csv?{query}",
            // user info and fragment tricks: the host is the part after '@', or before '#'
            "https://user@oss-cn-shanghai.aliyuncs.com/data.csv?{query}",
            "https://oss-cn-shanghai.aliyuncs.com@127.0.0.1:{decoy}/data.csv?{query}",
            "https://oss-cn-shanghai.aliyuncs.com:443@127.0.0.1:{decoy}/data.csv?{query}",
            "http://127.0.0.1:{decoy}#@oss-cn-shanghai.aliyuncs.com/data.csv",
            "https://127.0.0.1:{decoy}\\@oss-cn-shanghai.aliyuncs.com/data.csv",
            // DNS tricks: an allowed name as a prefix, a look-alike, a trailing dot, non-ASCII and punycode hosts
            "https://oss-cn-shanghai.aliyuncs.com.127.0.0.1.nip.io/data.csv?{query}",
            "https://oss-cn-shanghai.aliyuncs.com.evil.com/data.csv?{query}",
            "https://evilaliyuncs.com/data.csv?{query}",
            "https://ALIYUNCS.COM.EVIL.COM/data.csv?{query}",
            "https://aliyuncs.com./data.csv?{query}",
            "https://oss-cn-shanghai.aliyuncs.com./data.csv?{query}",
            "https://evil.com\u3002aliyuncs.com/data.csv?{query}",
            "https://oss.\u0430liyuncs.com/data.csv?{query}",
            "https://xn--oss-aliyuncs-com.evil/data.csv?{query}",
            "https://oss-cn-shanghai.aliyuncs.com%2e127.0.0.1.nip.io/data.csv?{query}",
    })
    @Guarantee(id = "S3", injection = "a download URL to loopback, link-local, a private range, another scheme,"
            + " plain http, user info, a look-alike or encoded host", expected = "refused before connecting;"
            + " 0 connections reach the decoy")
    void shouldRefuseAUrlOutsideTheAccountsDownloadHostsBeforeConnecting(String template) {
        String url = hostile(template);

        for (AliyunClient mode : List.of(client, productionClient)) {
            assertThatThrownBy(() -> mode.download("data.csv", url, "CsvUrl").open())
                    .isInstanceOfSatisfying(VendorException.class, e -> {
                        assertThat(e.kind()).isEqualTo(VendorException.Kind.PERMANENT);
                        assertThat(e.getMessage()).startsWith("UnsafeDownloadUrl: ")
                                .doesNotContain("s3cr3t", "Signature", "user@");
                    });
        }
        assertThat(decoy.connections()).as("connections to the decoy").isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // the sandbox's own origin, where it serves its files, is the account endpoint only in sandbox mode
            "http://127.0.0.1:{vendor}/oss/data.csv?{query}",
            "http://127.0.0.1:{decoy}/oss/data.csv?{query}",
            // the vendor's endpoint host over plain http
            "http://iot.cn-shanghai.aliyuncs.com/data.csv?{query}",
    })
    @Guarantee(id = "S3", injection = "the sandbox origin or plain http for a real (non-sandbox) account",
            expected = "refused before connecting; 0 connections reach the decoy")
    void shouldRefuseTheSandboxOriginAndPlainHttpForARealAccount(String template) {
        String url = hostile(template);

        assertThatThrownBy(() -> productionClient.download("data.csv", url, "CsvUrl").open())
                .isInstanceOfSatisfying(VendorException.class, e ->
                        assertThat(e.getMessage()).startsWith("UnsafeDownloadUrl: ").doesNotContain("s3cr3t"));
        assertThat(decoy.connections()).as("connections to the decoy").isZero();
    }

    @Test
    void shouldAllowAnUpperCaseSpellingOfAnAllowedHost() throws VendorException {
        DownloadUrlPolicy.check(URI.create("HTTPS://OSS-CN-SHANGHAI.ALIYUNCS.COM/x.csv?" + SIGNED_QUERY),
                PRODUCTION_ENDPOINT, List.of("*.aliyuncs.com"));
    }

    @Test
    @Guarantee(id = "S3", injection = "the sandbox answers GetDownloadFile with a CsvUrl to a loopback decoy",
            expected = "the job fails with UnsafeDownloadUrl; 0 connections reach the decoy")
    void shouldFailAJobWhoseVendorHandsOutAnUnsafeUrlWithoutReachingIt() throws Exception {
        try (RunningBridge bridge = RunningBridge.start(dir.resolve("data"), Map.of())) {
            bridge.sandbox().handOutCsvUrl("http://127.0.0.1:" + decoy.port() + "/stolen.csv?" + SIGNED_QUERY);

            bridge.drop("request.json", Files.readString(Path.of("samples/requests/aliyun-download-product-info.json")));

            await().atMost(Duration.ofSeconds(30)).until(() -> bridge.ledger()
                    .findByRequestId("product-info-2022-07-20").map(j -> j.state() == JobState.FAILED).orElse(false));
            assertThat(bridge.job("product-info-2022-07-20").reason())
                    .contains("UnsafeDownloadUrl", "refused to download from http://127.0.0.1")
                    .doesNotContain("s3cr3t");
        }
        assertThat(decoy.connections()).as("connections to the decoy").isZero();
    }

    @Test
    void shouldAllowTheVendorsStorageHostsOverHttpsAndTheAccountEndpoint() throws VendorException {
        DownloadUrlPolicy.check(URI.create("https://oss-cn-shanghai.aliyuncs.com/x.csv?" + SIGNED_QUERY),
                URI.create("https://iot.cn-shanghai.aliyuncs.com"), List.of("*.aliyuncs.com"));
        DownloadUrlPolicy.check(URI.create("http://127.0.0.1:18601/oss/x.csv?" + SIGNED_QUERY),
                URI.create("http://127.0.0.1:18601"), List.of("*.aliyuncs.com"));
    }

    @Test
    @Guarantee(id = "S3", injection = "a 302 from the allowed origin to a loopback decoy",
            expected = "not followed; the download fails; 0 connections reach the decoy")
    void shouldNotFollowARedirectFromAnAllowedHostAndSaySo() {
        String url = "http://127.0.0.1:" + vendor.getAddress().getPort() + "/redirect?" + SIGNED_QUERY;

        assertThatThrownBy(() -> client.download("data.csv", url, "CsvUrl").open())
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(VendorException.Kind.PERMANENT);
                    assertThat(e.getMessage()).isEqualTo("DownloadRedirected: HTTP 302 from 127.0.0.1 redirects to"
                            + " 127.0.0.1; redirects are not followed");
                });
        assertThat(decoy.connections()).as("connections that reached the redirect's target").isZero();
    }

    @Test
    void shouldGiveUpOnADownloadThatStallsOnceTheReadTimeoutPasses() throws VendorException {
        String url = "http://127.0.0.1:" + vendor.getAddress().getPort() + "/stall?" + SIGNED_QUERY;
        ResultContent content = client.download("data.csv", url, "CsvUrl").open();

        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream body = content.body()) {
                return body.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        await().atMost(Duration.ofSeconds(20)).until(read::isDone);
        assertThatThrownBy(read::join).hasRootCauseInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void shouldDescribeAFailureWithoutTheQueryOfTheUrlInIt() {
        IOException failure = new IOException("Connect to https://oss-cn-shanghai.aliyuncs.com/x.csv?" + SIGNED_QUERY
                + " failed\nsecond line " + SIGNED_QUERY);

        assertThat(Failures.describe(failure))
                .isEqualTo("IOException (Connect to https://oss-cn-shanghai.aliyuncs.com/x.csv)");
    }

    private String decoyUrl(String path) {
        return "http://127.0.0.1:" + decoy.port() + path + "?" + SIGNED_QUERY;
    }

    private String hostile(String template) {
        return template.replace("{decoy}", String.valueOf(decoy.port()))
                .replace("{vendor}", String.valueOf(vendor.getAddress().getPort()))
                .replace("{query}", SIGNED_QUERY);
    }

    private void awaitRelease() {
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
