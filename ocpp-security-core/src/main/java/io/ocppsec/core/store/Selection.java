package io.ocppsec.core.store;

import io.ocppsec.api.message.CertificateSigningUse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;

/** The pure selection rules of A02/A03: which certificate to use, which to keep, when to renew. */
final class Selection {

    /** Newest first: by notBefore (A02.FR.09), then by installation time. */
    static final Comparator<StationCertificate> NEWEST = Comparator
            .comparing(StationCertificate::notBefore)
            .thenComparing(StationCertificate::installedAt);

    private Selection() {
    }

    static List<StationCertificate> ofUse(List<StationCertificate> all, CertificateSigningUse use) {
        return all.stream().filter(c -> c.use() == use).collect(Collectors.toList());
    }

    /** A02.FR.08 (usable once notBefore passed) and A02.FR.09 / A03.FR.09 (the newest wins). */
    static Optional<StationCertificate> active(List<StationCertificate> all, CertificateSigningUse use, Instant now) {
        return ofUse(all, use).stream().filter(c -> c.isValidAt(now)).max(NEWEST);
    }

    /** A02.FR.15 / A03.FR.15: newest among the valid V2G certificates derived from the same root. */
    static List<StationCertificate> activePerRoot(List<StationCertificate> all, CertificateSigningUse use, Instant now) {
        Map<X500Principal, StationCertificate> best = new LinkedHashMap<>();
        for (StationCertificate c : ofUse(all, use)) {
            if (c.isValidAt(now)) {
                best.merge(c.rootName(), c, (a, b) -> NEWEST.compare(a, b) >= 0 ? a : b);
            }
        }
        List<StationCertificate> out = new ArrayList<>(best.values());
        out.sort(NEWEST.reversed());
        return List.copyOf(out);
    }

    /** The certificate to fall back to: the next newest valid one of the active one's root. */
    static Optional<StationCertificate> fallback(List<StationCertificate> all, CertificateSigningUse use, Instant now) {
        Optional<StationCertificate> active = active(all, use, now);
        if (active.isEmpty()) {
            return Optional.empty();
        }
        StationCertificate a = active.get();
        return ofUse(all, use).stream()
                .filter(c -> c.isValidAt(now) && !c.sameLeaf(a) && c.rootName().equals(a.rootName()))
                .max(NEWEST);
    }

    /**
     * What survives at {@code now}: expired certificates go; an older certificate goes once a newer one
     * of the same root has been confirmed working for {@code fallbackPeriod} (A02.FR.10 / A03.FR.10).
     */
    static List<StationCertificate> prune(List<StationCertificate> all, Instant now, Duration fallbackPeriod) {
        List<StationCertificate> keep = new ArrayList<>();
        for (StationCertificate c : all) {
            if (now.isAfter(c.notAfter())) {
                continue;
            }
            boolean superseded = all.stream().anyMatch(n -> n.use() == c.use()
                    && n.rootName().equals(c.rootName())
                    && n.notBefore().isAfter(c.notBefore())
                    && n.confirmedWorkingAt().isPresent()
                    && !now.isBefore(n.confirmedWorkingAt().get().plus(fallbackPeriod)));
            if (!superseded) {
                keep.add(c);
            }
        }
        return keep;
    }

    /** The moment renewal becomes due: the latest notAfter of the use minus the window (A03.FR.02). */
    static Optional<Instant> renewalDueAt(List<StationCertificate> all, CertificateSigningUse use, Instant now,
                                          Duration window) {
        return ofUse(all, use).stream().filter(c -> !now.isAfter(c.notAfter()))
                .map(StationCertificate::notAfter).max(Comparator.naturalOrder()).map(t -> t.minus(window));
    }

    /** The next instant at which the active certificate or the stored set can change by time alone. */
    static Optional<Instant> nextChange(List<StationCertificate> all, CertificateSigningUse use, Instant now,
                                        Duration fallbackPeriod) {
        List<Instant> moments = new ArrayList<>();
        for (StationCertificate c : ofUse(all, use)) {
            if (c.notBefore().isAfter(now)) {
                moments.add(c.notBefore());
            }
            if (!c.notAfter().isBefore(now)) {
                moments.add(c.notAfter().plusMillis(1));
            }
            c.confirmedWorkingAt().map(t -> t.plus(fallbackPeriod)).filter(t -> t.isAfter(now)).ifPresent(moments::add);
        }
        return moments.stream().min(Comparator.naturalOrder());
    }
}
