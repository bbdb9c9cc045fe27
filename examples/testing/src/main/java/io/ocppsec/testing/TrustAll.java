package io.ocppsec.testing;

import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/**
 * A trust manager that accepts any peer: for the legacy or attacker side of a test connection, so that what is
 * checked is the endpoint under test. Never for production code.
 */
public final class TrustAll implements X509TrustManager {

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // accepts anything (see the class comment)
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // accepts anything (see the class comment)
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
