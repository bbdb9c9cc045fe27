package io.ocppsec.core.csr;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;

/** Bridges a {@link CsrSigner} to Bouncy Castle's {@link ContentSigner}. */
final class SignerAdapter implements ContentSigner {

    /** Carries a signer's checked exception through {@link ContentSigner#getSignature()}. */
    static final class SigningFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SigningFailed(GeneralSecurityException cause) {
            super(cause);
        }
    }

    private final CsrSigner signer;
    private final AlgorithmIdentifier algorithm;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream(512);

    SignerAdapter(CsrSigner signer) {
        this.signer = signer;
        this.algorithm = new DefaultSignatureAlgorithmIdentifierFinder().find(signer.signatureAlgorithm());
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return algorithm;
    }

    @Override
    public OutputStream getOutputStream() {
        return data;
    }

    @Override
    public byte[] getSignature() {
        try {
            return signer.sign(data.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new SigningFailed(e);
        }
    }
}
