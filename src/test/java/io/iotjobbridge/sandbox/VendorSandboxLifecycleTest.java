package io.iotjobbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

import org.junit.jupiter.api.Test;

class VendorSandboxLifecycleTest {

    @Test
    void shouldListenOnAnEphemeralLoopbackPort() {
        try (VendorSandbox sandbox = VendorSandbox.start(SandboxSettings.defaults(), Clock.systemUTC())) {
            assertThat(sandbox.baseUrl().getScheme()).isEqualTo("http");
            assertThat(sandbox.baseUrl().getHost()).isEqualTo("127.0.0.1");
            assertThat(sandbox.baseUrl().getPort()).isPositive();
        }
    }

    @Test
    void shouldStopAnsweringOnceClosed() throws Exception {
        VendorSandbox sandbox = VendorSandbox.start(SandboxSettings.defaults(), Clock.systemUTC());
        URI stats = URI.create(sandbox.baseUrl() + "/sandbox/stats");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        assertThat(http.send(HttpRequest.newBuilder(stats).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);

        sandbox.close();
        sandbox.close();

        // a fresh client, so no pooled connection can hide the closed listener
        HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        assertThatThrownBy(() -> fresh.send(HttpRequest.newBuilder(stats).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void shouldReportAPortThatIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> VendorSandbox.start(SandboxSettings.defaults().withPort(taken.getLocalPort()),
                    Clock.systemUTC()))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining(Integer.toString(taken.getLocalPort()));
        }
    }
}
