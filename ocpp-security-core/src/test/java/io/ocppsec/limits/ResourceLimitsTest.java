package io.ocppsec.limits;

import static io.ocppsec.limits.LimitProbe.HUGE;
import static io.ocppsec.limits.LimitProbe.padTo;
import static io.ocppsec.limits.LimitProbe.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.message.OcppAction;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.core.auth.BasicAuthException;
import io.ocppsec.core.auth.BasicAuthHeader;
import io.ocppsec.core.auth.ChargingStationIdentity;
import io.ocppsec.core.cert.CertificateParseException;
import io.ocppsec.core.cert.CertificateParser;
import io.ocppsec.core.cert.SignedCertificateCheck;
import io.ocppsec.core.cert.TrustAnchors;
import io.ocppsec.core.csr.CsrInspection;
import io.ocppsec.core.csr.CsrInspector;
import io.ocppsec.core.event.SecurityEventNotificationHandler;
import io.ocppsec.core.json.OcppErrorCode;
import io.ocppsec.core.json.OcppJsonCodec;
import io.ocppsec.core.json.OcppJsonException;
import io.ocppsec.core.password.MalformedHashException;
import io.ocppsec.core.password.PasswordHasher;
import io.ocppsec.core.password.PasswordPolicy;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every text-shaped input limit of the SDK (docs/limits.md): an input just over the limit is refused with
 * the documented typed error or status, cheaply (time and allocation bounded, a 50 MiB input is not copied
 * or parsed), and an input at the limit passes the limit (it is accepted, or fails later for another reason).
 */
class ResourceLimitsTest {

    private static final TestPki PKI = TestPki.create();
    private static final TestCertificate STATION = PKI.station();

    // ------------------------------------------------------------------ certificates (CertificateParser)

    @Test
    void certificateChainTextIsBoundedAt10000Characters() throws Exception {
        String pem = TestCertificate.toPem(STATION.chainWithRoot());
        CertificateParser parser = CertificateParser.forChain();
        assertThat(parser.parsePem(padTo(pem, CertificateParser.DEFAULT_MAX_CHAIN_CHARS))).hasSize(3);

        String over = padTo(pem, CertificateParser.DEFAULT_MAX_CHAIN_CHARS + 1);
        assertThat(probe(() -> parser.parsePem(over)).cheap().outcome(CertificateParseException.class).reason())
                .isEqualTo(CertificateParseException.Reason.TOO_LARGE);
        assertThat(probe(() -> parser.parsePem(HUGE)).cheap().outcome(CertificateParseException.class).reason())
                .isEqualTo(CertificateParseException.Reason.TOO_LARGE);
        assertThat(probe(() -> parser.parseDer(new byte[CertificateParser.DEFAULT_MAX_CHAIN_CHARS + 1])).cheap()
                .outcome(CertificateParseException.class).reason()).isEqualTo(CertificateParseException.Reason.TOO_LARGE);
    }

    @Test
    void certificateChainIsBoundedAt10Certificates() throws Exception {
        X509Certificate leaf = STATION.certificate();
        String ten = TestCertificate.toPem(Collections.nCopies(10, leaf));
        String eleven = TestCertificate.toPem(Collections.nCopies(11, leaf));
        assertThat(eleven.length()).isLessThanOrEqualTo(CertificateParser.DEFAULT_MAX_CHAIN_CHARS);
        CertificateParser parser = CertificateParser.forChain();
        assertThat(parser.parsePem(ten)).hasSize(CertificateParser.DEFAULT_MAX_CERTIFICATES);
        // The 11th block is refused at its BEGIN line, after 10 certificates were decoded: bounded, not O(1).
        assertThat(probe(() -> parser.parsePem(eleven)).cheap(LimitProbe.CHEAP_MILLIS, 2L << 20)
                .outcome(CertificateParseException.class).reason())
                .isEqualTo(CertificateParseException.Reason.TOO_MANY_CERTIFICATES);
    }

