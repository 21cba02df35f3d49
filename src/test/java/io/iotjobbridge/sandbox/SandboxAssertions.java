package io.iotjobbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;

/** The two refusal shapes every sandbox test checks: the gateway's, and the IoT Platform envelope's. */
final class SandboxAssertions {

    private SandboxAssertions() {
    }

    static void assertGatewayError(HttpResponse<String> response, int status, String code, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = RpcTestClient.json(response);
        assertThat(body.path("Code").asText()).isEqualTo(code);
        assertThat(body.path("Message").asText()).isEqualTo(message);
        assertThat(body.path("RequestId").asText()).isNotBlank();
        assertThat(body.path("HostId").asText()).isNotBlank();
        assertThat(body.has("Recommend")).isTrue();
        // the gateway shape, not the IoT envelope
        assertThat(body.has("Success")).isFalse();
    }

    /** A job API's refusal: HTTP 200, {@code Success=false}, the code, and a message saying why. */
    static void assertRefused(RpcTestClient.Answer answer, String code, String messagePart) {
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.path("Success").asBoolean(true)).isFalse();
        assertThat(body.path("Code").asText()).isEqualTo(code);
        assertThat(body.path("ErrorMessage").asText()).contains(messagePart);
        assertThat(body.has("Data")).isFalse();
    }

    /** Past the gateway and accepted by the action. */
    static JsonNode assertOk(RpcTestClient.Answer answer) {
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.path("Success").asBoolean()).as(answer.response().body()).isTrue();
        return body;
    }
}
