/**
 * Test support for the project's own tests (test scope only): the {@code @Verifies} requirement annotation,
 * helpers that run the openssl binary (commands, an OCSP responder) and a capturing {@link System.LoggerFinder}
 * that proves secrets never reach a log line.
 */
module io.ocppsec.testing {
    // OpensslOcspResponder takes the lab PKI's TestCertificate.
    requires transitive io.ocppsec.testpki;
    requires org.junit.jupiter.api;

    exports io.ocppsec.testing;

    provides System.LoggerFinder with io.ocppsec.testing.CapturingLoggerFinder;
}
