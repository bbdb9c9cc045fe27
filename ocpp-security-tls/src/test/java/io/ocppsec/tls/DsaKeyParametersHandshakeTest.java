package io.ocppsec.tls;

import static io.ocppsec.tls.TlsTestSupport.PKI;
import static io.ocppsec.tls.TlsTestSupport.TIMEOUT;
import static io.ocppsec.tls.TlsTestSupport.build;
import static io.ocppsec.tls.TlsTestSupport.csms;
import static io.ocppsec.tls.TlsTestSupport.material;
import static io.ocppsec.tls.TlsTestSupport.station;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.PkiRole;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.tls.TlsTestSupport.Recorder;
import io.ocppsec.tls.TlsTestSupport.Server;
import java.security.interfaces.DSAKey;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 22, over loopback: a peer chain with a DSA CA certificate whose key inherits its parameters (JDK
 * {@code DSAKey.getParams()} null) reached {@code CryptoPolicy.checkPublicKey} in the trust managers and threw
 * NullPointerException. Now the handshake ends with an invalid-certificate failure that names A00.FR.504 at the
 * index of the DSA certificate, on both sides. The leaves are EC, so JSSE signs the handshake as usual.
 */
class DsaKeyParametersHandshakeTest {

    /** A DSA sub-CA under the EC CSO root, its key encoded without parameters. */
    static final TestCertificate DSA_SUB = PKI.builder(PkiRole.CSO_SUB_CA, PKI.csoRoot())
            .organization(TestPki.CSO_NAME).commonName("Example CSO DSA Sub-CA").keyType(KeyType.DSA_2048)
            .withoutKeyParameters().pathLength(0).build();

    private static TlsPolicy only(TlsVersion version) {
        return TlsPolicy.STATION_ECDSA.toBuilder().versions(version).build();
    }

    private static boolean dsaRefusedAt(ValidationResult r, int index) {
        return ForgedChainHandshakeTest.violatesAt(r, "A00.FR.504", index);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TlsVersion.class)
    @Verifies({"A00.FR.403", "A00.FR.504"})
    void csmsRefusesAStationChainWithAnInheritedParametersDsaCa(TlsVersion version) throws Exception {
        assertThat(((DSAKey) DSA_SUB.certificate().getPublicKey()).getParams()).isNull();
        TestCertificate leaf = PKI.builder(PkiRole.CHARGING_STATION, DSA_SUB).organization(TestPki.CSO_NAME)
                .commonName(TestPki.STATION_SERIAL).build();
        Recorder rec = new Recorder();
        CsmsTlsContext ctx = build(csms(SecurityProfile.TLS_CLIENT_CERTIFICATE, rec));
        StationTlsContext st = build(station(SecurityProfile.TLS_CLIENT_CERTIFICATE, new Recorder())
                .clientKeyMaterial(material(leaf)).policy(only(version)));
        try (Server s = Server.start(ctx)) {
            TlsFailure f = TlsTestSupport.csmsRefuses(st, s, rec);

            assertThat(dsaRefusedAt(f.violations(), 1)).as(f.violations().describe()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TlsVersion.class)
    @Verifies({"A00.FR.308", "A00.FR.310", "A00.FR.504"})
    void stationRefusesACsmsChainWithAnInheritedParametersDsaCa(TlsVersion version) throws Exception {
        TestCertificate csmsCert = PKI.builder(PkiRole.CSMS, DSA_SUB).organization(TestPki.CSO_NAME)
                .commonName(TestPki.CSMS_FQDN).sanDns(TestPki.CSMS_FQDN).build();
        CsmsTlsContext ctx = CsmsTlsContext.forServer(SecurityProfile.TLS_BASIC_AUTH, List.of(material(csmsCert)))
                .clock(TestPki.CLOCK).failureListener(new Recorder()).build();
        Recorder rec = new Recorder();
        StationTlsContext st = build(station(SecurityProfile.TLS_BASIC_AUTH, rec).policy(only(version)));
        try (Server s = Server.start(ctx)) {
            assertThatThrownBy(() -> st.connect(s.address(), TIMEOUT)).isInstanceOf(OcppTlsHandshakeException.class);
            assertThat(s.next().ok()).isFalse();
        }
        assertThat(rec.failures).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(TlsFailure.Kind.INVALID_PEER_CERTIFICATE);
            assertThat(dsaRefusedAt(f.violations(), 1)).as(f.violations().describe()).isTrue();
        });
    }
}
