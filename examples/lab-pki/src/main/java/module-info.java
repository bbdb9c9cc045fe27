/**
 * A lab OCPP PKI minted in memory for tests, the demo and the CLI's gen-pki: root, sub-CA and leaf certificates
 * of every OCPP role, plus deliberately broken ones. Its keys and certificates are for tests only: never use them
 * in production. It does not depend on the SDK, so that the SDK's own tests can use it.
 */
module io.ocppsec.testpki {
    // Bouncy Castle types appear in the public API (TestPki.BC, TestCertificateBuilder.extendedKeyUsage).
    requires transitive org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    // ForgedChain edits the RDNs of a name with javax.naming.ldap.
    requires java.naming;

    exports io.ocppsec.testpki;
}
