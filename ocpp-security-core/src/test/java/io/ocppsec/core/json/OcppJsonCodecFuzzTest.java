package io.ocppsec.core.json;

import static io.ocppsec.core.fuzz.FuzzInvariant.expect;
import static io.ocppsec.core.fuzz.FuzzInvariant.holds;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ocppsec.api.message.OcppAction;
import io.ocppsec.api.message.OcppMessage;
import io.ocppsec.core.fuzz.FuzzInputs;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Fuzzes the OCPP-J codec: whole frames ({@link OcppJsonCodec#decode(String, Function)}) and the payload
 * decoder of every action, request and response ({@link OcppJsonCodec#decodeRequest},
 * {@link OcppJsonCodec#decodeResponse}). Only {@link OcppJsonException} may come out; what decodes must
 * encode again and decode to the same value.
 *
 * <p>Regression mode (the default build) runs the seeds in
 * {@code src/test/resources/io/ocppsec/core/json/OcppJsonCodecFuzzTestInputs/}; fuzzing mode:
 * {@code src/test/fuzz/fuzz-smoke.sh}.
 */
class OcppJsonCodecFuzzTest {

    private static final OcppJsonCodec CODEC = OcppJsonCodec.create();
    /** Limits above the defaults: values the default-limit record constructors must still take. */
    private static final OcppJsonCodec LARGE = OcppJsonCodec.withLimits(256 * 1024, 96, 64);
    private static final OcppAction[] ACTIONS = OcppAction.values();

    /** A CALLRESULT names no action: map its messageId to one, so every response decoder is reachable. */
    static final Function<String, Optional<OcppAction>> PENDING =
            id -> Optional.of(ACTIONS[Math.floorMod(id.hashCode(), ACTIONS.length)]);

    @Timeout(10)
    @FuzzTest(maxDuration = "20s")
    void decodeFrame(byte[] data) {
        String text = FuzzInputs.utf8(data);
        holds("decode(text)", data, () -> CODEC.decode(text), OcppJsonException.class);
        holds("toLogString(text)", data, () -> CODEC.toLogString(text));
        for (OcppJsonCodec codec : new OcppJsonCodec[] {CODEC, LARGE}) {
            Optional<OcppFrame> frame = holds("decode(text, pending)", data, () -> codec.decode(text, PENDING),
                    OcppJsonException.class);
            if (frame.isPresent()) {
                roundTrip(data, codec, frame.get());
            }
        }
    }

    private static void roundTrip(byte[] data, OcppJsonCodec codec, OcppFrame frame) {
        String again = holds("encode(decoded frame)", data, () -> codec.encode(frame)).orElseThrow();
        holds("toLogString(decoded frame)", data, () -> codec.toLogString(frame));
        Optional<OcppFrame> back = holds("decode(encode(decoded frame))", data, () -> codec.decode(again, PENDING));
        expect("decode(encode(frame))", data, back.isPresent() && back.get().equals(frame),
                "the re-encoded frame " + again + " to decode to the same frame");
    }

    /** First byte: bit 7 request (0) or response (1), the rest picks the action; then the payload text. */
    @Timeout(10)
    @FuzzTest(maxDuration = "20s")
    void decodePayload(byte[] data) {
        if (data.length == 0) {
            return;
        }
        OcppAction action = ACTIONS[(data[0] & 0x7f) % ACTIONS.length];
        boolean response = (data[0] & 0x80) != 0;
        String payload = FuzzInputs.utf8(Arrays.copyOfRange(data, 1, data.length));
        Optional<OcppMessage> m = holds(action + (response ? " response" : " request"), data,
                () -> response ? CODEC.decodeResponse(action, payload) : CODEC.decodeRequest(action, payload),
                OcppJsonException.class);
        if (m.isPresent()) {
            String again = holds("encodePayload(decoded)", data, () -> CODEC.encodePayload(m.get())).orElseThrow();
            Optional<OcppMessage> back = holds("decode(encodePayload(decoded))", data,
                    () -> response ? CODEC.decodeResponse(action, again) : CODEC.decodeRequest(action, again));
            expect("decode(encodePayload(m))", data, back.isPresent() && back.get().equals(m.get()),
                    "the re-encoded payload " + again + " to decode to the same message");
        }
    }

    /** Regenerates the seed files: {@code -Docppsec.fuzz.writeSeeds=true -Dtest=OcppJsonCodecFuzzTest#writeSeeds}. */
    @Test
    @EnabledIfSystemProperty(named = FuzzInputs.WRITE_SEEDS, matches = "true")
    void writeSeeds() throws Exception {
        Random r = new Random(20260601);
        for (OcppAction a : ACTIONS) {
            for (int i = 0; i < 1; i++) {
                String call = CODEC.encode(new OcppCall("c" + i, RandomMessages.REQUESTS.get(a).apply(r)));
                seed("decodeFrame", "call-" + a.ocppValue() + "-" + i, call);
                String id = resultId(a, i);
                String result = CODEC.encode(new OcppCallResult(id, RandomMessages.RESPONSES.get(a).apply(r)));
                seed("decodeFrame", "result-" + a.ocppValue() + "-" + i, result);
                byte[] req = CODEC.encodePayload(RandomMessages.REQUESTS.get(a).apply(r)).getBytes(StandardCharsets.UTF_8);
                byte[] resp = CODEC.encodePayload(RandomMessages.RESPONSES.get(a).apply(r)).getBytes(StandardCharsets.UTF_8);
                FuzzInputs.writeSeed(getClass(), "decodePayload", "request-" + a.ocppValue() + "-" + i,
                        prefixed((byte) a.ordinal(), req));
                FuzzInputs.writeSeed(getClass(), "decodePayload", "response-" + a.ocppValue() + "-" + i,
                        prefixed((byte) (0x80 | a.ordinal()), resp));
            }
        }
        seed("decodeFrame", "error-details", "[4,\"e1\",\"SecurityError\",\"no\",{\"k\":[1,{\"x\":null}],\"n\":-1.5e3}]");
        seed("decodeFrame", "error-nested-details", "[4,\"e2\",\"GenericError\",\"\","
                + "{\"a\":".repeat(28) + "{}" + "}".repeat(28) + "]");
        seed("decodeFrame", "call-unknown-action", "[2,\"u\",\"Heartbeat\",{}]");
        seed("decodeFrame", "call-escapes", "[2,\"\\u0063\",\"SecurityEventNotification\","
                + "{\"type\":\"\\ud83d\\ude00\",\"timestamp\":\"2024-05-01T10:00:00.123456789+14:00\",\"techInfo\":\"\\\"\"}]");
    }

    private void seed(String method, String name, String text) throws Exception {
        FuzzInputs.writeSeed(getClass(), method, name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] prefixed(byte first, byte[] rest) {
        byte[] out = new byte[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    /** A messageId that {@link #PENDING} maps to {@code a}. */
    private static String resultId(OcppAction a, int i) {
        for (int n = 0; ; n++) {
            String id = "r" + i + "-" + n;
            if (PENDING.apply(id).orElseThrow() == a) {
                return id;
            }
        }
    }
}
