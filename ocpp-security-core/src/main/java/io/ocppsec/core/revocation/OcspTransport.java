package io.ocppsec.core.revocation;

import io.ocppsec.core.revocation.internal.HttpClientOcspTransport;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * Carries one DER-encoded OCSP request to a responder and brings back the DER-encoded answer
 * (RFC 6960 appendix A: HTTP POST, {@code Content-Type: application/ocsp-request}).
 *
 * <p>Replace the default ({@link #httpClient(Duration, Duration)}) to go through a proxy, a service
 * mesh or a message bus. An implementation must be thread-safe, must bound its own time (a TLS
 * handshake may be waiting on it) and must refuse an answer longer than {@code maxResponseBytes}
 * without reading all of it.
 */
@FunctionalInterface
public interface OcspTransport {

    /**
     * @param responder the responder URL
     * @param request the DER encoding of the OCSP request
     * @param maxResponseBytes the largest answer to accept
     * @return the DER encoding of the OCSP response, at most {@code maxResponseBytes} long
     * @throws IOException when the responder cannot be reached, times out, answers with an HTTP error or
     *     sends too much
     */
    byte[] post(URI responder, byte[] request, int maxResponseBytes) throws IOException;

    /**
     * The default transport, built on {@link java.net.http.HttpClient}: HTTP/1.1, no redirects, no proxy.
     *
     * @param connectTimeout the longest wait for the TCP (and TLS) connection
     * @param totalTimeout the longest wait for the whole exchange, connection included
     * @return the transport
     * @throws IllegalArgumentException for a zero or negative timeout
     */
    static OcspTransport httpClient(Duration connectTimeout, Duration totalTimeout) {
        return new HttpClientOcspTransport(connectTimeout, totalTimeout);
    }
}
