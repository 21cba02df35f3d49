package io.iotjobbridge.destination;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.iotjobbridge.http.Origins;
import io.iotjobbridge.vendor.VendorException;

/**
 * Decides whether a download URL that a vendor response handed us may be fetched: https to the vendor's own storage
 * hosts, or the account's own endpoint origin (where the sandbox serves its files). Anything else — other hosts,
 * user-info tricks, other schemes — is refused before a connection is made.
 */
public final class DownloadUrlPolicy {

    private DownloadUrlPolicy() {
    }

    public static void check(URI url, URI accountEndpoint, List<String> allowedHostPatterns) throws VendorException {
        if (url.getRawUserInfo() != null || url.getHost() == null) {
            throw refused(url, "it carries user info or no host");
        }
        if (Origins.sameOrigin(url, accountEndpoint)) {
            return;
        }
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            throw refused(url, "only https is allowed outside the account endpoint");
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        boolean allowed = allowedHostPatterns.stream().map(p -> p.toLowerCase(Locale.ROOT)).anyMatch(p ->
                p.startsWith("*.") ? host.endsWith(p.substring(1)) : host.equals(p));
        if (!allowed) {
            throw refused(url, "host is not in the account's download-hosts " + allowedHostPatterns);
        }
    }

    private static VendorException refused(URI url, String why) {
        // the query of a signed URL is a credential: name only scheme and host
        return VendorException.permanent("UnsafeDownloadUrl",
                "refused to download from " + url.getScheme() + "://" + url.getHost() + ": " + why);
    }
}
