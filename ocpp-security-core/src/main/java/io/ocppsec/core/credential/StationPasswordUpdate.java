package io.ocppsec.core.credential;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.core.password.BasicAuthPassword;
import io.ocppsec.core.password.BasicAuthPasswordVariable;
import io.ocppsec.core.password.PasswordPolicy;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Charging Station side of A01: handles one {@code SetVariableData} entry of a {@code SetVariablesRequest}
 * that addresses {@code SecurityCtrlr.BasicAuthPassword}.
 *
 * <ol>
 *   <li>The value is checked against the {@link PasswordPolicy} (A00.FR.205, A00.FR.304); a bad value is
 *       {@code Rejected} and the old password stays in use.</li>
 *   <li>A good value is stored through the {@link StationPasswordStore} (A01.FR.01); a storage failure is
 *       {@code Rejected}.</li>
 *   <li>The change is written to the security log as {@code ReconfigurationOfSecurityParameters}, without
 *       the value (A01.FR.11, A01.FR.12).</li>
 *   <li>The outcome is {@code Accepted} with {@link Outcome#reconnectAfterResponse()}: send the
 *       {@code SetVariablesResponse} first, then close the connection (keeping queued messages) and
 *       reconnect with the new password.</li>
 * </ol>
 * Nothing here logs or throws the value.
 *
 * <pre>{@code
 * StationPasswordUpdate update = new StationPasswordUpdate(PasswordPolicy.EDITION_3, passwordFile::write,
 *         event -> { try { securityLog.append(event); } catch (IOException e) { raiseAlarm(e); } },
 *         Clock.systemUTC());
 * StationPasswordUpdate.Outcome o = update.handle(component, variable, value);
 * respond(o.ocppStatus());
 * if (o.reconnectAfterResponse()) { afterSend(connection::reconnectWithNewPassword); }
 * }</pre>
 */
public final class StationPasswordUpdate {

    private static final System.Logger LOG = System.getLogger(StationPasswordUpdate.class.getName());

    /** The techInfo of the security-log entry; it never holds the value. */
    public static final String TECH_INFO = "SecurityCtrlr.BasicAuthPassword changed";

    private final PasswordPolicy policy;
    private final StationPasswordStore store;
    private final Consumer<SecurityEvent> securityLog;
    private final Clock clock;

    /**
     * @param policy the rules for the value
     * @param store where the new password goes
     * @param securityLog receives the {@code ReconfigurationOfSecurityParameters} event (the security log)
     * @param clock the clock for the event's timestamp
     */
    public StationPasswordUpdate(PasswordPolicy policy, StationPasswordStore store,
                                 Consumer<SecurityEvent> securityLog, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.store = Objects.requireNonNull(store, "store");
        this.securityLog = Objects.requireNonNull(securityLog, "securityLog");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param componentName {@code SetVariableData.component.name}
     * @param variableName {@code SetVariableData.variable.name}
     * @param attributeValue {@code SetVariableData.attributeValue}; never echoed
     * @return the outcome; {@link Status#NOT_THIS_VARIABLE} when the entry is for another variable
     */
    public Outcome handle(String componentName, String variableName, String attributeValue) {
        Objects.requireNonNull(attributeValue, "attributeValue");
        if (!BasicAuthPasswordVariable.matches(componentName, variableName)) {
            return new Outcome(Status.NOT_THIS_VARIABLE, ValidationResult.compliant());
        }
        ValidationResult check = attributeValue.length() > BasicAuthPasswordVariable.MAX_ATTRIBUTE_VALUE_LENGTH
                ? ValidationResult.builder().add("A00.FR.205", RequirementLevel.SHALL,
                        "a value of " + attributeValue.length() + " characters",
                        "at most " + policy.maxLength() + " characters").build()
                : policy.check(attributeValue, SecurityProfile.TLS_CLIENT_CERTIFICATE);
        if (!check.isCompliant()) {
            LOG.log(Level.WARNING, "Rejected a new BasicAuthPassword: {0}", check.describe().replace('\n', ';'));
            return new Outcome(Status.REJECTED, check);
        }
        try (BasicAuthPassword password = BasicAuthPassword.of(attributeValue)) {
            store.store(password);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.ERROR, "Could not store the new BasicAuthPassword ({0}); the old one stays in use",
                    e.getClass().getName());
            return new Outcome(Status.REJECTED, check);
        }
        try {
            // A01.FR.11: log the change; A01.FR.12: never the value
            securityLog.accept(SecurityEvent.of(SecurityEventType.RECONFIGURATION_OF_SECURITY_PARAMETERS,
                    clock.instant(), TECH_INFO));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Could not write the BasicAuthPassword change to the security log ({0})",
                    e.getClass().getName());
        }
        LOG.log(Level.INFO, "BasicAuthPassword changed; reconnecting after the SetVariablesResponse");
        return new Outcome(Status.ACCEPTED, check);
    }

    /** How the entry was handled. */
    public enum Status {
        /** Stored; answer {@code Accepted}, then reconnect with the new password. */
        ACCEPTED,
        /** Not stored; answer {@code Rejected} and keep using the old password. */
        REJECTED,
        /** The entry is for another variable; not handled here. */
        NOT_THIS_VARIABLE
    }

    /**
     * @param status how the entry was handled
     * @param violations the policy violations when the value was refused
     */
    public record Outcome(Status status, ValidationResult violations) {

        /** @throws NullPointerException for a null argument */
        public Outcome {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(violations, "violations");
        }

        /**
         * @return the {@code SetVariableStatusEnumType} value to answer: {@code Accepted} or {@code Rejected}
         * @throws IllegalStateException for {@link Status#NOT_THIS_VARIABLE}
         */
        public String ocppStatus() {
            switch (status) {
                case ACCEPTED:
                    return "Accepted";
                case REJECTED:
                    return "Rejected";
                default:
                    throw new IllegalStateException("The entry was not for SecurityCtrlr.BasicAuthPassword");
            }
        }

        /**
         * @return whether to close the connection after sending the response and reconnect with the new
         *     password (A01 scenario steps 3 and 4)
         */
        public boolean reconnectAfterResponse() {
            return status == Status.ACCEPTED;
        }
    }
}
