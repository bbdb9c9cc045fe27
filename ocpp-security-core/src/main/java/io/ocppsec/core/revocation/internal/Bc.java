package io.ocppsec.core.revocation.internal;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The Bouncy Castle provider instance of the OCSP client; never registered globally. */
final class Bc {

    static final Provider PROVIDER = new BouncyCastleProvider();

    private Bc() {
    }
}
