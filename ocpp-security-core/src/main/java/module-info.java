/**
 * The OCPP 2.0.1 Block A policy engine: certificate policy and validation, CSRs, passwords and Basic
 * auth, security profiles, certificate signing (A02/A03), the station certificate store, the security log
 * and event queue, and the OCPP-J codecs. Depends on Bouncy Castle and Jakarta JSON Processing (Parsson) only.
 */
module io.ocppsec.core {
    requires transitive io.ocppsec.api;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.util;
    requires jakarta.json;
    requires java.net.http;

    exports io.ocppsec.core.cert;
    exports io.ocppsec.core.json;
    exports io.ocppsec.core.firmware;
    exports io.ocppsec.core.event;
    exports io.ocppsec.core.revocation;
    exports io.ocppsec.core.csr;
    exports io.ocppsec.core.ca;
    exports io.ocppsec.core.password;
    exports io.ocppsec.core.auth;
    exports io.ocppsec.core.credential;
    exports io.ocppsec.core.store;
    exports io.ocppsec.core.profile;
    exports io.ocppsec.core.signing;
    exports io.ocppsec.core.station;

    // One copy of each shared rule (names, host-name syntax, fingerprints, printable text), for our own modules only.
    exports io.ocppsec.core.internal.x509 to io.ocppsec.tls;
    exports io.ocppsec.core.internal.text to io.ocppsec.tls;
}
