package io.iotjobbridge.http;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * Turns off Apache HttpClient's own re-sending of vendor calls. By default it sends a GET answered 429 or 503 again
 * after a second (or after any {@code Retry-After}, however long, holding the worker thread meanwhile): a throttled
 * vendor API would get a second call it has just refused, behind the back of the bridge's pause of that API. Every
 * retry belongs to the job engine, which spaces them and counts them.
 *
 * <p>Public with a no-argument constructor because camel-http creates it from the endpoint option
 * {@code httpClientConfigurer=#class:...}; {@code automaticRetriesDisabled} is a component option only.
 */
public final class NoAutomaticRetries implements HttpClientConfigurer {

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.disableAutomaticRetries();
    }
}
