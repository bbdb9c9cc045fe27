package io.ocppsec.core.csr;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.core.fuzz.FuzzInputs;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.TestPki;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 22: a CSR whose DSA key comes without parameters (RFC 3279 "inherited", which a CSR has no issuer to inherit
 * from) reached {@code CryptoPolicy.checkPublicKey} with {@code getParams()} null. Refused under A00.FR.504, never
 * thrown; the DER is a regression seed of {@link CsrInspectorFuzzTest#inspectDer}.
 */
@Verifies("A00.FR.504")
class CsrDsaParametersTest {

    static final String SEED = "dsa-inherited-parameters";
    private static final CsrInspector INSPECTOR = CsrInspector.forOrganization(TestPki.CSO_NAME);

    private static CsrInspection inspect(String pem) {
        return INSPECTOR.inspect(pem, TestPki.STATION_SERIAL, CertificateSigningUse.CHARGING_STATION_CERTIFICATE);
    }

    private static void refusedAsDsa(CsrInspection i) {
        assertThat(i.isAccepted()).isFalse();
        assertThat(i.signingRequest()).isEmpty();
        assertThat(i.result().blocking()).as(i.result().describe()).anySatisfy(v -> {
            assertThat(v.requirement().value()).isEqualTo("A00.FR.504");
        });
    }

    private static PKCS10CertificationRequest dsaWithoutParameters() throws Exception {
        return TestCsrs.station().keyType(KeyType.DSA_2048).withoutKeyParameters().build();
    }

    @Test
    void dsaKeyWithoutParametersIsRefused() throws Exception {
        refusedAsDsa(inspect(TestCsrs.pem(dsaWithoutParameters().getEncoded(), "CERTIFICATE REQUEST")));
    }

    @Test
    void dsaKeyWithParametersIsRefused() throws Exception {
        refusedAsDsa(inspect(TestCsrs.station().keyType(KeyType.DSA_2048).pem()));
    }

    @Test
    void committedSeedIsRefused() throws Exception {
        byte[] der = FuzzInputs.readSeed(CsrInspectorFuzzTest.class, "inspectDer", SEED);
        refusedAsDsa(inspect(TestCsrs.pem(der, "CERTIFICATE REQUEST")));
    }

    /** Writes the seed: {@code -Docppsec.fuzz.writeSeeds=true -Dtest=CsrDsaParametersTest#writeSeed}. */
    @Test
    @EnabledIfSystemProperty(named = FuzzInputs.WRITE_SEEDS, matches = "true")
    void writeSeed() throws Exception {
        FuzzInputs.writeSeed(CsrInspectorFuzzTest.class, "inspectDer", SEED, dsaWithoutParameters().getEncoded());
    }
}
