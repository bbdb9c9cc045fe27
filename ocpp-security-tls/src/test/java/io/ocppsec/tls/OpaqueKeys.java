package io.ocppsec.tls;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.interfaces.ECPrivateKey;
import java.util.Map;

/**
 * A stand-in for an HSM: {@link #wrap(ECPrivateKey)} gives a {@link PrivateKey} that cannot be extracted (no encoding,
 * not an {@code ECPrivateKey}), usable only through the signatures of a provider registered for it, as a PKCS#11 key
 * is usable only through SunPKCS11. Proves the TLS code never needs more than "sign with this key".
 */
final class OpaqueKeys {

    private static final String NAME = "OcppSecTestOpaqueKeys";
    /** Signatures made by the token. */
    static final java.util.concurrent.atomic.AtomicInteger SIGNATURES = new java.util.concurrent.atomic.AtomicInteger();

    private OpaqueKeys() {
    }

    /** A key whose value stays inside this "token". */
    static final class OpaqueKey implements PrivateKey {
        private static final long serialVersionUID = 1L;
        private final transient ECPrivateKey inner;

        private OpaqueKey(ECPrivateKey inner) {
            this.inner = inner;
        }

        @Override
        public String getAlgorithm() {
            return "EC";
        }

        @Override
        public String getFormat() {
            return null; // non-extractable
        }

        @Override
        public byte[] getEncoded() {
            return null; // non-extractable
        }

        @Override
        public String toString() {
            return "OpaqueKey[token]";
        }
    }

    static synchronized PrivateKey wrap(ECPrivateKey key) {
        if (Security.getProvider(NAME) == null) {
            Security.addProvider(new TokenProvider());
        }
        return new OpaqueKey(key);
    }

    /** Signs with an {@link OpaqueKey} only; every other key goes to the JDK's providers. */
    private static final class TokenProvider extends Provider {
        private static final long serialVersionUID = 1L;

        TokenProvider() {
            super(NAME, "1.0", "test stand-in for a PKCS#11 token");
            for (String alg : new String[] {"SHA256withECDSA", "SHA384withECDSA", "SHA512withECDSA"}) {
                putService(new Service(this, "Signature", alg, TokenSignature.class.getName(), null,
                        Map.of("SupportedKeyClasses", OpaqueKey.class.getName())) {
                    @Override
                    public Object newInstance(Object parameter) {
                        return new TokenSignature(alg);
                    }

                    @Override
                    public boolean supportsParameter(Object parameter) {
                        return parameter instanceof OpaqueKey;
                    }
                });
            }
        }
    }

    private static final class TokenSignature extends SignatureSpi {
        private final String algorithm;
        private Signature delegate;

        TokenSignature(String algorithm) {
            this.algorithm = algorithm;
        }

        @Override
        protected void engineInitSign(PrivateKey key) throws InvalidKeyException {
            if (!(key instanceof OpaqueKey)) {
                throw new InvalidKeyException("not a token key");
            }
            try {
                delegate = Signature.getInstance(algorithm, "SunEC");
            } catch (NoSuchAlgorithmException | NoSuchProviderException e) {
                throw new InvalidKeyException(e);
            }
            delegate.initSign(((OpaqueKey) key).inner);
        }

        @Override
        protected void engineInitVerify(PublicKey key) throws InvalidKeyException {
            throw new InvalidKeyException("the token only signs");
        }

        @Override
        protected void engineUpdate(byte b) throws SignatureException {
            delegate.update(b);
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) throws SignatureException {
            delegate.update(b, off, len);
        }

        @Override
        protected byte[] engineSign() throws SignatureException {
            SIGNATURES.incrementAndGet();
            return delegate.sign();
        }

        @Override
        protected boolean engineVerify(byte[] sig) throws SignatureException {
            throw new SignatureException("the token only signs");
        }

        @Override
        @Deprecated
        protected void engineSetParameter(String param, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        @Deprecated
        protected Object engineGetParameter(String param) {
            throw new UnsupportedOperationException();
        }
    }
}
