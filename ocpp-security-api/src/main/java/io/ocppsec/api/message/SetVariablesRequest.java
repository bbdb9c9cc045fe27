package io.ocppsec.api.message;

import java.util.List;
import java.util.Objects;

/**
 * {@code SetVariablesRequest}: the payload of the OCPP 2.0.1 {@code SetVariables} CALL, as in the
 * official JSON schema.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param setVariableData {@code setVariableData}: list of SetVariableData, required, at least 1 item
 */
public record SetVariablesRequest(List<SetVariableData> setVariableData) implements OcppRequest {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public SetVariablesRequest {
        setVariableData = Checks.list(setVariableData, 1, 0, true, "setVariableData");
    }

    @Override
    public OcppAction action() {
        return OcppAction.SET_VARIABLES;
    }
}
