package io.ocppsec.core.internal.x509;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.testpki.TestPki;
import java.security.cert.X509Certificate;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;

/**
 * The one CN/O reader, as the linter, the validator, the CSR inspector and the TLS contexts use it (the former
 * {@code tls.internal.SubjectNames} and {@code csr.internal.inspect.SubjectNames} cases are here).
 */
class X509NamesTest {

    static final TestPki PKI = TestPki.create();

    @Test
    void readsCommonNameAndOrganizationOfCertificatesAndPrincipals() {
        X509Certificate station = PKI.station().certificate();
        assertThat(X509Names.commonNames(station)).containsExactly(TestPki.STATION_SERIAL);
        assertThat(X509Names.organizations(station)).containsExactly(TestPki.CSO_NAME);
        X500Principal subject = station.getSubjectX500Principal();
        assertThat(X509Names.commonNames(subject)).containsExactly(TestPki.STATION_SERIAL);
        assertThat(X509Names.organizations(subject)).containsExactly(TestPki.CSO_NAME);
        assertThat(X509Names.commonNames(new X500Principal("O=Only"))).isEmpty();
    }

    @Test
    void readsEveryValueInOrderWithMultiValuedRdnsAndStringTypes() throws Exception {
        X500Name name = new X500Name(new RDN[] {
            new RDN(BCStyle.CN, new DERPrintableString("first")),
            new RDN(new AttributeTypeAndValue[] {new AttributeTypeAndValue(BCStyle.CN, new DERBMPString("zwei ü")),
                new AttributeTypeAndValue(BCStyle.O, new DERUTF8String("Org € 1"))})});
        assertThat(X509Names.values(name, BCStyle.CN)).containsExactly("first", "zwei ü");
        assertThat(X509Names.values(name, BCStyle.O)).containsExactly("Org € 1");
        assertThat(X509Names.commonNames(new X500Principal(name.getEncoded()))).containsExactly("first", "zwei ü");
    }

    @Test
    void aValueThatIsNoStringOrNotDecodableIsUndecodable() throws Exception {
        var badUtf8 = ASN1Primitive.fromByteArray(new byte[] {0x0c, 3, 'E', (byte) 0xe6, ' '});
        X500Name bad = new X500Name(new RDN[] {new RDN(BCStyle.O, badUtf8),
            new RDN(BCStyle.CN, new ASN1Integer(5))});
        assertThat(X509Names.values(bad, BCStyle.O)).containsExactly(X509Names.UNDECODABLE);
        assertThat(X509Names.values(bad, BCStyle.CN)).containsExactly(X509Names.UNDECODABLE); // not "5"
        assertThat(X509Names.UNDECODABLE).isNotEqualTo("5");
    }

    @Test
    void malformedEncodingsYieldNoValuesAndNeverThrow() {
        assertThat(X509Names.values(new byte[0], BCStyle.CN)).isEmpty();
        assertThat(X509Names.values(new byte[] {0x30, 0x05, 0x31}, BCStyle.CN)).isEmpty();
        assertThat(X509Names.values(new byte[] {0x04, 0x00}, BCStyle.CN)).isEmpty();
    }

    @Test
    void readsSubjectAltNameDnsNames() {
        assertThat(X509Names.dnsNames(PKI.csmsEc().certificate())).containsExactly(TestPki.CSMS_FQDN);
        assertThat(X509Names.dnsNames(PKI.station().certificate())).isEmpty();
    }
}
