package io.ocppsec.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

import io.ocppsec.api.message.OcppAction;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Oversize, deeply nested, huge-number and random garbage input: a typed error, fast, never a crash. */
class HostileInputTest {

    private static final String NOISE = "[]{}\",:0123456789eE-.\\ atn\u0000\uD800x";
    private final OcppJsonCodec codec = OcppJsonCodec.create();

    private OcppJsonException rejected(String text) {
        return catchThrowableOfType(OcppJsonException.class,
                () -> codec.decode(text, id -> Optional.of(OcppAction.GET_VARIABLES)));
    }

    @Test
    void oversizeFrameIsRejectedByLengthBeforeParsing() {
        String huge = "[2,\"1\",\"SignCertificate\",{\"csr\":\"" + "a".repeat(20_000_000) + "\"}]";
        long t0 = System.nanoTime();
        OcppJsonException e = rejected(huge);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(e.errorCode()).isEqualTo(OcppErrorCode.RPC_FRAMEWORK_ERROR);
        assertThat(e.getMessage()).contains("limit is 65536");
        assertThat(ms).as("rejected by length, no parse").isLessThan(200);
    }

    @Test
    void deepNestingIsRejectedWithoutExhaustingTheStack() {
        // within the size limit: 30 000 brackets
        String deep = "[".repeat(30_000) + "]".repeat(30_000);
        long t0 = System.nanoTime();
        OcppJsonException e = rejected(deep);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(e.errorCode()).isEqualTo(OcppErrorCode.RPC_FRAMEWORK_ERROR);
        assertThat(e.getMessage()).contains("nesting deeper than 32");
        assertThat(ms).isLessThan(500);

        String deepObjects = "[2,\"1\",\"GetVariables\",{\"customData\":" + "{\"a\":".repeat(10_000) + "1"
                + "}".repeat(10_001) + "]";
        assertThat(rejected(deepObjects).getMessage()).contains("nesting deeper");
    }

    @Test
    void deepNestingInsideCustomDataUpToTheLimitIsFine() throws Exception {
        String nested = "{\"a\":".repeat(25) + "1" + "}".repeat(25);
        String frame = "[2,\"1\",\"Reset\",{\"type\":\"OnIdle\",\"customData\":{\"vendorId\":\"v\",\"x\":" + nested
                + "}}]";
        assertThat(codec.decode(frame)).isInstanceOf(OcppCall.class);
    }

    @Test
    void hugeExponentsAreCheapAndRejected() {
        for (String n : new String[] {"1e2147483647", "-1E999999999", "9e-2147483647", "0.00000001", "1.5"}) {
            long t0 = System.nanoTime();
            OcppJsonException e = rejected("[2,\"1\",\"Reset\",{\"type\":\"OnIdle\",\"evseId\":" + n + "}]");
            assertThat(e).as(n).isNotNull();
            assertThat(e.propertyPath()).contains("$.evseId");
            assertThat((System.nanoTime() - t0) / 1_000_000).as(n).isLessThan(200);
        }
    }

    @Test
    void integralNumbersWrittenWithFractionOrExponentAreIntegers() throws Exception {
        // JSON Schema draft-06: 1.0 and 1e1 are integers
        OcppCall c = (OcppCall) codec.decode("[2,\"1\",\"Reset\",{\"type\":\"OnIdle\",\"evseId\":1.0E1}]");
        assertThat(((io.ocppsec.api.message.ResetRequest) c.payload()).evseId()).contains(10);
    }

    @Test
    void randomCorruptionOfValidFramesNeverEscapesAsUncheckedException() {
        Random r = new Random(42);
        int rejectedCount = 0;
        for (int i = 0; i < 3000; i++) {
            OcppAction a = OcppAction.values()[r.nextInt(OcppAction.values().length)];
            String valid = r.nextBoolean()
                    ? codec.encode(new OcppCall("c" + i, RandomMessages.REQUESTS.get(a).apply(r)))
                    : codec.encode(new OcppCallResult("c" + i, RandomMessages.RESPONSES.get(a).apply(r)));
            char[] cs = valid.toCharArray();
            int edits = 1 + r.nextInt(4);
            for (int k = 0; k < edits; k++) {
                cs[r.nextInt(cs.length)] = NOISE.charAt(r.nextInt(NOISE.length()));
            }
            String text = r.nextInt(10) == 0 ? new String(cs, 0, r.nextInt(cs.length)) : new String(cs);
            try {
                codec.decode(text, id -> Optional.of(a));
            } catch (OcppJsonException e) {
                rejectedCount++;
                assertThat(e.errorCode()).isNotNull();
            } catch (RuntimeException | Error e) {
                fail("unchecked " + e + " for input " + text.substring(0, Math.min(200, text.length())), e);
            }
        }
        assertThat(rejectedCount).isGreaterThan(1000);
    }
}
