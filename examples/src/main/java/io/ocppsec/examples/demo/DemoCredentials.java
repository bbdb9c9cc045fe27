package io.ocppsec.examples.demo;

import io.ocppsec.examples.csms.UpgradeAuthenticator;
import io.ocppsec.examples.csms.UpgradeDecision;
import io.ocppsec.testpki.TestPki;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The demo's stand-ins for station authentication on the CSMS: a Basic-auth check for profile 2 and a
 * client-certificate binding check for profile 3. Deliberately small; neither is the SDK's implementation.
 * Passwords are kept only as SHA-256 digests and compared in constant time; nothing here logs or prints a
 * credential.
 */
public final class DemoCredentials {

    private final Map<String, byte[]> passwordDigests = new ConcurrentHashMap<>();

    /**
     * Sets (or rotates) the password the CSMS accepts for a station.
     * LEAD: the SDK's password hasher (salted hashes) and A01 credential state (A01.FR.03/04: accept old or
     * new during a rotation) replace this map.
     *
     * @param identity the station identity (= Basic-auth username, A00.FR.204/303)
     * @param password the password (the caller clears its copy)
     */
    public void setPassword(String identity, char[] password) {
        passwordDigests.put(identity, digest(password));
    }

    /**
     * The {@code Authorization} header value of a station.
     * LEAD: the SDK's Basic-auth header codec replaces this.
     *
     * @param identity the username (the station identity)
     * @param password the password
     * @return {@code Basic base64(identity:password)}
     */
    public static String basicHeader(String identity, char[] password) {
        CharBuffer chars = CharBuffer.allocate(identity.length() + 1 + password.length);
        chars.put(identity).put(':').put(password).flip();
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(chars);
        byte[] raw = new byte[bytes.remaining()];
        bytes.get(raw);
        Arrays.fill(chars.array(), '\0');
        String header = "Basic " + Base64.getEncoder().encodeToString(raw);
        Arrays.fill(raw, (byte) 0);
        return header;
    }

    /**
     * Profile 2: {@code Authorization: Basic} with username = identity and the stored password; anything else
     * is refused with 401 (A00.FR.301-303).
     * LEAD: the SDK's Basic-auth parser and verifier replace the body of this authenticator.
     *
     * @return the authenticator
     */
    public UpgradeAuthenticator basicAuth() {
        return h -> {
            Optional<String> header = h.authorization();
            if (header.isEmpty() || !header.get().regionMatches(true, 0, "Basic ", 0, 6)) {
                return UpgradeDecision.reject(401, "HTTP Basic credentials required (A00.FR.302)");
            }
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(header.get().substring(6).trim());
            } catch (IllegalArgumentException e) {
                return UpgradeDecision.reject(401, "malformed Basic credentials");
            }
            String text = new String(decoded, StandardCharsets.UTF_8);
            Arrays.fill(decoded, (byte) 0);
            int colon = text.indexOf(':');
            if (colon < 0 || !text.substring(0, colon).equals(h.identity())) {
                return UpgradeDecision.reject(401, "username must be the station identity (A00.FR.303)");
            }
            byte[] expected = passwordDigests.get(h.identity());
            byte[] given = digest(text.substring(colon + 1).toCharArray());
            if (expected == null || !MessageDigest.isEqual(expected, given)) {
                return UpgradeDecision.reject(401, "wrong username or password");
            }
            return UpgradeDecision.accept();
        };
    }

    /**
     * Profile 3: a client certificate (the handshake already checked its chain to the CSO root, A00.FR.403)
     * whose O is the CSO name (A00.FR.404) and whose CN is the station identity (A00.FR.405); 403 otherwise.
     * LEAD: the SDK's client-certificate identity check (and revocation) replaces this.
     *
     * @return the authenticator
     */
    public static UpgradeAuthenticator clientCertificate() {
        return h -> {
            Optional<X509Certificate> cert = h.clientCertificate();
            if (cert.isEmpty()) {
                return UpgradeDecision.reject(403, "client certificate required (A00.FR.401)");
            }
            String dn = cert.get().getSubjectX500Principal().getName();
            if (!TestPki.CSO_NAME.equals(rdn(dn, "O"))) {
                return UpgradeDecision.reject(403, "certificate O is not the CSO (A00.FR.404)");
            }
            if (!h.identity().equals(rdn(dn, "CN"))) {
                return UpgradeDecision.reject(403, "certificate CN is not this station (A00.FR.405)");
            }
            return UpgradeDecision.accept();
        };
    }

    static String rdn(String dn, String type) {
        try {
            for (Rdn r : new LdapName(dn).getRdns()) {
                if (r.getType().equalsIgnoreCase(type)) {
                    return r.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            return null;
        }
        return null;
    }

    private static byte[] digest(char[] password) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] raw = new byte[bytes.remaining()];
        bytes.get(raw);
        try {
            return MessageDigest.getInstance("SHA-256").digest(raw);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "DemoCredentials{" + passwordDigests.size() + " station(s)}";
    }
}
