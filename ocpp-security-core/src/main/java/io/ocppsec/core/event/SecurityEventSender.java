package io.ocppsec.core.event;

import io.ocppsec.api.event.SecurityEvent;
import java.util.concurrent.CompletionStage;

/**
 * Sends one {@code SecurityEventNotificationRequest} to the CSMS; the integrator's glue to its OCPP-J
 * connection.
 *
 * <p>The stage completes with {@code true} only when the CSMS answered with
 * {@code SecurityEventNotificationResponse} (A04.FR.03); {@code false}, an exception (offline, CALLERROR,
 * timeout) or an exceptional stage mean "not delivered, try again later". The stage must complete: apply
 * the OCPP message timeout, e.g. with {@code CompletableFuture.orTimeout}.
 */
@FunctionalInterface
public interface SecurityEventSender {

    /**
     * @param event the event to put into the request ({@code type}, {@code timestamp}, {@code techInfo})
     * @return completes with whether the CSMS confirmed receipt
     */
    CompletionStage<Boolean> send(SecurityEvent event);
}
