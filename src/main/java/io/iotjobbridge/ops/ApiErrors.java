package io.iotjobbridge.ops;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a status API route answers when it fails unexpectedly: a 500 in the API's error shape, never the exception's
 * text (it could name internals); the exception goes to the log.
 */
final class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {
    }

    static void handle(RouteBuilder routes) {
        routes.onException(Exception.class).handled(true).process(exchange -> {
            Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            LOG.error("status API call {} {} failed", exchange.getMessage().getHeader(Exchange.HTTP_METHOD),
                    exchange.getMessage().getHeader(Exchange.HTTP_PATH), failure);
            ApiReplies.error(exchange, 500, "server", "the bridge could not answer; its log says why");
        });
    }
}
