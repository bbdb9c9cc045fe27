package io.ocppsec.tls;

import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.core.cert.ChainValidator;
import io.ocppsec.core.cert.CryptoPolicy;
import io.ocppsec.tls.internal.SubjectNames;
import java.math.BigInteger;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * A small station-certificate validator for tests (the real OCPP validator lives in core): JDK PKIX to
 * one CSO root (revocation off), the crypto policy, O = CSO name (A00.FR.404), and a set of serial
 * numbers that count as revoked.
 */
final class TestValidators {

    private TestValidators() {
    }

    static ChainValidator stations(X509Certificate csoRoot, String csoName, Set<BigInteger> revoked) {
        return (chain, at) -> {
            ValidationResult.Builder r = ValidationResult.builder();
            if (chain.isEmpty()) {
                return r.add("A00.FR.403", RequirementLevel.SHALL, "empty chain", "a chain").build();
            }
            List<X509Certificate> path = new ArrayList<>();
            for (X509Certificate c : chain) {
                if (!c.equals(csoRoot)) {
                    path.add(c);
                }
            }
            try {
                PKIXParameters p = new PKIXParameters(Set.of(new TrustAnchor(csoRoot, null)));
                p.setRevocationEnabled(false);
                p.setDate(Date.from(at));
                CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path), p);
            } catch (CertPathValidatorException e) {
                r.add("A00.FR.403", RequirementLevel.SHALL, "path: " + e.getMessage(), "a path to the CSO root");
            } catch (Exception e) {
                r.add("A00.FR.403", RequirementLevel.SHALL, "path error " + e, "a path to the CSO root");
            }
            X509Certificate leaf = chain.get(0);
            r.addAll(CryptoPolicy.checkPublicKey(leaf.getPublicKey()));
            List<String> o = SubjectNames.organizations(leaf.getSubjectX500Principal());
            if (!o.contains(csoName)) {
                r.add("A00.FR.404", RequirementLevel.SHALL, "O=" + o, "O=" + csoName);
            }
            if (revoked.contains(leaf.getSerialNumber())) {
                r.add("A00.FR.407", RequirementLevel.SHALL, "revoked certificate " + leaf.getSerialNumber().toString(16),
                        "a certificate that is not revoked");
            }
            return r.build();
        };
    }
}
