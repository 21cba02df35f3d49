package io.iotjobbridge.push;

import io.iotjobbridge.config.Secret;

/** The SASL PLAIN user name and password of one connection attempt. */
record AmqpLogin(String userName, Secret password) {
}
