package io.iotjobbridge.push;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Checks a configured AMQP URL and adds the connection options a vendor requires, unless set already. */
final class AmqpUrl {

    private static final Set<String> SCHEMES = Set.of("amqp", "amqps", "amqpws", "amqpwss", "failover");
    private static final String NESTED = "failover.nested.";

    private AmqpUrl() {
    }

    /** @throws IllegalStateException naming {@code key} when the URL is not one Qpid JMS can connect to */
    static URI parse(String key, String value) {
        URI url;
        try {
            url = URI.create(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(key + " is not a URL", e);
        }
        if (url.getScheme() == null || !SCHEMES.contains(url.getScheme())) {
            throw new IllegalStateException(key + " must be an amqp://, amqps://, amqpws://, amqpwss:// or "
                    + "failover:(…) URL");
        }
        return url;
    }

    /**
     * {@code url} with each option of {@code defaults} it does not set. For a {@code failover:(…)} URL the options
     * go to every nested URL, as Qpid JMS's {@code failover.nested.} prefix does.
     */
    static URI withDefaults(URI url, Map<String, String> defaults) {
        boolean failover = "failover".equals(url.getScheme());
        String text = url.toString();
        int question = failover ? text.indexOf('?', text.lastIndexOf(')') + 1) : text.indexOf('?');
        String base = question < 0 ? text : text.substring(0, question);
        String query = question < 0 ? "" : text.substring(question + 1);
        Map<String, String> options = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                options.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        // in name order, so the same settings always give the same URL
        new TreeMap<>(defaults).forEach((name, value) -> {
            String option = failover ? NESTED + name : name;
            boolean setInNestedUrl = failover && base.contains(name + "=");
            if (!options.containsKey(option) && !setInNestedUrl) {
                options.put(option, value);
            }
        });
        StringBuilder result = new StringBuilder(base);
        String separator = "?";
        for (Map.Entry<String, String> option : options.entrySet()) {
            result.append(separator).append(option.getKey()).append('=').append(option.getValue());
            separator = "&";
        }
        return URI.create(result.toString());
    }
}
