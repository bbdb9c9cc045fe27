package io.ocppsec.api.message;

import java.util.List;
import java.util.Objects;

/**
 * {@code SetVariablesResponse}: the payload of the OCPP 2.0.1 {@code SetVariables} CALLRESULT, as in
 * the official JSON schema.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param setVariableResult {@code setVariableResult}: list of SetVariableResult, required, at least 1 item
 */
public record SetVariablesResponse(List<SetVariableResult> setVariableResult) implements OcppResponse {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public SetVariablesResponse {
        setVariableResult = Checks.list(setVariableResult, 1, 0, true, "setVariableResult");
    }

    @Override
    public OcppAction action() {
        return OcppAction.SET_VARIABLES;
    }
}
