package io.ocppsec.core.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one secret rule of both redactors (security log text and OCPP-J frames): every name and scheme of the former
 * two lists is here.
 */
class SecretsTest {

    @ParameterizedTest
    @ValueSource(strings = {"password", "BasicAuthPassword", "apnPassword", "simPin", "pin", "authorization",
        "Authorization", "privateKey", "private_key", "apiKey", "x-api-key", "token", "accessToken", "secret",
        "clientSecret", "credential", "passphrase", "passwd", "pwd", "key", "psk", "keyMaterial"})
    void secretNames(String name) {
        assertThat(Secrets.isSecretName(name)).as(name).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"server", "user", "apn", "certificate", "serialNumber", "firmware", "spin", "keyboard",
        "hashAlgorithm", "techInfo"})
    void ordinaryNames(String name) {
        assertThat(Secrets.isSecretName(name)).as(name).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic", "bearer", "DIGEST", "Negotiate", "NTLM", "Token"})
    void authenticationSchemes(String scheme) {
        assertThat(Pattern.compile("(?i)(" + Secrets.AUTH_SCHEMES + ")").matcher(scheme).matches()).as(scheme).isTrue();
    }
}
