package io.iotjobbridge.sandbox.push;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;

import io.iotjobbridge.sandbox.StatsRecorder;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's gatekeeper: a login must be a correctly signed Alibaba {@code aksign} login or a Huawei access key
 * with its access code, and a client may then only receive, from its own queue. Both vendors refuse sender links
 * from subscribers, so nothing here ever grants SEND; the sandbox publishes from inside the broker.
 */
final class PushSecurity implements ActiveMQSecurityManager5 {

    private static final Logger LOG = LoggerFactory.getLogger(PushSecurity.class);

    private final AliyunAmqpLogin aliyun;
    private final HuaweiAmqpLogin huawei;
    private final Clock clock;
    private final StatsRecorder stats;

    PushSecurity(AliyunAmqpLogin aliyun, HuaweiAmqpLogin huawei, Clock clock, StatsRecorder stats) {
        this.aliyun = aliyun;
        this.huawei = huawei;
        this.clock = clock;
        this.stats = stats;
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        try {
            Subscriber subscriber = verify(user, password);
            Subject subject = new Subject();
            subject.getPrincipals().add(new UserPrincipal(subscriber.vendor() + ":" + subscriber.clientName()));
            subject.getPrincipals().add(new SubscriberPrincipal(subscriber));
            return subject;
        } catch (LoginRefused refused) {
            stats.rejection(refused.code());
            // never the password, and not the user name either: an Alibaba one carries the AccessKey ID
            LOG.debug("AMQP login from {} refused: {} ({})", connection == null ? "?" : connection.getRemoteAddress(),
                    refused.code(), refused.getMessage());
            return null;
        }
    }

    private Subscriber verify(String user, String password) throws LoginRefused {
        if (AliyunAmqpLogin.appliesTo(user)) {
            return aliyun.verify(user, password, clock.instant());
        }
        if (HuaweiAmqpLogin.appliesTo(user)) {
            return huawei.verify(user, password, clock.instant());
        }
        throw new LoginRefused("AMQP.InvalidUserName", "user name is neither an Alibaba aksign nor a Huawei login");
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        Optional<Subscriber> subscriber = subscriberOf(subject);
        // address is "queue" or, for a consumer, the fully qualified "address::queue"
        String queue = address == null ? "" : address.split("::", -1)[0];
        return checkType == CheckType.CONSUME && subscriber.isPresent() && subscriber.get().queue().equals(queue);
    }

    static Optional<Subscriber> subscriberOf(Subject subject) {
        if (subject == null) {
            return Optional.empty();
        }
        return subject.getPrincipals(SubscriberPrincipal.class).stream().findFirst()
                .map(SubscriberPrincipal::subscriber);
    }

    @Override
    public boolean validateUser(String user, String password) {
        // only reached by security managers of an older interface; this one always goes through authenticate
        return false;
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return false;
    }
}
