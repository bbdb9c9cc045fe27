package io.ocppsec.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.message.OcppAction;
import io.ocppsec.api.message.OcppMessage;
import io.ocppsec.api.message.OcppRequest;
import io.ocppsec.api.message.OcppResponse;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * For every action: seeded random requests and responses (including values at maxLength, escapes and
 * non-BMP characters) encode to payloads the official schema accepts, and decode back to equal records.
 */
class SchemaConformanceTest {

    private static final int INSTANCES = 150;
    private final OcppJsonCodec codec = OcppJsonCodec.create();

    private void check(OcppAction action, boolean request, OcppMessage m) throws OcppJsonException {
        String payload = codec.encodePayload(m);
        assertThat(OfficialSchemas.validate(OfficialSchemas.name(action, request), payload))
                .as("schema errors for %s", payload).isEmpty();
        OcppMessage back = request ? codec.decodeRequest(action, payload) : codec.decodeResponse(action, payload);
        assertThat(back).isEqualTo(m);
    }

    @ParameterizedTest
    @EnumSource(OcppAction.class)
    void requestsMatchTheSchemaAndRoundTrip(OcppAction action) throws Exception {
        Random r = new Random(action.ordinal() * 7919L);
        for (int i = 0; i < INSTANCES; i++) {
            OcppRequest m = RandomMessages.REQUESTS.get(action).apply(r);
            assertThat(m.action()).isEqualTo(action);
            check(action, true, m);
            String id = "id-" + i;
            OcppFrame f = codec.decode(codec.encode(new OcppCall(id, m)));
            assertThat(f).isEqualTo(new OcppCall(id, m));
        }
    }

    @ParameterizedTest
    @EnumSource(OcppAction.class)
    void responsesMatchTheSchemaAndRoundTrip(OcppAction action) throws Exception {
        Random r = new Random(action.ordinal() * 104729L + 1);
        for (int i = 0; i < INSTANCES; i++) {
            OcppResponse m = RandomMessages.RESPONSES.get(action).apply(r);
            check(action, false, m);
            String id = "0123456789abcdef0123456789abcdef012" + (i % 10);   // 36 chars
            OcppFrame f = codec.decode(codec.encode(new OcppCallResult(id, m)),
                    mid -> mid.equals(id) ? Optional.of(action) : Optional.empty());
            assertThat(f).isEqualTo(new OcppCallResult(id, m));
        }
    }
}
