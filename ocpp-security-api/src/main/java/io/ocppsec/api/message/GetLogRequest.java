package io.ocppsec.api.message;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code GetLogRequest}: the payload of the OCPP 2.0.1 {@code GetLog} CALL, as in the official JSON
 * schema.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param log {@code log}
 * @param logType {@code logType}
 * @param requestId {@code requestId}
 * @param retries {@code retries} (optional)
 * @param retryInterval {@code retryInterval} (optional)
 */
public record GetLogRequest(
        LogParameters log,
        GetLogRequest.LogType logType,
        int requestId,
        Optional<Integer> retries,
        Optional<Integer> retryInterval) implements OcppRequest {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public GetLogRequest {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(logType, "logType");
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(retryInterval, "retryInterval");
    }

    @Override
    public OcppAction action() {
        return OcppAction.GET_LOG;
    }

    /** The OCPP 2.0.1 {@code LogEnumType} values. */
    public enum LogType {
        /** {@code DiagnosticsLog}. */
        DIAGNOSTICS_LOG("DiagnosticsLog"),
        /** {@code SecurityLog}. */
        SECURITY_LOG("SecurityLog");

        private final String ocppValue;

        LogType(String ocppValue) {
            this.ocppValue = ocppValue;
        }

        /** @return the value as written in OCPP-J JSON */
        public String ocppValue() {
            return ocppValue;
        }

        /**
         * @param value the OCPP-J value, e.g. {@code DiagnosticsLog}
         * @return the enum constant
         * @throws IllegalArgumentException for an unknown value (the value is not echoed)
         */
        public static LogType fromOcpp(String value) {
            Objects.requireNonNull(value, "value");
            for (LogType v : values()) {
                if (v.ocppValue.equals(value)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("Unknown LogEnumType value; expected one of "
                    + "DiagnosticsLog, SecurityLog");
        }
    }
}
