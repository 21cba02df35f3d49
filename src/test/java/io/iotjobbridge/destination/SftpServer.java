package io.iotjobbridge.destination;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An SFTP server in this JVM (Apache MINA SSHD) on a free loopback port, serving {@code root} to one user with a
 * password: a destination that is not a local folder, for tests.
 */
public final class SftpServer implements AutoCloseable {

    public static final String USER = "bridge";

    private final SshServer server;
    private final Path root;
    private final String password;

    private SftpServer(SshServer server, Path root, String password) {
        this.server = server;
        this.root = root;
        this.password = password;
    }

    /** Serves {@code root}; the host key is generated into {@code keyDir}. */
    public static SftpServer start(Path root, Path keyDir, String password) throws IOException {
        Files.createDirectories(root);
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(keyDir.resolve("host-key.ser")));
        server.setPasswordAuthenticator((user, given, session) -> USER.equals(user) && password.equals(given));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        server.start();
        return new SftpServer(server, root, password);
    }

    /** The folder the user sees as {@code /}. */
    public Path root() {
        return root;
    }

    /**
     * A Camel endpoint URI writing under {@code folder}, logging in with the password. Host keys are not checked:
     * the server's key is made up for the test.
     */
    public String endpointUri(String folder) {
        return endpointUri(folder, password);
    }

    /** As {@link #endpointUri(String)}, logging in with {@code givenPassword} (a wrong one, to see a refusal). */
    public String endpointUri(String folder, String givenPassword) {
        return "sftp://" + USER + "@127.0.0.1:" + server.getPort() + "/" + folder + "?password=RAW(" + givenPassword
                + ")&strictHostKeyChecking=no&useUserKnownHostsFile=false";
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
