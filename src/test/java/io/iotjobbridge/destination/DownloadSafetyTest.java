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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.iotjobbridge.config.AliyunAccount;
import io.iotjobbridge.config.Secret;
import io.iotjobbridge.http.CamelHttpTransport;
import io.iotjobbridge.vendor.CallBudget;
import io.iotjobbridge.vendor.Failures;
import io.iotjobbridge.vendor.ResultContent;
import io.iotjobbridge.vendor.VendorException;
import io.iotjobbridge.vendor.aliyun.AliyunClient;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where a download URL from a vendor answer may lead: checked against the account's download hosts before any
 * connection, never through a redirect, within the HTTP timeouts, and never named with its signed query.
 */
class DownloadSafetyTest {

    private static final String SIGNED_QUERY = "Expires=1&OSSAccessKeyId=ak&Signature=s3cr3t-signature";

    private final AtomicInteger decoyHits = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer vendor;
    private HttpServer decoy;
    private DefaultCamelContext camel;
    private AliyunClient client;

    @BeforeEach
    void start() throws IOException {
        decoy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        decoy.createContext("/", exchange -> {
            decoyHits.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        decoy.start();
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
        CamelHttpTransport http = new CamelHttpTransport(camel, Duration.ofSeconds(2), Duration.ofMillis(300));
        client = new AliyunClient(account, http, new CallBudget(Map.of(), 100, Duration.ofSeconds(1),
                Clock.systemUTC()), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        release.countDown();
        camel.stop();
        vendor.stop(0);
        decoy.stop(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1:{decoy}/data.csv?{query}",
            "http://127.0.0.1:{decoy}/data.csv?{query}",
            "http://oss-cn-shanghai.aliyuncs.com/data.csv?{query}",
            "https://user@oss-cn-shanghai.aliyuncs.com/data.csv?{query}",
            "https://oss-cn-shanghai.aliyuncs.com.127.0.0.1.nip.io/data.csv?{query}",
            "https://evilaliyuncs.com/data.csv?{query}",
            "ftp://oss-cn-shanghai.aliyuncs.com/data.csv?{query}",
            "file:///etc/passwd?{query}",
    })
    void shouldRefuseAUrlOutsideTheAccountsDownloadHostsBeforeConnecting(String template) {
        String url = template.replace("{decoy}", String.valueOf(decoy.getAddress().getPort()))
                .replace("{query}", SIGNED_QUERY);

        assertThatThrownBy(() -> client.download("data.csv", url, "CsvUrl").open())
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(VendorException.Kind.PERMANENT);
                    assertThat(e.getMessage()).startsWith("UnsafeDownloadUrl: refused to download from")
                            .doesNotContain("s3cr3t", "Signature", "user@");
                });
        assertThat(decoyHits).as("connections to the decoy").hasValue(0);
    }

    @Test
    void shouldAllowTheVendorsStorageHostsOverHttpsAndTheAccountEndpoint() throws VendorException {
        DownloadUrlPolicy.check(URI.create("https://oss-cn-shanghai.aliyuncs.com/x.csv?" + SIGNED_QUERY),
                URI.create("https://iot.cn-shanghai.aliyuncs.com"), List.of("*.aliyuncs.com"));
        DownloadUrlPolicy.check(URI.create("http://127.0.0.1:18601/oss/x.csv?" + SIGNED_QUERY),
                URI.create("http://127.0.0.1:18601"), List.of("*.aliyuncs.com"));
    }

    @Test
    void shouldNotFollowARedirectFromAnAllowedHostAndSaySo() {
        String url = "http://127.0.0.1:" + vendor.getAddress().getPort() + "/redirect?" + SIGNED_QUERY;

        assertThatThrownBy(() -> client.download("data.csv", url, "CsvUrl").open())
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(VendorException.Kind.PERMANENT);
                    assertThat(e.getMessage()).isEqualTo("DownloadRedirected: HTTP 302 from 127.0.0.1 redirects to"
                            + " 127.0.0.1; redirects are not followed");
                });
        assertThat(decoyHits).as("requests that reached the redirect's target").hasValue(0);
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
        return "http://127.0.0.1:" + decoy.getAddress().getPort() + path + "?" + SIGNED_QUERY;
    }

    private void awaitRelease() {
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
