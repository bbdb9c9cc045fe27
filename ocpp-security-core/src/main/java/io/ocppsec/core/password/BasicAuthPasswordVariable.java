package io.ocppsec.core.password;

/**
 * Names of the device-model variable that holds the Basic-auth password (A01.FR.01, A01.FR.02):
 * component {@value #COMPONENT_NAME}, variable {@value #VARIABLE_NAME}. The variable is write-only;
 * its value is set with {@code SetVariablesRequest} and never reported back.
 */
public final class BasicAuthPasswordVariable {

    /** The component name. */
    public static final String COMPONENT_NAME = "SecurityCtrlr";
    /** The variable name. */
    public static final String VARIABLE_NAME = "BasicAuthPassword";
    /** Maximum length of {@code SetVariableDataType.attributeValue} in the official schema. */
    public static final int MAX_ATTRIBUTE_VALUE_LENGTH = 1000;

    private BasicAuthPasswordVariable() {
    }

    /**
     * Component and variable names are compared ignoring ASCII case, as device-model names are
     * case-insensitive identifiers.
     *
     * @param componentName the component name of a SetVariableData entry
     * @param variableName the variable name of that entry
     * @return whether the entry addresses {@code SecurityCtrlr.BasicAuthPassword}
     */
    public static boolean matches(String componentName, String variableName) {
        return COMPONENT_NAME.equalsIgnoreCase(java.util.Objects.requireNonNull(componentName, "componentName"))
                && VARIABLE_NAME.equalsIgnoreCase(java.util.Objects.requireNonNull(variableName, "variableName"));
    }
}
