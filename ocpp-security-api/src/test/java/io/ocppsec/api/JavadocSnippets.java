package io.ocppsec.api;

import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.message.OcppAction;
import io.ocppsec.api.message.OcppMessage;
import io.ocppsec.api.message.SignCertificateRequest;
import io.ocppsec.api.requirement.RequirementId;
import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.RequirementViolationException;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.requirement.Violation;
import io.ocppsec.api.spi.CertificateAuthority;
import io.ocppsec.api.spi.CertificateSigningRequest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The usage snippets of the javadoc of the public {@code io.ocppsec.api.*} types, as compiled code: each region
 * {@code // javadoc:<Type>:begin} ... {@code end} is a snippet of that type's javadoc, which
 * {@link JavadocSnippetsTest} compares with the javadoc. Free names are the method's parameters.
 */
final class JavadocSnippets {

    private JavadocSnippets() {
    }

    /** What the snippets logged or sent, in order. */
    static final List<Object> ACTIONS = new ArrayList<>();

    /** A validator of a certificate chain, as the ValidationResult snippet uses one. */
    interface Validator {
        ValidationResult validate(List<X509Certificate> chain);
    }

    /** The CSMS side that sends CertificateSignedRequests. */
    interface Csms {
        void sendCertificateSigned(String stationId, List<X509Certificate> chain,
                                   Optional<CertificateSigningUse> certificateType);
    }

    private static void log(String message) {
        ACTIONS.add(message);
    }

    private static void sendCertificateSigned(List<X509Certificate> chain,
                                              Optional<CertificateSigningUse> certificateType) {
        ACTIONS.add(chain);
    }

    static SecurityProfile securityProfile() {
        // javadoc:SecurityProfile:begin
        SecurityProfile profile = SecurityProfile.fromOcpp(3);   // TLS_CLIENT_CERTIFICATE
        if (profile.usesTls()) {
            // wss://, with the TLS settings of the profile
        }
        // javadoc:SecurityProfile:end
        return profile;
    }

    static List<Boolean> securityEventType() {
        // javadoc:SecurityEventType:begin
        SecurityEventType t = SecurityEventType.of("InvalidCsmsCertificate");
        boolean same = t == SecurityEventType.INVALID_CSMS_CERTIFICATE;   // true
        boolean critical = t.isCritical();                                // true
        // javadoc:SecurityEventType:end
        return List.of(same, critical);
    }

    static OcppAction ocppAction() {
        // javadoc:OcppAction:begin
        OcppAction a = OcppAction.fromOcpp("SignCertificate");   // SIGN_CERTIFICATE
        a.requestType();                                        // SignCertificateRequest.class
        // javadoc:OcppAction:end
        return a;
    }

    static OcppMessage ocppMessage(String csrPem) {
        // javadoc:OcppMessage:begin
        OcppMessage m = new SignCertificateRequest(csrPem, Optional.of(CertificateSigningUse.CHARGING_STATION_CERTIFICATE));
        m.action();   // OcppAction.SIGN_CERTIFICATE
        // javadoc:OcppMessage:end
        return m;
    }

    static ValidationResult validationResult(Validator validator, List<X509Certificate> chain)
            throws RequirementViolationException {
        // javadoc:ValidationResult:begin
        ValidationResult result = validator.validate(chain);
        if (!result.isCompliant()) {
            result.blocking().forEach(v -> log(v.message()));
        }
        result.orThrow();   // or raise a checked RequirementViolationException
        // javadoc:ValidationResult:end
        return result;
    }

    static Violation violation() {
        // javadoc:Violation:begin
        Violation v = Violation.of(RequirementId.of("A00.FR.502"), RequirementLevel.SHALL,
                "RSA key of 1024 bits", "RSA key of at least 2048 bits").atChainIndex(0);
        // javadoc:Violation:end
        return v;
    }

    static CertificateAuthority certificateAuthority(CertificateAuthority yourCertificateAuthority, String csrPem,
                                                     Optional<CertificateSigningUse> certificateType,
                                                     String stationId, Csms csms) {
        // javadoc:CertificateAuthority:begin
        CertificateAuthority ca = yourCertificateAuthority;   // e.g. a client of the CSO's CA
        ca.sign(new CertificateSigningRequest(csrPem, certificateType, stationId))
                .thenAccept(chain -> csms.sendCertificateSigned(stationId, chain, certificateType));
        // javadoc:CertificateAuthority:end
        return ca;
    }

    static CertificateSigningRequest certificateSigningRequest(String csrPem, CertificateAuthority ca) {
        // javadoc:CertificateSigningRequest:begin
        var request = new CertificateSigningRequest(csrPem, Optional.of(CertificateSigningUse.CHARGING_STATION_CERTIFICATE),
                "CS-0001");
        ca.sign(request).thenAccept(chain -> sendCertificateSigned(chain, request.certificateType()));
        // javadoc:CertificateSigningRequest:end
        return request;
    }
}
