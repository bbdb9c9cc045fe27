package io.ocppsec.examples.bench;

import io.ocppsec.api.message.CertificateSignedRequest;
import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.message.SignCertificateRequest;
import io.ocppsec.core.json.OcppCall;
import io.ocppsec.core.json.OcppFrame;
import io.ocppsec.core.json.OcppJsonCodec;
import io.ocppsec.core.json.OcppJsonException;
import io.ocppsec.testpki.TestPki;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * OCPP-J decode/encode of SignCertificateRequest and CertificateSignedRequest frames: the SDK codec
 * (schema validation, limits) against a plain Parsson parse/build of the same frame (no validation).
 */
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {

    /** Baseline uses cached factories, as a tuned hand-written integration would. */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final JsonReaderFactory READERS = JSON.createReaderFactory(java.util.Map.of());

    private OcppJsonCodec codec;
    private String signCertificateFrame;
    private String certificateSignedFrame;
    private OcppCall signCertificateCall;

    /** Builds realistic frames: a real CSR-sized payload and a real 2-certificate PEM chain. */
    @Setup
    public void setUp() {
        codec = OcppJsonCodec.create();
        TestPki pki = TestPki.create();
        String pemLike = pki.station().pem().replace("CERTIFICATE", "CERTIFICATE REQUEST");
        signCertificateCall = new OcppCall("19223201",
                new SignCertificateRequest(pemLike, Optional.of(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)));
        signCertificateFrame = codec.encode(signCertificateCall);
        certificateSignedFrame = codec.encode(new OcppCall("19223202", new CertificateSignedRequest(
                pki.station().chainPem(), Optional.of(CertificateSigningUse.CHARGING_STATION_CERTIFICATE))));
    }

    /** @return the decoded frame @throws OcppJsonException never for this input */
    @Benchmark
    public OcppFrame decodeSignCertificate_sdk() throws OcppJsonException {
        return codec.decode(signCertificateFrame);
    }

    /** @return the parsed array */
    @Benchmark
    public JsonArray decodeSignCertificate_baseline() {
        try (JsonReader r = READERS.createReader(new StringReader(signCertificateFrame))) {
            return r.readArray();
        }
    }

    /** @return the decoded frame @throws OcppJsonException never for this input */
    @Benchmark
    public OcppFrame decodeCertificateSigned_sdk() throws OcppJsonException {
        return codec.decode(certificateSignedFrame);
    }

    /** @return the parsed array */
    @Benchmark
    public JsonArray decodeCertificateSigned_baseline() {
        try (JsonReader r = READERS.createReader(new StringReader(certificateSignedFrame))) {
            return r.readArray();
        }
    }

    /** @return the encoded frame */
    @Benchmark
    public String encodeSignCertificate_sdk() {
        return codec.encode(signCertificateCall);
    }

    /** @return the frame built with plain Jakarta JSON */
    @Benchmark
    public String encodeSignCertificate_baseline() {
        SignCertificateRequest req = (SignCertificateRequest) signCertificateCall.payload();
        return JSON.createArrayBuilder().add(2).add(signCertificateCall.messageId()).add("SignCertificate")
                .add(JSON.createObjectBuilder().add("csr", req.csr())
                        .add("certificateType", req.certificateType().get().ocppValue()))
                .build().toString();
    }
}