    @Test
    void singleCertificateTextIsBoundedAt5500Characters() throws Exception {
        String pem = STATION.pem();
        CertificateParser parser = CertificateParser.forSingleCertificate();
        assertThat(parser.parseSinglePem(padTo(pem, CertificateParser.DEFAULT_MAX_SINGLE_CHARS)))
                .isEqualTo(STATION.certificate());
        String over = padTo(pem, CertificateParser.DEFAULT_MAX_SINGLE_CHARS + 1);
        assertThat(probe(() -> parser.parseSinglePem(over)).cheap().outcome(CertificateParseException.class).reason())
                .isEqualTo(CertificateParseException.Reason.TOO_LARGE);
        assertThat(probe(() -> parser.parseSinglePem(HUGE)).cheap().outcome(CertificateParseException.class).reason())
                .isEqualTo(CertificateParseException.Reason.TOO_LARGE);
    }

    @Test
    @Verifies({"A02.FR.16", "A03.FR.16"})
    void certificateSignedChainOverMaxCertificateChainSizeIsRejectedAsTooLargeElement() {
        String pem = TestCertificate.toPem(STATION.chain());
        int max = pem.length() + 100;
        SignedCertificateCheck check = SignedCertificateCheck
                .forChargingStation(TrustAnchors.cso(PKI.csoRoot().certificate()), TestPki.CSO_NAME,
                        TestPki.STATION_SERIAL)
                .maxCertificateChainSize(max).clock(TestPki.CLOCK).build();
        var key = STATION.keyPair().getPublic();

        SignedCertificateCheck.Outcome atLimit = check.check(padTo(pem, max), key);
        assertThat(atLimit.accepted()).as(atLimit.result().describe()).isTrue();

        String over = padTo(pem, max + 1);
        SignedCertificateCheck.Outcome tooLarge = probe(() -> check.check(over, key)).cheap()
                .outcome(SignedCertificateCheck.Outcome.class);
        assertThat(tooLarge.accepted()).isFalse();
        assertThat(tooLarge.reasonCode()).contains(SignedCertificateCheck.TOO_LARGE_ELEMENT);
        assertThat(tooLarge.result().violates("A02.FR.16")).isTrue();
        assertThat(tooLarge.securityEvent()).isEmpty();
        assertThat(tooLarge.chain()).isEmpty();

        SignedCertificateCheck defaults = SignedCertificateCheck
                .forChargingStation(TrustAnchors.cso(PKI.csoRoot().certificate()), TestPki.CSO_NAME,
                        TestPki.STATION_SERIAL).clock(TestPki.CLOCK).build();
        assertThat(probe(() -> defaults.check(HUGE, key)).cheap().outcome(SignedCertificateCheck.Outcome.class)
                .reasonCode()).contains(SignedCertificateCheck.TOO_LARGE_ELEMENT);
    }

    @Test
    void trustAnchorsAreBoundedAt100Roots() {
        X509Certificate root = PKI.csoRoot().certificate();
        assertThatCode(() -> TrustAnchors.cso(Collections.nCopies(TrustAnchors.MAX_ANCHORS, root)
                .toArray(X509Certificate[]::new))).doesNotThrowAnyException();
        X509Certificate[] over = Collections.nCopies(TrustAnchors.MAX_ANCHORS + 1, root).toArray(X509Certificate[]::new);
        assertThat(probe(() -> TrustAnchors.cso(over)).cheap().outcome(IllegalArgumentException.class))
                .hasMessageContaining("at most " + TrustAnchors.MAX_ANCHORS);
    }

    // ------------------------------------------------------------------ CSR (CsrInspector)

