package io.ocppsec.core.cert;

import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.spi.RevocationSource;
import io.ocppsec.core.cert.CertificateRole.Hierarchy;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The usage snippets of the javadoc of the public {@code io.ocppsec.core.cert} types, as compiled code: each region
 * {@code // javadoc:<Type>:begin} ... {@code end} is a snippet of that type's javadoc, which
 * {@link io.ocppsec.core.JavadocSnippetsTest} compares with the javadoc. Free names are the method's parameters.
 */
final class JavadocSnippets {

    private JavadocSnippets() {
    }

    /** What the snippets did instead of closing a connection or answering a request. */
    static final List<String> ACTIONS = new ArrayList<>();

    private static void closeConnection() {
        ACTIONS.add("close");
    }

    private static void refuse(ValidationResult result) {
        ACTIONS.add("refuse " + result.isCompliant());
    }

    private static void respond(String status, String reasonCode) {
        ACTIONS.add(status + " " + reasonCode);
    }

    /** The request fields the snippets read. */
    interface CertificateSignedRequest {
        String certificateChain();
    }

    /** The InstallCertificate request field the CertificateParser snippet reads. */
    interface InstallCertificateRequest {
        String certificate();
    }

    /** The event sink of the SignedCertificateCheck snippet. */
    interface Events {
        void trigger(SecurityEventType type);
    }

    static ValidationResult certificateBindingRegistry(CertificateBindingRegistry registry,
                                                       String stationIdentityFromUrl,
                                                       X509Certificate clientCertificate) {
        // javadoc:CertificateBindingRegistry:begin
        ValidationResult r = registry.bind(stationIdentityFromUrl, clientCertificate);
        if (!r.isCompliant()) { closeConnection(); }     // another station already uses this certificate or key
        // javadoc:CertificateBindingRegistry:end
        return r;
    }

    static ValidationResult certificateLinter(X509Certificate cert) {
        // javadoc:CertificateLinter:begin
        ValidationResult r = CertificateLinter.lint(cert, CertificateRole.CHARGING_STATION,
                LintOptions.builder().expectedOrganization("Example CSO").build());
        // javadoc:CertificateLinter:end
        return r;
    }

    static List<Object> certificateParser(CertificateSignedRequest request, InstallCertificateRequest installRequest,
                                          int maxCertificateChainSize) throws CertificateParseException {
        // javadoc:CertificateParser:begin
        List<X509Certificate> chain = CertificateParser.forChain().parsePem(request.certificateChain());
        X509Certificate root = CertificateParser.forSingleCertificate().parseSinglePem(installRequest.certificate());
        CertificateParser custom = CertificateParser.builder().maxChars(maxCertificateChainSize).build();
        // javadoc:CertificateParser:end
        return List.of(chain, root, custom);
    }

    /** The station certificate the last ChainValidationResult snippet run accepted. */
    static X509Certificate acceptedStation;

    static void chainValidationResult(ChainValidator validator, List<X509Certificate> peerChain) {
        acceptedStation = null;
        // javadoc:ChainValidationResult:begin
        ChainValidationResult v = validator.validate(peerChain, Instant.now());
        if (!v.isCompliant()) { refuse(v.result()); return; }   // a refused chain may still have a leaf()
        X509Certificate station = v.leaf().orElseThrow();   // present whenever compliant
        // javadoc:ChainValidationResult:end
        acceptedStation = station;
    }

    static ValidationResult cryptoPolicy(X509Certificate cert, boolean issuedByCa) {
        // javadoc:CryptoPolicy:begin
        ValidationResult r = CryptoPolicy.checkPublicKey(cert.getPublicKey())
                .and(CryptoPolicy.checkSignatureAlgorithm(cert.getSigAlgOID(), issuedByCa));
        // javadoc:CryptoPolicy:end
        return r;
    }

    static LintOptions lintOptions() {
        // javadoc:LintOptions:begin
        LintOptions o = LintOptions.builder().expectedOrganization("Example CSO").fastExpiration(true).build();
        // javadoc:LintOptions:end
        return o;
    }

    static X509Certificate ocppChainValidator(X509Certificate root, RevocationSource ocsp,
                                              List<X509Certificate> peerChain) {
        // javadoc:OcppChainValidator:begin
        // Charging Station checking the CSMS (A00.FR.308/309, A00.FR.411/412)
        ChainValidator csms = OcppChainValidator.forCsmsCertificate(TrustAnchors.cso(root), "csms.example.com");
        // CSMS checking a Charging Station (A00.FR.403/404/405, A00.FR.702/705)
        OcppChainValidator.StationCertificates station = OcppChainValidator
                .stationBuilder(TrustAnchors.cso(root), "Example CSO").revocationSource(ocsp).build();
        ChainValidationResult r = station.withExpectedSerialNumber("CS-0001").validate(peerChain, Instant.now());
        X509Certificate validated = r.leaf().orElseThrow();   // peerChain.get(0): the certificate whose key is proven
        // javadoc:OcppChainValidator:end
        return validated;
    }

    static SignedCertificateCheck.Outcome signedCertificateCheck(TrustAnchors csoAnchors, String organizationName,
                                                                 String serialNumber, int maxCertificateChainSize,
                                                                 Clock clock, CertificateSignedRequest request,
                                                                 KeyPair pendingKeyPair, Events events) {
        // javadoc:SignedCertificateCheck:begin
        SignedCertificateCheck check = SignedCertificateCheck
                .forChargingStation(csoAnchors, organizationName, serialNumber)
                .maxCertificateChainSize(maxCertificateChainSize).clock(clock).build();
        SignedCertificateCheck.Outcome o = check.check(request.certificateChain(), pendingKeyPair.getPublic());
        if (!o.accepted()) {
            respond("Rejected", o.reasonCode().orElseThrow());
            o.securityEvent().ifPresent(events::trigger);     // A02.FR.07: InvalidChargingStationCertificate
        }
        // javadoc:SignedCertificateCheck:end
        return o;
    }

    static List<TrustAnchors> trustAnchors(X509Certificate csmsRootCertificate, String manufacturerRootsPem)
            throws CertificateParseException {
        // javadoc:TrustAnchors:begin
        TrustAnchors cso = TrustAnchors.cso(csmsRootCertificate);
        TrustAnchors manufacturer = TrustAnchors.of(Hierarchy.MANUFACTURER,
                CertificateParser.forChain().parsePem(manufacturerRootsPem));
        // javadoc:TrustAnchors:end
        return List.of(cso, manufacturer);
    }
}
