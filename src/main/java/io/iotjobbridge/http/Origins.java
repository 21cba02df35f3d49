package io.iotjobbridge.http;

import java.net.URI;

/** The one definition of "where a URL points", shared by signing (Host header) and by sending. */
public final class Origins {

    private Origins() {
    }

    /** host[:port] as an HTTP client writes it in the Host header: a default port is left out. */
    public static String authority(URI url) {
        int port = url.getPort();
        boolean defaultPort = port == -1 || ("https".equals(url.getScheme()) && port == 443)
                || ("http".equals(url.getScheme()) && port == 80);
        return defaultPort ? url.getHost() : url.getHost() + ":" + port;
    }

    public static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && authority(a).equalsIgnoreCase(authority(b));
    }
}