    @Test
    void csrTextIsBoundedAt5500Characters() {
        CsrInspector inspector = CsrInspector.forOrganization(TestPki.CSO_NAME);
        String atLimit = padTo("-----BEGIN CERTIFICATE REQUEST-----\n", 5500);
        CsrInspection at = inspector.inspect(atLimit, TestPki.STATION_SERIAL,
                CertificateSigningUse.CHARGING_STATION_CERTIFICATE);
        assertThat(at.isAccepted()).isFalse(); // not a CSR, but refused by the PEM reader, not by the size check
        assertThat(at.result().violations().get(0).found()).doesNotContain("of 5500 characters");

        for (String over : List.of(padTo("-----BEGIN CERTIFICATE REQUEST-----\n", 5501), HUGE)) {
            CsrInspection o = probe(() -> inspector.inspect(over, TestPki.STATION_SERIAL,
                    CertificateSigningUse.CHARGING_STATION_CERTIFICATE)).cheap().outcome(CsrInspection.class);
            assertThat(o.isAccepted()).isFalse();
            assertThat(o.reasonCode()).contains(CsrInspection.REASON_INVALID_CSR);
            assertThat(o.result().violates("A02.FR.03")).isTrue();
            assertThat(o.result().violations().get(0).found()).isEqualTo("a CSR of " + over.length() + " characters");
        }
    }

    // ------------------------------------------------------------------ OCPP-J frames (OcppJsonCodec)

    private static final String UNKNOWN_ACTION_CALL = "[2,\"1\",\"NoSuchAction\",{}]";

    @Test
    void frameIsBoundedAt64KiBCharacters() {
        OcppJsonCodec codec = OcppJsonCodec.create();
        String atLimit = padTo(UNKNOWN_ACTION_CALL, OcppJsonCodec.DEFAULT_MAX_FRAME_CHARS).replace('\n', ' ');
        OcppJsonException at = (OcppJsonException) LimitProbe.call(() -> codec.decode(atLimit));
        assertThat(at.errorCode()).isEqualTo(OcppErrorCode.NOT_IMPLEMENTED); // parsed; the action is unknown

        String over = atLimit + " ";
        for (String text : List.of(over, HUGE)) {
            OcppJsonException e = probe(() -> codec.decode(text)).cheap().outcome(OcppJsonException.class);
            assertThat(e.errorCode()).isEqualTo(OcppErrorCode.RPC_FRAMEWORK_ERROR);
            assertThat(e).hasMessageContaining("the limit is " + OcppJsonCodec.DEFAULT_MAX_FRAME_CHARS);
        }
        OcppJsonCodec small = OcppJsonCodec.withLimits(64, 8, 11);
        OcppJsonException e = probe(() -> small.decode(padTo(UNKNOWN_ACTION_CALL, 65).replace('\n', ' '))).cheap()
                .outcome(OcppJsonException.class);
        assertThat(e).hasMessageContaining("the limit is 64");
        assertThat(((OcppJsonException) LimitProbe.call(() -> small.decode(
                padTo(UNKNOWN_ACTION_CALL, 64).replace('\n', ' ')))).errorCode()).isEqualTo(OcppErrorCode.NOT_IMPLEMENTED);
    }

    @Test
    void nestingIsBoundedAtDepth32() {
        OcppJsonCodec codec = OcppJsonCodec.create();
        int max = OcppJsonCodec.DEFAULT_MAX_DEPTH;
        OcppJsonException at = (OcppJsonException) LimitProbe.call(() -> codec.decode("[".repeat(max) + "]".repeat(max)));
        assertThat(at).hasMessageNotContaining("nesting"); // parsed; a one-element frame is refused afterwards

        OcppJsonException over = probe(() -> codec.decode("[".repeat(max + 1) + "]".repeat(max + 1))).cheap()
                .outcome(OcppJsonException.class);
        assertThat(over.errorCode()).isEqualTo(OcppErrorCode.RPC_FRAMEWORK_ERROR);
        assertThat(over).hasMessageContaining("nesting deeper than " + max);
        // The deepest nesting a frame of the maximum size can hold is refused at depth 33, not parsed further.
        String deep = "[".repeat(OcppJsonCodec.DEFAULT_MAX_FRAME_CHARS / 2) + "]".repeat(OcppJsonCodec.DEFAULT_MAX_FRAME_CHARS / 2);
        assertThat(probe(() -> codec.decode(deep)).cheap().outcome(OcppJsonException.class))
                .hasMessageContaining("nesting deeper than " + max);
    }

