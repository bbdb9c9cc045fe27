package io.ocppsec.tls.internal;

import io.ocppsec.tls.TlsKeyMaterial;
import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A key manager whose key material can be replaced at runtime: new handshakes use the new material,
 * running connections keep theirs. It holds several entries at once and picks the one whose key type
 * JSSE asks for, so a CSMS serves an ECDSA and an RSA certificate side by side (A00.FR.318/421 note).
 *
 * <p>The source is a {@link Supplier} asked at every handshake, so a certificate store can decide which
 * certificate is current (e.g. the newest valid one) without restarting anything.
 *
 * <p>Users reach it only through the contexts ({@code CsmsTlsContext.updateKeyMaterial},
 * {@code StationTlsContext.Builder.clientCertificateFrom}), which also drop cached sessions on a change.
 *
 * <p>Aliases are fingerprints of the certificates, so the key and chain JSSE fetches after choosing an
 * alias always belong together, even if the material is replaced in between.
 */
public final class ReloadableKeyManager extends X509ExtendedKeyManager {

    private record Entry(String alias, TlsKeyMaterial material) {
    }

    private volatile Supplier<List<TlsKeyMaterial>> source;
    private volatile List<Entry> lastSnapshot = List.of();

    private ReloadableKeyManager(Supplier<List<TlsKeyMaterial>> source) {
        this.source = source;
    }

    /**
     * @param material the entries to serve (at most one per key type is used: the first)
     * @return a key manager serving them until {@link #update(List)}
     */
    public static ReloadableKeyManager of(List<TlsKeyMaterial> material) {
        List<TlsKeyMaterial> copy = List.copyOf(Objects.requireNonNull(material, "material"));
        return new ReloadableKeyManager(() -> copy);
    }

    /**
     * @param source asked at every handshake for the current entries; must be fast, thread-safe and never
     *     return null (an empty list means "no certificate to present")
     * @return a key manager reading from the source
     */
    public static ReloadableKeyManager from(Supplier<List<TlsKeyMaterial>> source) {
        return new ReloadableKeyManager(Objects.requireNonNull(source, "source"));
    }

    /**
     * Replaces the entries; handshakes that start afterwards use them.
     *
     * @param material the new entries
     */
    public void update(List<TlsKeyMaterial> material) {
        List<TlsKeyMaterial> copy = List.copyOf(Objects.requireNonNull(material, "material"));
        this.source = () -> copy;
    }

    /** @return the entries the next handshake would see */
    public List<TlsKeyMaterial> current() {
        List<TlsKeyMaterial> m = source.get();
        return m == null ? List.of() : List.copyOf(m);
    }

    private List<Entry> snapshot() {
        List<TlsKeyMaterial> m = current();
        List<Entry> entries = new ArrayList<>(m.size());
        for (TlsKeyMaterial t : m) {
            entries.add(new Entry(alias(t), t));
        }
        List<Entry> snap = List.copyOf(entries);
        lastSnapshot = snap;
        return snap;
    }

    private static String alias(TlsKeyMaterial t) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(t.certificate().getEncoded());
            return t.keyAlgorithm().toLowerCase(java.util.Locale.ROOT) + "-" + HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("Cannot fingerprint certificate", e);
        }
    }

    private static boolean matches(String keyType, TlsKeyMaterial t) {
        if (keyType == null) {
            return false;
        }
        String alg = t.keyAlgorithm();
        // JSSE asks for "EC", "RSA", "RSASSA-PSS" (TLS 1.2/1.3) or legacy "EC_EC"/"EC_RSA" names.
        // An rsaEncryption key is not offered for "RSASSA-PSS" (that type means a PSS-only key).
        return keyType.equals(alg) || keyType.startsWith(alg + "_");
    }

    private String choose(String[] keyTypes) {
        if (keyTypes == null) {
            return null;
        }
        List<Entry> snap = snapshot();
        for (String kt : keyTypes) {
            for (Entry e : snap) {
                if (matches(kt, e.material())) {
                    return e.alias();
                }
            }
        }
        return null;
    }

    private Entry find(String alias) {
        if (alias == null) {
            return null;
        }
        for (Entry e : lastSnapshot) {
            if (e.alias().equals(alias)) {
                return e;
            }
        }
        for (Entry e : snapshot()) {
            if (e.alias().equals(alias)) {
                return e;
            }
        }
        return null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return aliases(keyType);
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return choose(keyTypes);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return choose(keyTypes);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return aliases(keyType);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return choose(new String[] {keyType});
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return choose(new String[] {keyType});
    }

    private String[] aliases(String keyType) {
        String[] a = snapshot().stream().filter(e -> matches(keyType, e.material())).map(Entry::alias)
                .toArray(String[]::new);
        return a.length == 0 ? null : a;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        Entry e = find(alias);
        return e == null ? null : e.material().chain().toArray(new X509Certificate[0]);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        Entry e = find(alias);
        return e == null ? null : e.material().privateKey();
    }

    @Override
    public String toString() {
        return "ReloadableKeyManager{entries=" + current() + "}";
    }
}
