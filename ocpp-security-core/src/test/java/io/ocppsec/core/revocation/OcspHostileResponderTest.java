package io.ocppsec.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.spi.RevocationStatus;
import io.ocppsec.api.spi.RevocationStatus.State;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.TestPki;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A tiny HTTP server on loopback that answers like a broken or hostile OCSP responder. */
class OcspHostileResponderTest {

    private static final TestPki PKI = TestPki.create();

    private TinyHttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicReference<String> contentType = new AtomicReference<>();
    private final AtomicInteger requests = new AtomicInteger();

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        if (server != null) {
            server.close();
        }
    }

    private URI serve(TinyHttpServer.Handler handler) throws IOException {
        server = new TinyHttpServer((request, out) -> {
            requests.incrementAndGet();
            contentType.set(request.header("Content-Type"));
            handler.handle(request, out);
        });
        return server.uri();
    }

    private static TinyHttpServer.Handler answer(int status, byte[] body) {
        return (request, out) -> out.write(TinyHttpServer.response(status, body, true));
    }

    private RevocationStatus check(URI uri) {
        OcspRevocationSource source = OcspRevocationSource.builder().responderUrl(uri)
                .timeouts(Duration.ofMillis(500), Duration.ofSeconds(1)).build();
        return source.check(PKI.station().certificate(), PKI.csoSubCa().certificate(), Instant.now());
    }

    @Test
    @Verifies("A00.FR.705")
    void garbageIsUnknownAndTheRequestIsAnOcspPost() throws Exception {
        RevocationStatus s = check(serve(answer(200, "<html>not ocsp</html>".getBytes())));
        assertThat(s.state()).isEqualTo(State.UNKNOWN);
        assertThat(s.detail()).contains("malformed OCSP response");
        assertThat(contentType.get()).isEqualTo("application/ocsp-request");
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void truncatedDerIsUnknown() throws Exception {
        byte[] tryLater = new OCSPRespBuilder().build(OCSPRespBuilder.TRY_LATER, null).getEncoded();
        byte[] cut = java.util.Arrays.copyOf(tryLater, tryLater.length - 1);
        RevocationStatus s = check(serve(answer(200, cut)));
        assertThat(s.state()).isEqualTo(State.UNKNOWN);
        assertThat(s.detail()).contains("malformed");
    }

    @Test
    void oversizedResponseWithContentLengthIsRefusedBeforeParsing() throws Exception {
        RevocationStatus s = check(serve(answer(200, new byte[100 * 1024])));
        assertThat(s.state()).isEqualTo(State.UNKNOWN);
        assertThat(s.detail()).contains("too large").contains("65536");
    }

    @Test
    void oversizedChunkedResponseIsCutOff() throws Exception {
        RevocationStatus s = check(serve((request, out) -> {
            out.write(TinyHttpServer.response(200, new byte[0], false));
            byte[] chunk = new byte[8192];
            for (int i = 0; i < 10_000; i++) { // 80 MB if nobody stops it
                out.write(chunk);
            }
        }));
        assertThat(s.state()).isEqualTo(State.UNKNOWN);
        assertThat(s.detail()).contains("too large");
    }

    @Test
    void httpErrorIsUnknown() throws Exception {
        RevocationStatus s = check(serve(answer(500, "oops".getBytes())));
        assertThat(s.state()).isEqualTo(State.UNKNOWN);
        assertThat(s.detail()).contains("HTTP 500");
    }

    @Test
    void redirectIsNotFollowed() throws Exception {
        RevocationStatus s = check(serve((request, out) -> out.write(("HTTP/1.1 302 Found\r\n"
                + "Location: http://192.0.2.1/elsewhere\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        assertThat(s.state()).isEqualTo(State.UNKNOWN);
        assertThat(s.detail()).contains("HTTP 302");
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void unsuccessfulResponseStatusIsUnknown() throws Exception {
        byte[] tryLater = new OCSPRespBuilder().build(OCSPRespBuilder.TRY_LATER, null).getEncoded();
        RevocationStatus s = check(serve(answer(200, tryLater)));
        assertThat(s.state()).isEqualTo(State.UNKNOWN);
        assertThat(s.detail()).contains("tryLater");
        byte[] unauthorized = new OCSPRespBuilder().build(OCSPRespBuilder.UNAUTHORIZED, null).getEncoded();
        server.close();
        assertThat(check(serve(answer(200, unauthorized))).detail()).contains("unauthorized");
    }

    @Test
    void silentResponderTimesOut() throws Exception {
        URI uri = serve((request, out) -> release.await());
        long start = System.nanoTime();
        RevocationStatus s = check(uri);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(s.state()).isEqualTo(State.UNKNOWN);
        assertThat(s.detail()).contains("unreachable");
        assertThat(millis).isBetween(900L, 3000L);
    }

    @Test
    void tricklingResponderTimesOut() throws Exception {
        URI uri = serve((request, out) -> {
            out.write(TinyHttpServer.response(200, new byte[0], false));
            for (int i = 0; i < 1000 && release.getCount() > 0; i++) {
                out.write(0x30);
                out.flush();
                Thread.sleep(100);
            }
        });
        long start = System.nanoTime();
        RevocationStatus s = check(uri);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(s.state()).isEqualTo(State.UNKNOWN);
        assertThat(millis).isLessThan(3000L);
    }

    @Test
    void unsupportedSchemeIsRefusedAtConfiguration() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> OcspRevocationSource.builder().responderUrl(URI.create("ldap://ca.example/ocsp")));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> OcspRevocationSource.builder().maxResponseBytes(10));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> OcspRevocationSource.builder().timeouts(Duration.ofSeconds(5), Duration.ofSeconds(1)));
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> OcspRevocationSource.builder().sendNonce(false).requireNonce(true).build());
    }
}
