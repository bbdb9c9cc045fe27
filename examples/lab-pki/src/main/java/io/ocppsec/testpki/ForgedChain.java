package io.ocppsec.testpki;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The chain an attacker builds from public certificates only (issue 20): {@code [X, B, B's intermediates, D]}, where
 * X is self-signed with the attacker's key and any subject (a victim's identity), B is any genuine certificate
 * (public part only), and D is a certificate whose issuer is X's subject (signed with the attacker's key), so that by
 * name X "issues" another certificate of the chain. A validator that picks the leaf by name validates B; whoever
 * uses the first certificate uses X's key.
 *
 * <pre>{@code
 * ForgedChain f = ForgedChain.impersonating(pki, PkiRole.CHARGING_STATION, "CS-VICTIM", pki.station());
 * validator.validate(f.chain(), now);             // must be refused
 * TlsKeyMaterial.of(f.attackerKeys().getPrivate(), f.chain());   // what a forging TLS peer presents
 * }</pre>
 *
 * @param attacker X: self-signed, the attacker's key, the impersonated subject
 * @param dangling D: issued (by name and key) by X
 * @param genuine B: the genuine certificate whose public part the attacker borrowed
 */
public record ForgedChain(TestCertificate attacker, TestCertificate dangling, TestCertificate genuine) {

    /** Validates the components. */
    public ForgedChain {
        Objects.requireNonNull(attacker, "attacker");
        Objects.requireNonNull(dangling, "dangling");
        Objects.requireNonNull(genuine, "genuine");
    }

    /**
     * @param pki the PKI the genuine certificate comes from (used to mint X and D, with fresh keys)
     * @param role the role X claims (decides its key usage defaults)
     * @param commonName X's CN: the victim's serial number, the CSMS FQDN, a firmware signer's name
     * @param genuine B, a genuine certificate of the hierarchy (its private key is never used)
     * @return the forgery; X's subject is C=ZZ, O = the organization of B's subject (or the CSO name), CN = commonName
     */
    public static ForgedChain impersonating(TestPki pki, PkiRole role, String commonName, TestCertificate genuine) {
        String org = organization(genuine.certificate());
        // C=ZZ keeps X's name apart from B's even when CN and O are copied: D must chain (by name) to X alone.
        TestCertificate x = pki.builder(role, null).country("ZZ").organization(org).commonName(commonName).ca(false)
                .sanDns(role == PkiRole.CSMS ? new String[] {commonName} : new String[0]).build();
        TestCertificate d = pki.builder(PkiRole.CHARGING_STATION, x).organization(org)
                .commonName("dangling").build();
        return new ForgedChain(x, d, genuine);
    }

    /** @return {@code [X, B, B's intermediates (no root), D]}: X first, as a TLS peer or a signer sends it */
    public List<X509Certificate> chain() {
        List<X509Certificate> c = new ArrayList<>();
        c.add(attacker.certificate());
        c.addAll(genuine.chain());
        c.add(dangling.certificate());
        return List.copyOf(c);
    }

    /** @return the attacker's key pair (X's) */
    public KeyPair attackerKeys() {
        return attacker.keyPair();
    }

    /** @return the chain in PEM */
    public String pem() {
        return TestCertificate.toPem(chain());
    }

    private static String organization(X509Certificate c) {
        for (javax.naming.ldap.Rdn rdn : rdns(c)) {
            if (rdn.getType().equalsIgnoreCase("O")) {
                return rdn.getValue().toString();
            }
        }
        return TestPki.CSO_NAME;
    }

    private static List<javax.naming.ldap.Rdn> rdns(X509Certificate c) {
        try {
            return new javax.naming.ldap.LdapName(c.getSubjectX500Principal().getName()).getRdns();
        } catch (javax.naming.InvalidNameException e) {
            throw new IllegalStateException(e);
        }
    }
}
