package io.ocppsec.examples.netty;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.ocppsec.api.message.BootNotificationRequest;
import io.ocppsec.api.message.BootNotificationResponse;
import io.ocppsec.api.message.SecurityEventNotificationRequest;
import io.ocppsec.api.message.SecurityEventNotificationResponse;
import io.ocppsec.core.event.SecurityEventNotificationHandler;
import io.ocppsec.core.json.OcppCall;
import io.ocppsec.core.json.OcppCallError;
import io.ocppsec.core.json.OcppCallResult;
import io.ocppsec.core.json.OcppErrorCode;
import io.ocppsec.core.json.OcppFrame;
import io.ocppsec.core.json.OcppJsonCodec;
import io.ocppsec.core.json.OcppJsonException;
import java.time.Clock;
import java.util.Optional;

/**
 * OCPP-J after the upgrade: each text frame is decoded by the SDK's {@link OcppJsonCodec} (size, depth
 * and schema checks before anything else sees it) and answered. This example answers two CALLs; a real
 * CSMS dispatches all of them, and moves slow work (databases, a CA) off the event loop.
 */
final class OcppFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private final OcppJsonCodec codec;
    private final SecurityEventNotificationHandler events;
    private final Clock clock;

    OcppFrameHandler(OcppJsonCodec codec, SecurityEventNotificationHandler events, Clock clock) {
        this.codec = codec;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        // OCPP-J: a CSMS that does not agree to a subprotocol the station offered completes the handshake
        // without one (Netty does that) and then closes the connection at once.
        if (evt instanceof HandshakeComplete && ((HandshakeComplete) evt).selectedSubprotocol() == null) {
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.PROTOCOL_ERROR))
                    .addListener(ChannelFutureListener.CLOSE);
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (!(frame instanceof TextWebSocketFrame)) { // OCPP-J uses text frames only
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.INVALID_MESSAGE_TYPE))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        String identity = ctx.channel().attr(UpgradeGate.IDENTITY).get();
        OcppFrame answer;
        try {
            OcppFrame in = codec.decode(((TextWebSocketFrame) frame).text());
            if (!(in instanceof OcppCall)) {
                return; // a CALLERROR from the station: this CSMS sent no CALL, so nothing to match
            }
            answer = answer(identity, (OcppCall) in);
        } catch (OcppJsonException e) {
            if (!e.isAnswerable()) {
                return; // a broken CALLRESULT/CALLERROR is never answered (OCPP-J)
            }
            answer = e.toCallError(); // the code and a value-free description; the messageId if readable
        }
        ctx.writeAndFlush(new TextWebSocketFrame(codec.encode(answer)));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A failed TLS handshake was already reported by the SDK; a reset or an oversized frame ends here too.
        ctx.close();
    }

    private OcppFrame answer(String identity, OcppCall call) {
        if (call.payload() instanceof BootNotificationRequest) {
            // A real CSMS decides Accepted/Pending/Rejected (e.g. from BasicAuthenticator's bootDecision).
            return new OcppCallResult(call.messageId(), new BootNotificationResponse(clock.instant(), 300,
                    BootNotificationResponse.RegistrationStatus.ACCEPTED, Optional.empty()));
        }
        if (call.payload() instanceof SecurityEventNotificationRequest) {
            // A04: the SDK checks the fields and hands a valid event to the listener (store it durably);
            // only then is it confirmed (A04.FR.03). Otherwise a CALLERROR makes the station retry.
            SecurityEventNotificationRequest q = (SecurityEventNotificationRequest) call.payload();
            SecurityEventNotificationHandler.Outcome o = events.handle(identity, q.type(), q.timestamp().toString(),
                    q.techInfo());
            if (o.accepted().isPresent()) {
                return new OcppCallResult(call.messageId(), new SecurityEventNotificationResponse());
            }
            return new OcppCallError(call.messageId(), OcppErrorCode.fromOcpp(o.callErrorCode().orElseThrow()),
                    "security event refused");
        }
        return new OcppCallError(call.messageId(), OcppErrorCode.NOT_IMPLEMENTED, call.action().ocppValue()
                + " is not handled by this example");
    }
}