    @Test
    void numberLiteralsAreBoundedAt32Characters() {
        OcppJsonCodec codec = OcppJsonCodec.create();
        int max = OcppJsonCodec.DEFAULT_MAX_NUMBER_CHARS;
        String at = "[2" + "0".repeat(max - 1) + ",\"1\",\"NoSuchAction\",{}]";
        assertThat((OcppJsonException) LimitProbe.call(() -> codec.decode(at))).hasMessageNotContaining("number literal");

        String over = "[2" + "0".repeat(max) + ",\"1\",\"NoSuchAction\",{}]";
        OcppJsonException e = probe(() -> codec.decode(over)).cheap().outcome(OcppJsonException.class);
        assertThat(e.errorCode()).isEqualTo(OcppErrorCode.RPC_FRAMEWORK_ERROR);
        assertThat(e).hasMessageContaining("number literal longer than " + max);
        // A number that fills a whole frame: one token, refused without BigDecimal work.
        String wide = "[2,\"1\",\"NoSuchAction\",{\"n\":1" + "0".repeat(60_000) + "}]";
        assertThat(probe(() -> codec.decode(wide)).cheap(LimitProbe.CHEAP_MILLIS, 2L << 20)
                .outcome(OcppJsonException.class)).hasMessageContaining("number literal");
    }

    @Test
    void messageIdIsBoundedAt36Characters() {
        OcppJsonCodec codec = OcppJsonCodec.create();
        String at = "[2,\"" + "m".repeat(36) + "\",\"NoSuchAction\",{}]";
        assertThat(((OcppJsonException) LimitProbe.call(() -> codec.decode(at))).errorCode())
                .isEqualTo(OcppErrorCode.NOT_IMPLEMENTED);
        String over = "[2,\"" + "m".repeat(37) + "\",\"NoSuchAction\",{}]";
        OcppJsonException e = probe(() -> codec.decode(over)).cheap().outcome(OcppJsonException.class);
        assertThat(e.errorCode()).isEqualTo(OcppErrorCode.RPC_FRAMEWORK_ERROR);
        assertThat(e).hasMessageContaining("messageId must be 1 to 36");
    }

    @Test
    void payloadStringsAreBoundedByTheSchemaMaxLength() throws Exception {
        OcppJsonCodec codec = OcppJsonCodec.create();
        String at = "{\"csr\":\"" + "c".repeat(5500) + "\"}";
        assertThat(codec.decodeRequest(OcppAction.SIGN_CERTIFICATE, at)).isNotNull();
        String over = "{\"csr\":\"" + "c".repeat(5501) + "\"}";
        OcppJsonException e = probe(() -> codec.decodeRequest(OcppAction.SIGN_CERTIFICATE, over))
                .cheap(LimitProbe.CHEAP_MILLIS, 1L << 20).outcome(OcppJsonException.class);
        assertThat(e.errorCode()).isEqualTo(OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION);
        assertThat(e.propertyPath()).contains("$.csr");
    }

    // ------------------------------------------------------------------ Basic auth

    @Test
    void basicAuthHeaderIsBoundedAt512Characters() {
        // 506 characters of token cannot be padded base64 (not a multiple of 4): refused, but by the decoder.
        String at = "Basic " + "A".repeat(BasicAuthHeader.MAX_HEADER_LENGTH - 6);
        assertThat(((BasicAuthException) LimitProbe.call(() -> BasicAuthHeader.parse(at))).reason())
                .isNotEqualTo(BasicAuthException.Reason.TOO_LONG);
        for (String over : List.of(at + "A", "Basic " + HUGE)) {
            assertThat(probe(() -> BasicAuthHeader.parse(over)).cheap().outcome(BasicAuthException.class).reason())
                    .isEqualTo(BasicAuthException.Reason.TOO_LONG);
        }
    }

