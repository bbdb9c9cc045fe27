package io.ocppsec.examples.netty;

import static java.lang.System.Logger.Level.INFO;

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
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.core.auth.ChargingStationIdentity;
import io.ocppsec.core.credential.AuthenticationResult;
import io.ocppsec.core.credential.BasicAuthenticator;
import io.ocppsec.tls.CsmsTlsContext;
import io.ocppsec.tls.StationIdentity;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * THE place where the SDK decides who may speak OCPP: it sees the aggregated upgrade request after the
 * TLS handshake and before Netty's {@code WebSocketServerProtocolHandler} answers 101. On success it stores
 * the identity on the channel, removes itself and passes the request on; otherwise it answers with a plain
 * HTTP error and closes the connection. One instance per connection.
 */
final class UpgradeGate extends ChannelInboundHandlerAdapter {

    /** The authenticated station identity, read by {@link OcppFrameHandler}. */
    static final AttributeKey<String> IDENTITY = AttributeKey.valueOf("ocpp.identity");

    private static final System.Logger LOG = System.getLogger(UpgradeGate.class.getName());

    private final CsmsTlsContext tls;
    private final BasicAuthenticator passwords;

    UpgradeGate(CsmsTlsContext tls, BasicAuthenticator passwords) {
        this.tls = tls;
        this.passwords = passwords;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest)) {
            ctx.fireChannelRead(msg);
            return;
        }
        FullHttpRequest request = (FullHttpRequest) msg;
        HttpResponseStatus refusal = check(ctx, request);
        if (refusal != null) {
            ReferenceCountUtil.release(request);
            refuse(ctx, refusal);
            return;
        }
        ctx.pipeline().remove(this); // one request per connection: the upgrade
        ctx.fireChannelRead(request); // on to WebSocketServerProtocolHandler, which answers 101
    }

    /** @return null to accept, else the HTTP status to refuse with */
    private HttpResponseStatus check(ChannelHandlerContext ctx, FullHttpRequest request) {
        // 1. The identity is the last path segment of /ocpp/{identity}, percent-decoded ('+' stays '+').
        String path = new QueryStringDecoder(request.uri()).rawPath();
        if (!path.startsWith(NettyCsmsExample.PATH_PREFIX)) {
            return HttpResponseStatus.NOT_FOUND;
        }
        String identity;
        try {
            identity = URLDecoder.decode(path.substring(NettyCsmsExample.PATH_PREFIX.length()).replace("+", "%2B"),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return HttpResponseStatus.BAD_REQUEST;
        }
        if (ChargingStationIdentity.problem(identity).isPresent()) { // 1-48 chars, no ':' or '/' (A00.FR.204)
            return HttpResponseStatus.BAD_REQUEST;
        }
        // 2. A00.FR.314/417: the negotiated version and suite are checked on the established session.
        SSLSession session = ctx.pipeline().get(SslHandler.class).engine().getSession();
        ValidationResult negotiated = tls.verifySession(session);
        if (!negotiated.isCompliant()) {
            return log(identity, HttpResponseStatus.FORBIDDEN, negotiated.blocking().get(0).message());
        }
        if (tls.profile().usesBasicAuth()) {
            // 3a. Profile 2: username = URL identity, password against the salted hash (A00.FR.202-204).
            // Never log the header: the result's reason is enough and holds no secret.
            AuthenticationResult r = passwords.authenticate(identity,
                    request.headers().get(HttpHeaderNames.AUTHORIZATION));
            if (!r.isAccepted()) {
                return log(identity, HttpResponseStatus.UNAUTHORIZED, r.reason().name());
            }
        } else {
            // 3b. Profile 3: the trust manager already validated the client certificate inside the TLS
            // handshake (A00.FR.401-404); here its CN is bound to the URL identity (A00.FR.405).
            try {
                StationIdentity station = tls.stationIdentity(session);
                ValidationResult bound = station.checkIdentity(identity);
                if (!bound.isCompliant()) {
                    return log(identity, HttpResponseStatus.FORBIDDEN, bound.blocking().get(0).message());
                }
            } catch (SSLPeerUnverifiedException e) {
                return log(identity, HttpResponseStatus.FORBIDDEN, e.getMessage());
            }
        }
        // A real CSMS would also check here that this station is configured for this profile (A00.FR.002)
        // and never goes back to a lower one (A05.FR.07): see io.ocppsec.core.profile.
        ctx.channel().attr(IDENTITY).set(identity);
        return null;
    }

    private static HttpResponseStatus log(String identity, HttpResponseStatus status, String reason) {
        LOG.log(INFO, "upgrade of " + identity + " refused with " + status.code() + ": " + reason);
        return status;
    }

    private static void refuse(ChannelHandlerContext ctx, HttpResponseStatus status) {
        DefaultFullHttpResponse response = new DefaultFullHttpResponse(
                io.netty.handler.codec.http.HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        if (status == HttpResponseStatus.UNAUTHORIZED) {
            response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Basic realm=\"OCPP\"");
        }
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
