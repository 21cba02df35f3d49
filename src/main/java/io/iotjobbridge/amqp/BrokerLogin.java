package io.iotjobbridge.amqp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import io.iotjobbridge.config.Secret;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;

/**
 * The embedded broker's one login, {@code bridge.amqp.user} and {@code bridge.amqp.password}: whoever has it may send
 * and receive on every address, as the bridge itself does. Compared in constant time.
 */
final class BrokerLogin implements ActiveMQSecurityManager {

    private final byte[] user;
    private final byte[] password;

    BrokerLogin(String user, Secret password) {
        this.user = user.getBytes(StandardCharsets.UTF_8);
        this.password = password.reveal().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean validateUser(String givenUser, String givenPassword) {
        return givenUser != null && givenPassword != null
                & MessageDigest.isEqual(user, givenUser.getBytes(StandardCharsets.UTF_8))
                & MessageDigest.isEqual(password, givenPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean validateUserAndRole(String givenUser, String givenPassword, Set<Role> roles,
                                       CheckType checkType) {
        return validateUser(givenUser, givenPassword);
    }
}