    @Test
    void stationIdentityIsBoundedAt48Characters() {
        assertThat(ChargingStationIdentity.of("i".repeat(ChargingStationIdentity.MAX_LENGTH)).value())
                .hasSize(ChargingStationIdentity.MAX_LENGTH);
        for (String over : List.of("i".repeat(ChargingStationIdentity.MAX_LENGTH + 1), HUGE)) {
            assertThat(probe(() -> ChargingStationIdentity.of(over)).cheap().outcome(IllegalArgumentException.class))
                    .hasMessageContaining("at most 48 allowed");
        }
    }

    // ------------------------------------------------------------------ passwords

    @Test
    @Verifies({"A00.FR.205", "A00.FR.304"})
    void passwordLengthIsBoundedAt40OrTheErrataMaximum() {
        PasswordPolicy edition3 = PasswordPolicy.EDITION_3;
        assertThat(edition3.check("p".repeat(40)).isCompliant()).isTrue();
        ValidationResult r = probe(() -> edition3.check("p".repeat(41))).cheap().outcome(ValidationResult.class);
        assertThat(r.violates("A00.FR.205")).isTrue();
        assertThat(r.violates("A00.FR.304")).isTrue();
        PasswordPolicy errata = PasswordPolicy.errata2025(PasswordPolicy.ERRATA_MAX_LENGTH_LIMIT);
        assertThat(errata.check("p".repeat(64)).isCompliant()).isTrue();
        assertThat(errata.check("p".repeat(65)).isCompliant()).isFalse();
    }

    @Test
    void passwordPolicyScansAHugeValueWithoutCopyingIt() {
        // Known weakness (docs/limits.md): check() counts every code point before comparing with the maximum,
        // so a 50 MiB value costs a linear scan. It allocates nothing input-sized; callers on the wire
        // (StationPasswordUpdate, BasicAuthHeader) refuse oversized values before calling it.
        ValidationResult r = probe(() -> PasswordPolicy.EDITION_3.check(HUGE)).cheap(500, LimitProbe.SMALL_BYTES)
                .outcome(ValidationResult.class);
        assertThat(r.isCompliant()).isFalse();
    }

    private static final String SALT = "c2FsdHNhbHRzYWx0c2FsdA";                         // 16 bytes
    private static final String HASH = "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";   // 32 bytes

    @Test
    void passwordHashStringIsBoundedAt256Characters() {
        String valid = "$pbkdf2-sha256$i=10000$" + SALT + "$" + HASH;
        assertThatCode(() -> PasswordHasher.checkFormat(valid)).doesNotThrowAnyException();
        String at = padTo(valid, PasswordHasher.MAX_ENCODED_LENGTH).replace('\n', 'x');
        assertThat(((MalformedHashException) LimitProbe.call(() -> checkFormat(at))).reason())
                .isNotEqualTo(MalformedHashException.Reason.TOO_LONG);
        for (String over : List.of(at + "x", HUGE)) {
            assertThat(probe(() -> checkFormat(over)).cheap().outcome(MalformedHashException.class)
                    .reason()).isEqualTo(MalformedHashException.Reason.TOO_LONG);
        }
    }

    private static Object checkFormat(String hash) throws MalformedHashException {
        PasswordHasher.checkFormat(hash);
        return "well-formed";
    }

