/**
 * A CSMS integration example on Netty 4.2: an {@link io.netty.handler.ssl.SslHandler} over the SDK's
 * {@link io.ocppsec.tls.CsmsTlsContext}, the station authenticated before the WebSocket upgrade
 * ({@link io.ocppsec.core.credential.BasicAuthenticator} for profile 2,
 * {@link io.ocppsec.tls.CsmsTlsContext#stationIdentity} for profile 3), and OCPP-J frames decoded by
 * {@link io.ocppsec.core.json.OcppJsonCodec}. Start at {@link io.ocppsec.examples.netty.NettyCsmsExample}.
 */
package io.ocppsec.examples.netty;
