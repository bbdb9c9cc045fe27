/**
 * Security events on the Charging Station and the CSMS (OCPP 2.0.1 Part 2, use case A04):
 * the rolling, crash-safe security log ({@link io.ocppsec.core.event.SecurityLog}, A04.FR.04), techInfo
 * without secrets ({@link io.ocppsec.core.event.TechInfo}, A01.FR.12), the durable queue of critical events
 * for the CSMS ({@link io.ocppsec.core.event.SecurityEventQueue}, A04.FR.01/02/03) with its delivery loop,
 * the {@link io.ocppsec.core.event.SecurityEventReporter} facade, and the CSMS-side check of incoming
 * notifications.
 */
package io.ocppsec.core.event;
