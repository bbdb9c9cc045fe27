package io.ocppsec.core.internal.x509;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERT61String;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.DERUniversalString;
import org.bouncycastle.asn1.DERVisibleString;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;

/** The small DER name reader must read exactly what the Bouncy Castle reader reads, or step aside. */
class DerNamesTest {

    static final List<ASN1ObjectIdentifier> TYPES = List.of(BCStyle.O, BCStyle.CN, BCStyle.C, BCStyle.OU);

    static byte[] name(ASN1Encodable... oAndCn) throws Exception {
        RDN o = new RDN(new AttributeTypeAndValue(BCStyle.O, oAndCn[0]));
        RDN multi = new RDN(new AttributeTypeAndValue[] {new AttributeTypeAndValue(BCStyle.CN, oAndCn[1]),
            new AttributeTypeAndValue(BCStyle.OU, new DERUTF8String("unit"))});
        return new X500Name(new RDN[] {new RDN(BCStyle.C, new DERPrintableString("DE")), o, multi}).getEncoded();
    }

    static void assertSame(byte[] encoded) {
        for (ASN1ObjectIdentifier type : TYPES) {
            List<String> fast = DerNames.values(encoded, type);
            if (fast != null) {
                assertThat(fast).as(java.util.HexFormat.of().formatHex(encoded))
                        .isEqualTo(X509Names.valuesWithBouncyCastle(encoded, type));
            }
        }
    }

    @Test
    void readsTheCommonStringTypesLikeBouncyCastle() throws Exception {
        List<ASN1Encodable> values = List.of(new DERUTF8String("Example CSO ü €"), new DERPrintableString("CS-0001"),
                new DERIA5String("cs@example.com"), new DERVisibleString("visible"), new DERBMPString("bmp ü €"),
                new DERT61String("t61"), new DERUniversalString(new byte[] {0, 0, 0, 0x41}),
                new DERUTF8String(""));
        for (ASN1Encodable o : values) {
            for (ASN1Encodable cn : values) {
                byte[] enc = name(o, cn);
                assertSame(enc);
            }
        }
        byte[] common = name(new DERUTF8String("Example CSO"), new DERUTF8String("CS-0001"));
        assertThat(DerNames.values(common, BCStyle.O)).containsExactly("Example CSO");
        assertThat(DerNames.values(common, BCStyle.CN)).containsExactly("CS-0001");
        assertThat(DerNames.values(new X500Name(new RDN[0]).getEncoded(), BCStyle.CN)).isEmpty();
    }

    @Test
    void malformedOrUnusualEncodingsAreLeftToBouncyCastle() throws Exception {
        Random random = new Random(5280);
        byte[] base = name(new DERUTF8String("Example CSO"), new DERBMPString("CS-0001"));
        for (int i = 0; i < 20_000; i++) {
            byte[] mutated = base.clone();
            int flips = 1 + random.nextInt(3);
            for (int f = 0; f < flips; f++) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(10) == 0) {
                mutated = java.util.Arrays.copyOf(mutated, random.nextInt(mutated.length + 4));
            }
            assertSame(mutated);
        }
        byte[] badUtf8 = name(new DERUTF8String("x"), new DERUTF8String("y"));
        int at = indexOf(badUtf8, (byte) 'y');
        badUtf8[at] = (byte) 0xC0; // an overlong lead byte: not valid UTF-8
        assertThat(DerNames.values(badUtf8, BCStyle.CN)).isNull();
    }

    private static int indexOf(byte[] b, byte v) {
        for (int i = b.length - 1; i >= 0; i--) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
