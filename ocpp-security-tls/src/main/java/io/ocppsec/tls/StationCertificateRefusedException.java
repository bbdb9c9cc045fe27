package io.ocppsec.tls;

import io.ocppsec.api.requirement.ValidationResult;
import java.util.Objects;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * {@link CsmsTlsContext#stationIdentity} refused the station certificate of an established session: the
 * {@link #result()} lists the violations with their requirement IDs (for example A00.FR.403 for the path,
 * A00.FR.405 for the CN, A00.FR.427 for a key already bound to another station), so callers decide on the
 * rule, not on the message text.
 */
public final class StationCertificateRefusedException extends SSLPeerUnverifiedException {

    private static final long serialVersionUID = 1L;

    private final transient ValidationResult result;

    /**
     * @param result the violations; not compliant
     * @throws IllegalArgumentException when the result is compliant
     */
    public StationCertificateRefusedException(ValidationResult result) {
        super("Station certificate refused: " + firstBlocking(result));
        this.result = result;
    }

    private static String firstBlocking(ValidationResult result) {
        Objects.requireNonNull(result, "result");
        if (result.isCompliant()) {
            throw new IllegalArgumentException("a compliant result refuses nothing");
        }
        return String.valueOf(result.blocking().get(0));
    }

    /** @return why the certificate was refused */
    public ValidationResult result() {
        return result;
    }
}
