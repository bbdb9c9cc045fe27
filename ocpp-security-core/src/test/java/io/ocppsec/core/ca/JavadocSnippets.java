package io.ocppsec.core.ca;

import io.ocppsec.api.spi.CertificateAuthority;
import io.ocppsec.core.csr.CsrInspection;
import io.ocppsec.core.csr.CsrInspector;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * The usage snippets of the javadoc of the public {@code io.ocppsec.core.ca} types, as compiled code: each region
 * {@code // javadoc:<Type>:begin} ... {@code end} is a snippet of that type's javadoc, which
 * {@link io.ocppsec.core.JavadocSnippetsTest} compares with the javadoc. Free names are the method's parameters.
 */
final class JavadocSnippets {

    private JavadocSnippets() {
    }

    /** The chains the snippet's CA issued. */
    static final List<List<X509Certificate>> ISSUED = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static void sendCertificateSigned(List<X509Certificate> chain) {
        ISSUED.add(chain);
    }

    static CertificateAuthority insecureLocalCertificateAuthority(X509Certificate subCaCert, PrivateKey subCaKey,
                                                                  CsrInspection inspection) {
        // javadoc:InsecureLocalCertificateAuthority:begin
        CertificateAuthority ca = InsecureLocalCertificateAuthority.builder(subCaCert, subCaKey)
                .inspector(CsrInspector.forOrganization("Example CSO"))
                .validity(Duration.ofDays(365))
                .build();
        ca.sign(inspection.signingRequest().orElseThrow()).thenAccept(chain -> sendCertificateSigned(chain));
        // javadoc:InsecureLocalCertificateAuthority:end
        return ca;
    }
}
