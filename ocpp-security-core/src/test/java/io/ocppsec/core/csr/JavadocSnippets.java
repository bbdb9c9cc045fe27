package io.ocppsec.core.csr;

import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.message.SignCertificateRequest;
import io.ocppsec.api.spi.CertificateAuthority;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The usage snippets of the javadoc of the public {@code io.ocppsec.core.csr} types, as compiled code: each region
 * {@code // javadoc:<Type>:begin} ... {@code end} is a snippet of that type's javadoc, which
 * {@link io.ocppsec.core.JavadocSnippetsTest} compares with the javadoc. Free names are the method's parameters.
 */
final class JavadocSnippets {

    private JavadocSnippets() {
    }

    static final String ACCEPTED = "Accepted";
    static final String REJECTED = "Rejected";

    /** What the snippets sent, answered or kept, in order. */
    static final List<Object> ACTIONS = new ArrayList<>();

    /** A key held in a hardware token: the CsrSigner snippet signs with it. */
    interface Token {
        PublicKey publicKey();

        byte[] sign(byte[] data) throws GeneralSecurityException;
    }

    private static void send(SignCertificateRequest request) {
        ACTIONS.add(request);
    }

    private static void keep(GeneratedKeyPair keyPair) {
        ACTIONS.add(keyPair);
    }

    private static void respond(String status) {
        ACTIONS.add(status);
    }

    private static void respond(String status, String reasonCode, String details) {
        ACTIONS.add(status + " " + reasonCode + ": " + details);
    }

    static GeneratedCsr csrBuilder(String organizationName, String serialNumber, SecureRandom secureRandom)
            throws CsrException {
        // javadoc:CsrBuilder:begin
        GeneratedCsr csr = CsrBuilder.forChargingStation(organizationName, serialNumber)
                .keyAlgorithm(KeyAlgorithm.EC_P256)
                .random(secureRandom)
                .generate();
        send(new SignCertificateRequest(csr.request().pem(), Optional.of(csr.request().use())));
        keep(csr.keyPair());   // until CertificateSigned arrives
        // javadoc:CsrBuilder:end
        return csr;
    }

    static CsrInspection csrInspection(CsrInspector inspector, SignCertificateRequest request, String stationSerial,
                                       CertificateAuthority ca) {
        // javadoc:CsrInspection:begin
        CsrInspection inspection = inspector.inspect(request.csr(), stationSerial, request.certificateType());
        if (inspection.isAccepted()) {
            respond(ACCEPTED);
            ca.sign(inspection.signingRequest().orElseThrow());
        } else {
            respond(REJECTED, inspection.reasonCode().orElseThrow(), inspection.result().describe());
        }
        // javadoc:CsrInspection:end
        return inspection;
    }

    static CsrInspection csrInspector(String csrPem) {
        // javadoc:CsrInspector:begin
        CsrInspector inspector = CsrInspector.forOrganization("Example CSO");
        CsrInspection inspection = inspector.inspect(csrPem, "CS-0001", CertificateSigningUse.CHARGING_STATION_CERTIFICATE);
        // javadoc:CsrInspector:end
        return inspection;
    }

    static SigningRequest csrSigner(Token token) throws CsrException {
        // javadoc:CsrSigner:begin
        CsrSigner hsm = new CsrSigner() {
            public PublicKey publicKey() { return token.publicKey(); }
            public String signatureAlgorithm() { return "SHA256withECDSA"; }
            public byte[] sign(byte[] data) throws GeneralSecurityException { return token.sign(data); }
        };
        SigningRequest csr = CsrBuilder.forChargingStation("ACME CPO", "SN-0001").sign(hsm);
        // javadoc:CsrSigner:end
        return csr;
    }
}
