package io.ocppsec.tls.internal;

import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.requirement.Violation;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The CSMS name check of A00.FR.309/412: the commonName equals the FQDN the station connects to
 * (optionally, a dNSName subjectAltName is also accepted). Exact, case-insensitive match; no
 * wildcards, no IP addresses.
 */
public final class HostnameCheck {

    private HostnameCheck() {
    }

    /**
     * @param cert the CSMS leaf certificate
     * @param fqdn the host of the CSMS URL
     * @param requirement A00.FR.309 or A00.FR.412
     * @param allowDnsName whether a matching dNSName subjectAltName is enough when the CN differs
     * @return a violation when neither CN nor (if allowed) a dNSName matches
     */
    public static ValidationResult check(X509Certificate cert, String fqdn, String requirement,
                                         boolean allowDnsName) {
        String host = normalize(fqdn);
        List<String> names = new ArrayList<>();
        commonNames(cert).forEach(n -> names.add("CN=" + n));
        dnsNames(cert).forEach(n -> names.add("dNSName=" + n));
        for (String n : names) {
            String value = n.substring(n.indexOf('=') + 1);
            if (normalize(value).equals(host) && (allowDnsName || n.startsWith("CN="))) {
                return ValidationResult.compliant();
            }
        }
        return ValidationResult.of(Violation.of(requirement, RequirementLevel.SHALL,
                "certificate names " + (names.isEmpty() ? "(none)" : String.join(", ", names)),
                "commonName equal to the CSMS FQDN '" + host + "'").atChainIndex(0));
    }

    private static String normalize(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    private static List<String> commonNames(X509Certificate cert) {
        return SubjectNames.commonNames(cert.getSubjectX500Principal());
    }

    private static List<String> dnsNames(X509Certificate cert) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (san.size() >= 2 && Integer.valueOf(2).equals(san.get(0)) && san.get(1) instanceof String) {
                        out.add((String) san.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return List.of();
        }
        return out;
    }
}
