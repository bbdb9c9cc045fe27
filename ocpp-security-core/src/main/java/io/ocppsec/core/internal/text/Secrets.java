package io.ocppsec.core.internal.text;

import java.util.Locale;
import java.util.Objects;

/**
 * What counts as a secret to redact, for every redactor of the SDK (the security log's free text and the OCPP-J
 * frames written to logs): the names that hold secrets, and the HTTP authentication schemes whose credentials are
 * secrets (RFC 7235). One list, so that a value hidden in one place is hidden in the other (A01.FR.12).
 */
public final class Secrets {

    /**
     * The HTTP authentication schemes whose credentials are secrets, as a regular-expression alternation for a
     * case-insensitive pattern: Basic (RFC 7617), Bearer (RFC 6750), Digest (RFC 7616), Negotiate and NTLM
     * (RFC 4559), Token.
     */
    public static final String AUTH_SCHEMES = "basic|bearer|digest|negotiate|ntlm|token";

    private Secrets() {
    }

    /**
     * @param key a key of a techInfo pair, a JSON property or a variable name
     * @return whether values under that name are secret: passwords, secrets, tokens, authorization and key
     *     material, PINs (e.g. {@code BasicAuthPassword}, {@code apnPassword}, {@code simPin}, {@code privateKey},
     *     {@code apiKey})
     */
    public static boolean isSecretName(String key) {
        Objects.requireNonNull(key, "key");
        String k = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return k.contains("password") || k.contains("passwd") || k.contains("passphrase") || k.equals("pwd")
                || k.contains("secret") || k.contains("token") || k.contains("authorization")
                || k.contains("credential") || k.contains("privatekey") || k.contains("keymaterial")
                || k.equals("key") || k.endsWith("apikey") || k.equals("pin") || k.equals("simpin")
                || k.equals("psk");
    }
}
