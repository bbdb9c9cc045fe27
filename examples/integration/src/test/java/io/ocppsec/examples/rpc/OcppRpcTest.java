package io.ocppsec.examples.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.message.GenericStatus;
import io.ocppsec.api.message.SecurityEventNotificationRequest;
import io.ocppsec.api.message.SecurityEventNotificationResponse;
import io.ocppsec.api.message.SignCertificateRequest;
import io.ocppsec.api.message.SignCertificateResponse;
import io.ocppsec.api.message.TriggerMessageRequest;
import io.ocppsec.api.message.TriggerMessageResponse;
import io.ocppsec.core.json.OcppCallError;
import io.ocppsec.core.json.OcppErrorCode;
import io.ocppsec.core.json.OcppFrame;
import io.ocppsec.core.json.OcppJsonCodec;
import io.ocppsec.core.json.OcppJsonException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The RPC layer against a recording transport: every frame it writes is decoded and checked. */
class OcppRpcTest {

    private final OcppJsonCodec codec = OcppJsonCodec.create();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final OcppRpc rpc = OcppRpc.builder("test", text -> {
        sent.add(text);
        return CompletableFuture.completedFuture(null);
    }).callTimeout(Duration.ofMillis(300)).messageIds(new Counter()).build();

    @AfterEach
    void close() {
        rpc.close();
    }

    @Test
    void callResultCompletesTheMatchingCall() throws Exception {
        CompletableFuture<SignCertificateResponse> f = rpc.call(new SignCertificateRequest("csr", Optional.empty()),
                SignCertificateResponse.class);
        assertThat(sent.get(0)).isEqualTo("[2,\"id-1\",\"SignCertificate\",{\"csr\":\"csr\"}]");
        rpc.onMessage("[3,\"id-1\",{\"status\":\"Accepted\"}]");
        assertThat(f.get(1, TimeUnit.SECONDS).status()).isEqualTo(GenericStatus.ACCEPTED);
        assertThat(rpc.pendingCount()).isZero();
    }

    @Test
    void noAnswerTimesOut() {
        CompletableFuture<?> f = rpc.call(new SecurityEventNotificationRequest("StartupOfTheDevice",
                Instant.parse("2026-01-01T00:00:00Z"), Optional.empty()));
        assertThat(reason(f)).isEqualTo(OcppRpcException.Reason.TIMEOUT);
        assertThat(rpc.pendingCount()).isZero();
    }

    @Test
    void aSecondCallWhileOneIsPendingIsRefusedAtOnce() {
        rpc.call(new SignCertificateRequest("a", Optional.empty()));
        CompletableFuture<?> second = rpc.call(new SignCertificateRequest("b", Optional.empty()));
        assertThat(second).isCompletedExceptionally();
        assertThat(reason(second)).isEqualTo(OcppRpcException.Reason.TOO_MANY_PENDING);
        assertThat(sent).hasSize(1);
    }

    @Test
    void callErrorFailsTheCallWithTheError() {
        CompletableFuture<?> f = rpc.call(new SignCertificateRequest("csr", Optional.empty()));
        rpc.onMessage("[4,\"id-1\",\"SecurityError\",\"no\",{}]");
        OcppRpcException e = failure(f);
        assertThat(e.reason()).isEqualTo(OcppRpcException.Reason.CALL_ERROR);
        assertThat(e.callError().orElseThrow().errorCode()).isEqualTo(OcppErrorCode.SECURITY_ERROR);
    }

    @Test
    void schemaInvalidCallResultFailsTheCallAtOnceAndIsNotAnswered() {
        CompletableFuture<?> f = rpc.call(new SignCertificateRequest("csr", Optional.empty()));
        rpc.onMessage("[3,\"id-1\",{\"status\":\"Maybe\"}]");
        assertThat(reason(f)).isEqualTo(OcppRpcException.Reason.INVALID_RESPONSE);
        assertThat(sent).hasSize(1);
    }

    @Test
    void callResultForNoPendingCallIsDroppedNotAnswered() {
        rpc.onMessage("[3,\"nobody\",{\"status\":\"Accepted\"}]");
        rpc.onMessage("[4,\"nobody\",\"GenericError\",\"\",{}]");
        assertThat(sent).isEmpty();
    }

    @Test
    void garbageIsAnsweredWithRpcFrameworkError() throws Exception {
        rpc.onMessage("this is not OCPP-J");
        OcppCallError e = sentError(0);
        assertThat(e.errorCode()).isEqualTo(OcppErrorCode.RPC_FRAMEWORK_ERROR);
        assertThat(e.messageId()).isEqualTo(OcppJsonException.UNKNOWN_MESSAGE_ID);
    }

    @Test
    void schemaInvalidCallIsAnsweredWithTheCodecsErrorAndMessageId() throws Exception {
        rpc.onMessage("[2,\"m7\",\"TriggerMessage\",{\"requestedMessage\":42}]");
        OcppCallError e = sentError(0);
        assertThat(e.messageId()).isEqualTo("m7");
        assertThat(e.errorCode()).isEqualTo(OcppErrorCode.TYPE_CONSTRAINT_VIOLATION);
        rpc.onMessage("[2,\"m8\",\"Heartbeat\",{}]");
        assertThat(sentError(1).errorCode()).isEqualTo(OcppErrorCode.NOT_IMPLEMENTED);
        rpc.onMessage("[5,\"m9\",\"TriggerMessage\",{}]");
        assertThat(sentError(2).errorCode()).isEqualTo(OcppErrorCode.MESSAGE_TYPE_NOT_SUPPORTED);
    }

