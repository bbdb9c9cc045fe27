package io.ocppsec.api.message;

import java.util.List;
import java.util.Objects;

/**
 * {@code GetVariablesRequest}: the payload of the OCPP 2.0.1 {@code GetVariables} CALL, as in the
 * official JSON schema.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param getVariableData {@code getVariableData}: list of GetVariableData, required, at least 1 item
 */
public record GetVariablesRequest(List<GetVariableData> getVariableData) implements OcppRequest {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public GetVariablesRequest {
        getVariableData = Checks.list(getVariableData, 1, 0, true, "getVariableData");
    }

    @Override
    public OcppAction action() {
        return OcppAction.GET_VARIABLES;
    }
}
