package io.iotjobbridge.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A node's identity across restarts: kept in its state folder, so a node that crashed knows which leases were its
 * own when it comes back. Several nodes on one database each need their own data folder (and so their own id).
 */
public final class NodeIdentity {

    private static final String FILE = "node-id";

    private NodeIdentity() {
    }

    /** The id stored in {@code stateDir}, created on first use. */
    public static String in(Path stateDir) {
        Path file = stateDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file).trim();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            Files.createDirectories(stateDir);
            String id = UUID.randomUUID().toString();
            Files.writeString(file, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the node id in " + stateDir, e);
        }
    }
}