    @Test
    void callWithoutHandlerIsNotSupported() throws Exception {
        rpc.onMessage("[2,\"m1\",\"TriggerMessage\",{\"requestedMessage\":\"Heartbeat\"}]");
        awaitSent(1);
        assertThat(sentError(0).errorCode()).isEqualTo(OcppErrorCode.NOT_SUPPORTED);
    }

    @Test
    void handlerFailureIsInternalErrorWithoutItsMessage() throws Exception {
        rpc.onCall(TriggerMessageRequest.class, c -> {
            throw new IllegalStateException("password=hunter2");
        });
        rpc.onMessage("[2,\"m1\",\"TriggerMessage\",{\"requestedMessage\":\"Heartbeat\"}]");
        awaitSent(1);
        assertThat(sentError(0).errorCode()).isEqualTo(OcppErrorCode.INTERNAL_ERROR);
        assertThat(sent.get(0)).doesNotContain("hunter2");
    }

    @Test
    void handlerRejectionIsItsCallError() throws Exception {
        rpc.onCall(TriggerMessageRequest.class, c -> {
            throw new CallRejectedException(OcppErrorCode.SECURITY_ERROR, "not now");
        });
        rpc.onMessage("[2,\"m1\",\"TriggerMessage\",{\"requestedMessage\":\"Heartbeat\"}]");
        awaitSent(1);
        assertThat(sentError(0)).isEqualTo(new OcppCallError("m1", OcppErrorCode.SECURITY_ERROR, "not now"));
    }

    @Test
    void afterReplyRunsOnlyAfterTheResultWasSent() throws Exception {
        CompletableFuture<Integer> sentBefore = new CompletableFuture<>();
        rpc.onCall(TriggerMessageRequest.class, c -> {
            c.afterReply(() -> sentBefore.complete(sent.size()));
            return new TriggerMessageResponse(TriggerMessageResponse.TriggerMessageStatus.ACCEPTED, Optional.empty());
        });
        rpc.onMessage("[2,\"m1\",\"TriggerMessage\",{\"requestedMessage\":\"SignChargingStationCertificate\"}]");
        assertThat(sentBefore.get(1, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(sent.get(0)).isEqualTo("[3,\"m1\",{\"status\":\"Accepted\"}]");
    }

    @Test
    void fragmentsAreReassembled() throws Exception {
        rpc.onCall(SecurityEventNotificationRequest.class, c -> new SecurityEventNotificationResponse());
        String frame = "[2,\"f1\",\"SecurityEventNotification\",{\"type\":\"StartupOfTheDevice\","
                + "\"timestamp\":\"2026-01-01T00:00:00Z\"}]";
        rpc.onText(frame.substring(0, 5), false);
        rpc.onText(frame.substring(5, 40), false);
        assertThat(sent).isEmpty();
        rpc.onText(frame.substring(40), true);
        awaitSent(1);
        assertThat(sent.get(0)).isEqualTo("[3,\"f1\",{}]");
    }

    @Test
    void oversizedFragmentedMessageIsCutAndRefusedByItsLength() throws Exception {
        String chunk = "x".repeat(16 * 1024);
        for (int i = 0; i < 64; i++) { // 1 MiB, far over the 64 KiB frame limit
            rpc.onText(chunk, false);
        }
        rpc.onText("]", true);
        assertThat(sentError(0).errorCode()).isEqualTo(OcppErrorCode.RPC_FRAMEWORK_ERROR);
        // the next message is read on its own again
        rpc.onText("[3,\"x\",{}]", true);
        assertThat(sent).hasSize(1);
    }

    @Test
    void closeFailsPendingCallsAndLaterCalls() {
        CompletableFuture<?> f = rpc.call(new SignCertificateRequest("csr", Optional.empty()));
        rpc.close();
        assertThat(reason(f)).isEqualTo(OcppRpcException.Reason.CLOSED);
        assertThat(reason(rpc.call(new SignCertificateRequest("csr", Optional.empty()))))
                .isEqualTo(OcppRpcException.Reason.CLOSED);
    }

    @Test
    void sendFailureFailsTheCall() {
        OcppRpc broken = OcppRpc.builder("broken", t -> CompletableFuture.failedFuture(new java.io.IOException("gone")))
                .build();
        try {
            assertThat(reason(broken.call(new SignCertificateRequest("csr", Optional.empty()))))
                    .isEqualTo(OcppRpcException.Reason.SEND_FAILED);
        } finally {
            broken.close();
        }
    }

    @Test
    void typedCallRefusesTheWrongResponseType() {
        assertThatThrownBy(() -> rpc.call(new SignCertificateRequest("csr", Optional.empty()),
                TriggerMessageResponse.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builderRefusesBadLimits() {
        assertThatThrownBy(() -> OcppRpc.builder("x", t -> null).maxPending(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OcppRpc.builder("x", t -> null).callTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------------------------------

    private OcppCallError sentError(int index) throws Exception {
        awaitSent(index + 1);
        OcppFrame f = codec.decode(sent.get(index));
        assertThat(f).isInstanceOf(OcppCallError.class);
        return (OcppCallError) f;
    }

    private void awaitSent(int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 2000;
        while (sent.size() < n && System.currentTimeMillis() < deadline) {
            Thread.sleep(5); // handlers answer on the RPC executor
        }
        assertThat(sent).hasSizeGreaterThanOrEqualTo(n);
    }

    private static OcppRpcException.Reason reason(CompletableFuture<?> f) {
        return failure(f).reason();
    }

    private static OcppRpcException failure(CompletableFuture<?> f) {
        try {
            f.get(2, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(OcppRpcException.class);
            return (OcppRpcException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the call did not fail");
    }

    private static final class Counter implements java.util.function.Supplier<String> {
        private int n;

        @Override
        public synchronized String get() {
            return "id-" + ++n;
        }
    }
}
