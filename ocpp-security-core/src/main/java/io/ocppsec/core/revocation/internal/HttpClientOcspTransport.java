package io.ocppsec.core.revocation.internal;

import io.ocppsec.core.revocation.OcspTransport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link OcspTransport} over {@link HttpClient}. The whole exchange (connect, headers, body) is bounded
 * by one deadline, and the body is read through {@link BoundedBodySubscriber}, so neither a slow nor a
 * chatty responder can hold a thread or fill the heap.
 */
public final class HttpClientOcspTransport implements OcspTransport {

    private final HttpClient client;
    private final Duration totalTimeout;

    /**
     * @param connectTimeout the longest wait for the connection
     * @param totalTimeout the longest wait for the whole exchange
     */
    public HttpClientOcspTransport(Duration connectTimeout, Duration totalTimeout) {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(totalTimeout, "totalTimeout");
        this.totalTimeout = totalTimeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }

    @Override
    public byte[] post(URI responder, byte[] request, int maxResponseBytes) throws IOException {
        Objects.requireNonNull(responder, "responder");
        Objects.requireNonNull(request, "request");
        String scheme = responder.getScheme() == null ? "" : responder.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IOException("unsupported responder URL scheme '" + scheme + "'; expected http or https");
        }
        HttpRequest httpRequest = HttpRequest.newBuilder(responder)
                .timeout(totalTimeout)
                .header("Content-Type", "application/ocsp-request")
                .header("Accept", "application/ocsp-response")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                .build();
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(httpRequest,
                info -> BoundedBodySubscriber.forResponse(info, maxResponseBytes));
        try {
            HttpResponse<byte[]> response = future.get(totalTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                throw new IOException("responder answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + totalTimeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the OCSP responder");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException) {
                throw (IOException) cause;
            }
            throw new IOException(cause == null ? "OCSP exchange failed" : cause.toString(), cause);
        }
    }

    @Override
    public String toString() {
        return "HttpClientOcspTransport{totalTimeout=" + totalTimeout + "}";
    }
}