    @Test
    void passwordHashCostParametersAreBoundedBeforeAnyHashing() {
        List<String> atLimit = List.of(
                "$pbkdf2-sha256$i=" + PasswordHasher.MAX_PBKDF2_ITERATIONS + "$" + SALT + "$" + HASH,
                "$pbkdf2-sha256$i=" + PasswordHasher.MIN_PBKDF2_ITERATIONS + "$" + SALT + "$" + HASH,
                "$argon2id$v=19$m=" + PasswordHasher.MAX_ARGON2_MEMORY_KIB + ",t=" + PasswordHasher.MAX_ARGON2_ITERATIONS
                        + ",p=" + PasswordHasher.MAX_ARGON2_PARALLELISM + "$" + SALT + "$" + HASH);
        for (String h : atLimit) {
            assertThatCode(() -> PasswordHasher.checkFormat(h)).as(h).doesNotThrowAnyException();
        }
        List<String> over = List.of(
                "$pbkdf2-sha256$i=" + (PasswordHasher.MAX_PBKDF2_ITERATIONS + 1) + "$" + SALT + "$" + HASH,
                "$pbkdf2-sha256$i=" + (PasswordHasher.MIN_PBKDF2_ITERATIONS - 1) + "$" + SALT + "$" + HASH,
                "$pbkdf2-sha256$i=99999999999999$" + SALT + "$" + HASH,
                "$argon2id$v=19$m=" + (PasswordHasher.MAX_ARGON2_MEMORY_KIB + 1) + ",t=1,p=1$" + SALT + "$" + HASH,
                "$argon2id$v=19$m=65536,t=" + (PasswordHasher.MAX_ARGON2_ITERATIONS + 1) + ",p=1$" + SALT + "$" + HASH,
                "$argon2id$v=19$m=65536,t=1,p=" + (PasswordHasher.MAX_ARGON2_PARALLELISM + 1) + "$" + SALT + "$" + HASH,
                "$pbkdf2-sha256$i=10000$" + "c2FsdA" + "$" + HASH,                       // 4-byte salt
                "$pbkdf2-sha256$i=10000$" + SALT + "$" + "QUFB".repeat(22));              // 66-byte hash
        for (String h : over) {
            MalformedHashException e = probe(() -> checkFormat(h)).cheap()
                    .outcome(MalformedHashException.class);
            assertThat(e.reason()).as(h).isEqualTo(MalformedHashException.Reason.PARAMETER_OUT_OF_RANGE);
        }
        // verify() refuses the same hash strings without running the hash function.
        PasswordHasher hasher = PasswordHasher.defaults();
        try (var password = io.ocppsec.core.password.BasicAuthPassword.of("p".repeat(24))) {
            assertThat(probe(() -> hasher.verify(password, over.get(2))).cheap().outcome(MalformedHashException.class)
                    .reason()).isEqualTo(MalformedHashException.Reason.PARAMETER_OUT_OF_RANGE);
        }
    }

    // ------------------------------------------------------------------ SecurityEventNotification (CSMS side)

    @Test
    void securityEventNotificationFieldsAreBoundedByTheSchema() {
        SecurityEventNotificationHandler h = SecurityEventNotificationHandler.create((station, event) -> { },
                TestPki.CLOCK, Duration.ofDays(1));
        String ts = "2026-06-01T12:00:00Z";
        assertThat(h.handle("CS-0001", "t".repeat(50), ts, Optional.of("i".repeat(255))).accepted()).isPresent();

        List<Object[]> over = List.of(
                new Object[] {"t".repeat(51), ts, Optional.<String>empty()},
                new Object[] {HUGE, ts, Optional.<String>empty()},
                new Object[] {"Custom", ts, Optional.of("i".repeat(256))},
                new Object[] {"Custom", ts, Optional.of(HUGE)},
                new Object[] {"Custom", "2".repeat(65), Optional.<String>empty()},
                new Object[] {"Custom", HUGE, Optional.<String>empty()});
        for (Object[] c : over) {
            @SuppressWarnings("unchecked")
            Optional<String> techInfo = (Optional<String>) c[2];
            SecurityEventNotificationHandler.Outcome o = probe(() -> h.handle("CS-0001", (String) c[0], (String) c[1],
                    techInfo)).cheap().outcome(SecurityEventNotificationHandler.Outcome.class);
            assertThat(o.accepted()).isEmpty();
            assertThat(o.callErrorCode()).contains("FormatViolation");
            assertThat(o.validation().violations().get(0).found()).contains("characters");
        }
    }

    // ------------------------------------------------------------------ OCSP response size

