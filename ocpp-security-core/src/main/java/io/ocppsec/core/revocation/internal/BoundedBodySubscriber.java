package io.ocppsec.core.revocation.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a limit and fails as soon as the limit is passed, cancelling the
 * subscription so the rest is never buffered. A {@code Content-Length} above the limit fails before any
 * byte of the body is read.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

    private final int limit;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    private BoundedBodySubscriber(int limit) {
        this.limit = limit;
    }

    static HttpResponse.BodySubscriber<byte[]> forResponse(HttpResponse.ResponseInfo info, int limit) {
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > limit) {
            return failing(declared, limit);
        }
        return new BoundedBodySubscriber(limit);
    }

    private static HttpResponse.BodySubscriber<byte[]> failing(long declared, int limit) {
        BoundedBodySubscriber s = new BoundedBodySubscriber(limit);
        s.result.completeExceptionally(tooLarge("declared Content-Length " + declared, limit));
        return s;
    }

    private static IOException tooLarge(String what, int limit) {
        return new IOException("response too large: " + what + " exceeds the limit of " + limit + " bytes");
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        if (result.isDone()) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            int n = b.remaining();
            if (buffer.size() + (long) n > limit) {
                result.completeExceptionally(tooLarge("more than " + limit + " bytes", limit));
                subscription.cancel();
                return;
            }
            byte[] chunk = new byte[n];
            b.get(chunk);
            buffer.write(chunk, 0, n);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(buffer.toByteArray());
    }
}
