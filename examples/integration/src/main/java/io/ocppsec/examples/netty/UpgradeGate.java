package io.ocppsec.examples.netty;

import static java.lang.System.Logger.Level.WARNING;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.ocppsec.tls.AdmissionDecision;
import io.ocppsec.tls.ConnectionAttempt;
import io.ocppsec.tls.CsmsAdmission;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * THE place where the SDK decides who may speak OCPP: it sees the aggregated upgrade request after the
 * TLS handshake and before Netty's {@code WebSocketServerProtocolHandler} answers 101, and hands it to the
 * SDK's {@link CsmsAdmission} (identity, TLS session, Basic auth or certificate = URL identity, A00.FR.002,
 * the A05.FR.07 floor when configured). On success it stores the identity on the channel, removes itself and
 * passes the request on; once the WebSocket is established with the OCPP subprotocol it tells the admission
 * ({@link CsmsAdmission#connected}). Otherwise it answers with the admission's HTTP status and closes the
 * connection. One instance per connection.
 */
final class UpgradeGate extends ChannelInboundHandlerAdapter {

    /** The authenticated station identity, read by {@link OcppFrameHandler}. */
    static final AttributeKey<String> IDENTITY = AttributeKey.valueOf("ocpp.identity");

    private static final System.Logger LOG = System.getLogger(UpgradeGate.class.getName());

    private final CsmsAdmission admission;

    UpgradeGate(CsmsAdmission admission) {
        this.admission = admission;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest)) {
            ctx.fireChannelRead(msg);
            return;
        }
        FullHttpRequest request = (FullHttpRequest) msg;
        // The identity is the last path segment of /ocpp/{identity}, percent-decoded ('+' stays '+').
        String path = new QueryStringDecoder(request.uri()).rawPath();
        Optional<String> identity = Optional.empty();
        if (path.startsWith(NettyCsmsExample.PATH_PREFIX)) {
            try {
                identity = Optional.of(URLDecoder.decode(path.substring(NettyCsmsExample.PATH_PREFIX.length())
                        .replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                refuse(ctx, request, HttpResponseStatus.BAD_REQUEST, Optional.empty());
                return;
            }
        }
        if (identity.isEmpty()) {
            refuse(ctx, request, HttpResponseStatus.NOT_FOUND, Optional.empty());
            return;
        }
        // Never log the Authorization header: the decision's reason is enough and holds no secret.
        AdmissionDecision d = admission.admit(ConnectionAttempt.overTls(identity.get(),
                ctx.pipeline().get(SslHandler.class).engine().getSession(),
                Optional.ofNullable(request.headers().get(HttpHeaderNames.AUTHORIZATION))));
        if (d instanceof AdmissionDecision.Rejected) {
            AdmissionDecision.Rejected r = (AdmissionDecision.Rejected) d;
            refuse(ctx, request, HttpResponseStatus.valueOf(r.httpStatus()), r.wwwAuthenticate());
            return;
        }
        AdmissionDecision.Accepted accepted = (AdmissionDecision.Accepted) d;
        ctx.channel().attr(IDENTITY).set(accepted.identity().value());
        ctx.pipeline().addAfter(ctx.pipeline().context(WebSocketServerProtocolHandler.class).name(), null,
                new Connected(admission, accepted));
        ctx.pipeline().remove(this); // one request per connection: the upgrade
        ctx.fireChannelRead(request); // on to WebSocketServerProtocolHandler, which answers 101
    }

    private static void refuse(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status,
            Optional<String> challenge) {
        ReferenceCountUtil.release(request);
        DefaultFullHttpResponse response = new DefaultFullHttpResponse(
                io.netty.handler.codec.http.HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        challenge.ifPresent(c -> response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, c));
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    /** Raises the station's profile floor once the WebSocket is open with the OCPP subprotocol (A05.FR.07). */
    private static final class Connected extends ChannelInboundHandlerAdapter {
        private final CsmsAdmission admission;
        private final AdmissionDecision.Accepted accepted;

        Connected(CsmsAdmission admission, AdmissionDecision.Accepted accepted) {
            this.admission = admission;
            this.accepted = accepted;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof HandshakeComplete) {
                ctx.pipeline().remove(this);
                if (((HandshakeComplete) evt).selectedSubprotocol() != null) {
                    try {
                        admission.connected(accepted);
                    } catch (RuntimeException e) { // the floor was not raised: this connection does not stay
                        LOG.log(WARNING, "profile floor of " + accepted.identity() + " not raised: "
                                + e.getClass().getName());
                        ctx.close();
                        return;
                    }
                }
            }
            ctx.fireUserEventTriggered(evt);
        }
    }
}
