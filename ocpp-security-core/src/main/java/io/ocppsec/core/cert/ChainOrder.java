package io.ocppsec.core.cert;

/**
 * Where the certificate to validate stands in a received chain.
 *
 * <p>Only {@link #LEAF_FIRST} is safe for a chain whose first certificate's key is used by someone else: a TLS
 * peer proves possession of the key of the first certificate it sends (RFC 8446 section 4.4.2, RFC 5246 section
 * 7.4.2), and a firmware signature is checked with the key of the signing certificate. Choosing another
 * certificate of such a chain as the leaf would validate one certificate and use another.
 */
public enum ChainOrder {

    /**
     * The first certificate is the one validated (the leaf); the certificates after it may come in any order and
     * may include the root. The default of every validator.
     */
    LEAF_FIRST,

    /**
     * The leaf may stand anywhere: it is the certificate that issues no other certificate of the chain. Only for a
     * caller that then takes the leaf from {@link ChainValidationResult#leaf()} and binds it to a key it already
     * holds, as the station does with the chain of a {@code CertificateSignedRequest} and the key of its pending CSR
     * (A02.FR.06).
     */
    ANY
}
