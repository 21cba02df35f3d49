package io.iotjobbridge.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.iotjobbridge.testing.Guarantee;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vendor HTTP client verifies TLS: a server whose certificate no trusted CA signed gets no request. */
class TlsVerificationTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;

    private HttpsServer server;
    private SSLContext serverContext;
    private final AtomicInteger served = new AtomicInteger();
    private DefaultCamelContext camel;
    private CamelHttpTransport transport;

    @BeforeEach
    void start() throws Exception {
        KeyStore keys = selfSignedKeyStore();
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        TrustManagerFactory trustThisOne = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustThisOne.init(keys);
        serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keyManagers.getKeyManagers(), trustThisOne.getTrustManagers(), null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", exchange -> {
            served.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        camel = new DefaultCamelContext();
        camel.start();
        transport = new CamelHttpTransport(camel, Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        transport.close();
        camel.stop();
        server.stop(0);
    }

    @Guarantee(id = "S6", injection = "vendor call to an HTTPS server with a self-signed certificate",
            expected = "handshake refused (PKIX); the server gets no request")
    @Test
    void shouldRefuseAServerWhoseCertificateIsNotTrusted() throws Exception {
        URI origin = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
        // the server itself is fine: a client that trusts its certificate is served
        HttpsURLConnection trusting = (HttpsURLConnection) origin.resolve("/control").toURL().openConnection();
        trusting.setSSLSocketFactory(serverContext.getSocketFactory());
        assertThat(trusting.getResponseCode()).isEqualTo(200);
        assertThat(served).hasValue(1);

        assertThatThrownBy(() -> transport.send(new HttpCall("GET", origin, "/file", null, Map.of(), null)))
                .hasStackTraceContaining("PKIX");
        assertThat(served).as("no request reached the untrusted server").hasValue(1);
    }

    private KeyStore selfSignedKeyStore() throws Exception {
        Path file = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString(), "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)))
                .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(keytool.exitValue()).as(Files.readString(dir.resolve("keytool.log"))).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keys.load(in, PASSWORD);
        }
        return keys;
    }
}
