/**
 * The vocabulary of the ocpp-security SDK (OCPP 2.0.1 Part 2, Functional Block A "Security").
 *
 * <p>This module depends on the JDK only: no third-party type appears in its public signatures.
 */
module io.ocppsec.api {
    exports io.ocppsec.api;
    exports io.ocppsec.api.requirement;
    exports io.ocppsec.api.event;
    exports io.ocppsec.api.message;
    exports io.ocppsec.api.spi;
}
