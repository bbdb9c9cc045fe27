package io.ocppsec.core.station;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.message.InstallCertificateRequest;
import io.ocppsec.api.message.InstallCertificateResponse;
import io.ocppsec.core.event.SecurityEventReporter;
import io.ocppsec.core.store.StationCertificateStore;

/**
 * The usage snippets of the javadoc of the public {@code io.ocppsec.core.station} types, as compiled code: each
 * region {@code // javadoc:<Type>:begin} ... {@code end} is a snippet of that type's javadoc, which
 * {@link io.ocppsec.core.JavadocSnippetsTest} compares with the javadoc. Free names are the method's parameters.
 */
final class JavadocSnippets {

    private JavadocSnippets() {
    }

    static InstallCertificateResponse certificateStoreHandler(StationCertificateStore store,
                                                              SecurityEventReporter reporter,
                                                              SecurityProfile currentProfile,
                                                              InstallCertificateRequest installCertificate) {
        // javadoc:CertificateStoreHandler:begin
        CertificateStoreHandler certificates = CertificateStoreHandler.builder(store, reporter)
                .securityProfile(() -> currentProfile).build();
        InstallCertificateResponse installed = certificates.onInstallCertificate(installCertificate);
        // javadoc:CertificateStoreHandler:end
        return installed;
    }
}
