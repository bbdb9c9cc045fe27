package io.ocppsec.core.revocation;

import io.ocppsec.api.spi.RevocationSource;
import io.ocppsec.api.spi.RevocationStatus;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

/**
 * The usage snippets of the javadoc of the public {@code io.ocppsec.core.revocation} types, as compiled code: each
 * region {@code // javadoc:<Type>:begin} ... {@code end} is a snippet of that type's javadoc, which
 * {@link io.ocppsec.core.JavadocSnippetsTest} compares with the javadoc. Free names are the method's parameters.
 * Both ask an OCSP responder, so they are compiled, not run.
 */
final class JavadocSnippets {

    private JavadocSnippets() {
    }

    static RevocationSource cachingRevocationSource() {
        // javadoc:CachingRevocationSource:begin
        RevocationSource source = CachingRevocationSource.builder(OcspRevocationSource.builder().build())
                .maxTtl(Duration.ofMinutes(10)).unknownTtl(Duration.ofSeconds(15)).build();
        // javadoc:CachingRevocationSource:end
        return source;
    }

    static RevocationStatus ocspRevocationSource(X509Certificate stationCert, X509Certificate subCaCert) {
        // javadoc:OcspRevocationSource:begin
        RevocationSource ocsp = OcspRevocationSource.builder()
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(4))
                .build();
        RevocationSource cached = CachingRevocationSource.builder(ocsp).build();
        RevocationStatus s = cached.check(stationCert, subCaCert, Instant.now());
        // javadoc:OcspRevocationSource:end
        return s;
    }
}
