package io.ocppsec.core.auth;

import static io.ocppsec.core.fuzz.FuzzInvariant.expect;
import static io.ocppsec.core.fuzz.FuzzInvariant.holds;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ocppsec.core.fuzz.FuzzInputs;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the CSMS-side parsing of {@code Authorization: Basic …} (A00.FR.202–204): only
 * {@link BasicAuthException} may come out, a parsed username is a valid station identity, and no
 * exception message ever contains the header value.
 */
class BasicAuthHeaderFuzzTest {

    private static final ChargingStationIdentity URL_IDENTITY = ChargingStationIdentity.of("CS-0001");

    @Timeout(10)
    @FuzzTest(maxDuration = "20s")
    void parse(byte[] data) {
        String header = FuzzInputs.utf8(data);
        holds("BasicAuthHeader.parse", data, () -> BasicAuthHeader.parse(header), BasicAuthException.class)
                .ifPresent(c -> expect("BasicAuthHeader.parse", data,
                        ChargingStationIdentity.problem(c.identity().value()).isEmpty(),
                        "a valid identity as username"));
        try {
            BasicAuthHeader.parse(header, URL_IDENTITY);
        } catch (BasicAuthException e) {
            // The credential part is what follows the last space; a long one must never be echoed. (Short
            // fragments can legitimately coincide with the message's own wording, e.g. "Basic".)
            String token = header.substring(header.lastIndexOf(' ') + 1).strip();
            expect("BasicAuthHeader.parse", data, token.length() < 12
                    || e.getMessage() == null || !e.getMessage().contains(token),
                    "an exception message without the header value");
        }
    }
}
