package io.ocppsec.core.json;

import static java.lang.System.Logger.Level.INFO;

import io.ocppsec.api.message.OcppAction;
import io.ocppsec.api.message.SignCertificateRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The usage snippets of the javadoc of the public {@code io.ocppsec.core.json} types, as compiled code: each region
 * {@code // javadoc:<Type>:begin} ... {@code end} is a snippet of that type's javadoc, which
 * {@link io.ocppsec.core.JavadocSnippetsTest} compares with the javadoc. Free names are the method's parameters.
 */
final class JavadocSnippets {

    private JavadocSnippets() {
    }

    /** The frames the snippets sent. */
    static final List<String> SENT = new ArrayList<>();

    /** The CALLs this side sent and awaits an answer to, by message id. */
    interface PendingCalls {
        Optional<OcppAction> actionOf(String messageId);
    }

    private static void send(String frame) {
        SENT.add(frame);
    }

    static OcppFrame ocppJsonCodec(String csrPem, PendingCalls pendingCalls, System.Logger log)
            throws OcppJsonException {
        // javadoc:OcppJsonCodec:begin
        OcppJsonCodec codec = OcppJsonCodec.create();
        String text = codec.encode(new OcppCall("19223201", new SignCertificateRequest(csrPem, Optional.empty())));
        OcppFrame frame = codec.decode(text, pendingCalls::actionOf);   // CALLRESULTs need the pending CALL's action
        log.log(INFO, codec.toLogString(frame));                       // secrets masked
        // javadoc:OcppJsonCodec:end
        return frame;
    }

    static void ocppJsonException(OcppJsonCodec codec, String text, PendingCalls pending) {
        // javadoc:OcppJsonException:begin
        try {
            OcppFrame f = codec.decode(text, pending::actionOf);
        } catch (OcppJsonException e) {
            send(codec.encode(e.toCallError()));   // for a CALL; never answer a CALLRESULT or CALLERROR
        }
        // javadoc:OcppJsonException:end
    }
}
