package io.ocppsec.examples.station;

import io.ocppsec.tls.TlsFailure;
import java.util.Objects;
import java.util.Optional;

/**
 * What a connection attempt gave. Negative cases are values, not exceptions, so a test or a demo step can
 * assert the exact reason (e.g. "refused with HTTP 401").
 */
public sealed interface ConnectOutcome permits ConnectOutcome.Connected, ConnectOutcome.Refused,
        ConnectOutcome.Failed {

    /** @return true for {@link Connected} */
    default boolean isConnected() {
        return this instanceof Connected;
    }

    /**
     * @return the connection
     * @throws IllegalStateException if the attempt did not connect (the message says why)
     */
    default StationConnection connection() {
        if (this instanceof Connected) {
            return ((Connected) this).connection();
        }
        throw new IllegalStateException("not connected: " + this);
    }

    /**
     * The WebSocket is open with subprotocol {@code ocpp2.0.1}.
     *
     * @param connection the connection
     */
    record Connected(StationConnection connection) implements ConnectOutcome {
        /** @throws NullPointerException if null */
        public Connected {
            Objects.requireNonNull(connection, "connection");
        }
    }

    /**
     * The TLS handshake succeeded but the CSMS answered the upgrade with an HTTP status instead of 101.
     *
     * @param httpStatus e.g. 401 (credentials wrong or missing) or 403
     */
    record Refused(int httpStatus) implements ConnectOutcome {
    }

    /**
     * No connection for another reason.
     *
     * @param kind the kind of failure
     * @param detail the underlying exception's class and message (never a credential)
     * @param tlsFailure for {@link Kind#TLS_HANDSHAKE}: the SDK's classification of the failure (which
     *        security event it raised, if any); empty otherwise
     */
    record Failed(Kind kind, String detail, Optional<TlsFailure> tlsFailure) implements ConnectOutcome {
        /** @throws NullPointerException if null */
        public Failed {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(tlsFailure, "tlsFailure");
        }

        /**
         * A failure without a TLS classification.
         *
         * @param kind the kind of failure
         * @param detail the underlying exception's class and message
         */
        public Failed(Kind kind, String detail) {
            this(kind, detail, Optional.empty());
        }
    }

    /** Kinds of {@link Failed}. */
    enum Kind {
        /**
         * The TLS handshake failed (untrusted or wrong CSMS certificate, no common version or suite, client
         * certificate refused); {@link Failed#tlsFailure()} holds the SDK's classification.
         */
        TLS_HANDSHAKE,
        /** The CSMS completed the handshake without agreeing to {@code ocpp2.0.1}. */
        SUBPROTOCOL_NOT_ACCEPTED,
        /**
         * Security profile 3: the TLS handshake completed, then the CSMS closed or reset the connection without
         * answering the WebSocket upgrade, which is how some CSMSs (e.g. a Node ocpp-rpc one) refuse a station
         * certificate. {@link Failed#tlsFailure()} holds a {@link TlsFailure.Kind#REJECTED_BY_PEER} failure; the
         * station raises FailedToAuthenticateAtCsms.
         */
        REFUSED_AFTER_HANDSHAKE,
        /** No answer within the connect timeout. */
        TIMEOUT,
        /** Any other I/O failure (connection refused, reset). */
        IO
    }
}
