package dev.postern.plugin.phonenumber;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Development stand-in for an SMS provider: writes the message to the log instead of sending it, on a
 * line marked {@code [DEVELOPMENT SMS, NOT SENT]} so nobody mistakes it for delivery. The message holds
 * the one-time code, so never use it where the log is readable by others.
 */
public final class LoggingSmsSender implements SmsSender {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingSmsSender.class);

    @Override
    public void send(String phoneNumber, String text) {
        LOG.warn("[DEVELOPMENT SMS, NOT SENT] to {}: {}", phoneNumber, text);
    }
}
