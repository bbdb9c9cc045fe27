package io.ocppsec.core.store;

import static io.ocppsec.api.message.CertificateSigningUse.CHARGING_STATION_CERTIFICATE;

import io.ocppsec.api.message.HashAlgorithm;
import io.ocppsec.core.cert.ChainValidator;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The usage snippets of the javadoc of the public {@code io.ocppsec.core.store} types, as compiled code: each region
 * {@code // javadoc:<Type>:begin} ... {@code end} is a snippet of that type's javadoc, which
 * {@link io.ocppsec.core.JavadocSnippetsTest} compares with the javadoc. Free names are the method's parameters.
 */
final class JavadocSnippets {

    private JavadocSnippets() {
    }

    /** What the snippets started. */
    static final List<String> ACTIONS = new ArrayList<>();

    /** The application's HSM, which knows the key handles by alias. */
    interface Hsm {
        KeyHandle handle(String alias);
    }

    private static void startA03() {
        ACTIONS.add("A03");
    }

    static DeleteResult certificateHash(X509Certificate root, StationCertificateStore store)
            throws CertificateStoreException {
        // javadoc:CertificateHash:begin
        CertificateHash h = CertificateHash.of(root, root.getPublicKey(), HashAlgorithm.SHA256);
        DeleteResult r = store.deleteCertificate(h);
        // javadoc:CertificateHash:end
        return r;
    }

    static StationCertificateStore fileCertificateStorePersistence(Hsm myHsm) throws CertificateStoreException {
        // javadoc:FileCertificateStorePersistence:begin
        CertificateStorePersistence files = FileCertificateStorePersistence.builder(Path.of("/data/ocpp/certs.store"))
                .keyResolver(alias -> myHsm.handle(alias))
                .build();
        StationCertificateStore store = StationCertificateStore.builder(files).build();
        // javadoc:FileCertificateStorePersistence:end
        return store;
    }

    static List<KeyHandle> keyHandle(KeyPair keyPair) {
        // javadoc:KeyHandle:begin
        KeyHandle k = KeyHandle.external("pkcs11:slot-0/cs-key-2026");   // key stays in the HSM
        KeyHandle s = KeyHandle.inMemory("cs-key-2026", keyPair.getPrivate());
        // javadoc:KeyHandle:end
        return List.of(k, s);
    }

    static Supplier<Optional<StationCertificate>> stationCertificateStore(CertificateStorePersistence persistence,
                                                                          Clock clock, List<X509Certificate> chain,
                                                                          ChainValidator chainValidator)
            throws CertificateStoreException {
        // javadoc:StationCertificateStore:begin
        StationCertificateStore store = StationCertificateStore.builder(persistence).clock(clock).build();
        ClientInstallResult r = store.installClientCertificate(CHARGING_STATION_CERTIFICATE, chain,
                KeyHandle.external("hsm:cs-2026"), chainValidator);
        Supplier<Optional<StationCertificate>> forTls = store.activeCertificateSupplier(CHARGING_STATION_CERTIFICATE);
        if (store.renewalDue(CHARGING_STATION_CERTIFICATE)) { startA03(); }
        // javadoc:StationCertificateStore:end
        return forTls;
    }
}