    @Test
    void ocspResponseIsBoundedByMaxResponseBytes() {
        X509Certificate cert = STATION.certificate();
        X509Certificate issuer = STATION.issuers().get(0);
        int max = 1024;
        byte[] atLimit = new byte[max];
        byte[] over = new byte[max + 1];
        for (byte[] answer : List.of(atLimit, over)) {
            var source = io.ocppsec.core.revocation.OcspRevocationSource.builder()
                    .responderUrl(java.net.URI.create("http://127.0.0.1:9/ocsp")).maxResponseBytes(max)
                    .transport((url, request, limit) -> answer).build();
            var status = probe(() -> source.check(cert, issuer, TestPki.NOW)).cheap()
                    .outcome(io.ocppsec.api.spi.RevocationStatus.class);
            assertThat(status.state()).isEqualTo(io.ocppsec.api.spi.RevocationStatus.State.UNKNOWN);
            if (answer == over) {
                assertThat(status.detail()).contains("over the limit of " + max);
            } else {
                assertThat(status.detail()).doesNotContain("over the limit"); // parsed, and refused as malformed
            }
        }
    }
    // ------------------------------------------------------------------ smaller value limits

    @Test
    void smallValueLimitsAreRefusedCheaplyJustOverAndAcceptedAt() {
        record Case(String what, int max, java.util.function.Function<String, Object> make, String fill) {
        }
        List<Case> cases = List.of(
                new Case("NetworkConnectionSlot.csmsUrl", io.ocppsec.core.profile.NetworkConnectionSlot.MAX_URL_LENGTH,
                        s -> new io.ocppsec.core.profile.NetworkConnectionSlot(1,
                                io.ocppsec.api.SecurityProfile.TLS_CLIENT_CERTIFICATE, s), "wss://h/"),
                new Case("KeyHandle alias", io.ocppsec.core.store.KeyHandle.MAX_ALIAS_LENGTH,
                        io.ocppsec.core.store.KeyHandle::external, "k"),
                new Case("OcppCallError.errorDescription", io.ocppsec.core.json.OcppCallError.MAX_DESCRIPTION_LENGTH,
                        s -> new io.ocppsec.core.json.OcppCallError("1", OcppErrorCode.GENERIC_ERROR, s), "d"),
                new Case("OcppCall.messageId", io.ocppsec.core.json.OcppFrame.MAX_MESSAGE_ID_LENGTH,
                        s -> new io.ocppsec.core.json.OcppCall(s, new io.ocppsec.api.message.SignCertificateRequest("c",
                                Optional.empty())), "m"));
        for (Case c : cases) {
            String at = c.fill() + "a".repeat(c.max() - c.fill().length());
            assertThatCode(() -> c.make().apply(at)).as(c.what()).doesNotThrowAnyException();
            for (String over : List.of(at + "a", c.fill() + HUGE)) {
                assertThat(probe(() -> c.make().apply(over)).cheap().outcome(IllegalArgumentException.class))
                        .as(c.what()).hasMessageContaining(String.valueOf(c.max())).hasMessageNotContaining("aaaaaaaa");
            }
        }
    }

    @Test
    void chainValidatorRefusesMoreThan20CertificatesBeforePathBuilding() {
        var validator = io.ocppsec.core.cert.OcppChainValidator.forChargingStationCertificate(
                TrustAnchors.cso(PKI.csoRoot().certificate()), TestPki.CSO_NAME);
        ValidationResult at = validator.validate(Collections.nCopies(20, STATION.certificate()), TestPki.NOW).result();
        assertThat(at.violations()).noneMatch(v -> v.found().equals("a chain of 20 certificates"));
        List<X509Certificate> over = Collections.nCopies(21, STATION.certificate());
        ValidationResult r = probe(() -> validator.validate(over, TestPki.NOW)).cheap()
                .outcome(io.ocppsec.core.cert.ChainValidationResult.class).result();
        assertThat(r.isCompliant()).isFalse();
        assertThat(r.violations()).singleElement().satisfies(v -> assertThat(v.found()).isEqualTo("a chain of 21 certificates"));
    }
}
