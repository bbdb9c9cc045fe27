package io.ocppsec.core.signing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When to send a CSR again after the CSMS accepted a {@code SignCertificateRequest} but no
 * {@code CertificateSignedRequest} came, driven by the {@code SecurityCtrlr} variables
 * {@code CertSigningWaitMinimum} (seconds to wait) and {@code CertSigningRepeatTimes} (how many times to
 * send again). It never sleeps: the caller asks {@link #poll(Instant)} when its own timer fires.
 *
 * <p>Part 2 A02/A03 "Error handling" does NOT recommend automatic retries (a wrong CSR will not fix
 * itself); the errata make the wait minimum binding when a station does retry. With
 * {@code repeatTimes = 0} this schedule only reports the give-up point. A {@code Rejected}
 * {@code SignCertificateResponse} ends the schedule at once ({@link #csrRejected()}).
 *
 * <pre>{@code
 * CsrRetrySchedule s = CsrRetrySchedule.of(Duration.ofSeconds(waitMinimum), repeatTimes);
 * s.csrSent(clock.instant());
 * switch (s.poll(clock.instant()).action()) {
 *     case RESEND: sendNewCsr(); s.csrSent(clock.instant()); break;
 *     case GIVE_UP: raiseAlarm(); break;
 *     default: break;
 * }
 * }</pre>
 */
public final class CsrRetrySchedule {

    /** Where the schedule is. */
    public enum State {
        /** No CSR sent yet. */
        IDLE,
        /** A CSR was sent; waiting for the signed certificate. */
        WAITING,
        /** The signed certificate arrived. */
        DONE,
        /** Rejected, or every allowed resend went unanswered. */
        GAVE_UP
    }

    /** What the caller should do now. */
    public enum Action {
        /** Nothing: idle or done. */
        NONE,
        /** Keep waiting until {@link Decision#at()}. */
        WAIT,
        /** Generate a new CSR and send it, then call {@link #csrSent(Instant)}. */
        RESEND,
        /** Stop; tell the operator (the CSMS side needs investigation). */
        GIVE_UP
    }

    /**
     * @param action what to do
     * @param at for {@link Action#WAIT}: when to ask again
     */
    public record Decision(Action action, Optional<Instant> at) {
        /** Checks for nulls. */
        public Decision {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(at, "at");
        }
    }

    private final Duration waitMinimum;
    private final int repeatTimes;
    private State state = State.IDLE;
    private Instant lastSent;
    private int sends;

    private CsrRetrySchedule(Duration waitMinimum, int repeatTimes) {
        this.waitMinimum = waitMinimum;
        this.repeatTimes = repeatTimes;
    }

    /**
     * @param certSigningWaitMinimum the {@code CertSigningWaitMinimum} value (at least one second)
     * @param certSigningRepeatTimes the {@code CertSigningRepeatTimes} value (0..1000)
     * @return a schedule in state {@link State#IDLE}
     */
    public static CsrRetrySchedule of(Duration certSigningWaitMinimum, int certSigningRepeatTimes) {
        Objects.requireNonNull(certSigningWaitMinimum, "certSigningWaitMinimum");
        if (certSigningWaitMinimum.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("CertSigningWaitMinimum must be at least 1 s");
        }
        if (certSigningRepeatTimes < 0 || certSigningRepeatTimes > 1000) {
            throw new IllegalArgumentException("CertSigningRepeatTimes must be 0..1000, was " + certSigningRepeatTimes);
        }
        return new CsrRetrySchedule(certSigningWaitMinimum, certSigningRepeatTimes);
    }

    /**
     * Records that a CSR was sent (the first or a resend).
     *
     * @param at when
     * @throws IllegalStateException when the schedule is done or gave up, or all resends are used
     */
    public synchronized void csrSent(Instant at) {
        Objects.requireNonNull(at, "at");
        if (state == State.DONE || state == State.GAVE_UP) {
            throw new IllegalStateException("The CSR schedule is " + state + "; call reset() to start again");
        }
        if (sends > repeatTimes) {
            throw new IllegalStateException("All " + repeatTimes + " resends are used");
        }
        sends++;
        lastSent = at;
        state = State.WAITING;
    }

    /** The signed certificate arrived: the schedule is done. */
    public synchronized void certificateReceived() {
        state = State.DONE;
    }

    /** The CSMS answered {@code Rejected}: do not retry. */
    public synchronized void csrRejected() {
        state = State.GAVE_UP;
    }

    /**
     * @param now the current time
     * @return what to do now
     */
    public synchronized Decision poll(Instant now) {
        Objects.requireNonNull(now, "now");
        switch (state) {
            case IDLE:
            case DONE:
                return new Decision(Action.NONE, Optional.empty());
            case GAVE_UP:
                return new Decision(Action.GIVE_UP, Optional.empty());
            default:
                break;
        }
        Instant due = lastSent.plus(waitMinimum);
        if (now.isBefore(due)) {
            return new Decision(Action.WAIT, Optional.of(due));
        }
        if (sends - 1 < repeatTimes) {
            return new Decision(Action.RESEND, Optional.empty());
        }
        state = State.GAVE_UP;
        return new Decision(Action.GIVE_UP, Optional.empty());
    }

    /** @return the current state */
    public synchronized State state() {
        return state;
    }

    /** @return how many CSRs were sent so far (first send included) */
    public synchronized int sends() {
        return sends;
    }

    /** Starts over (a new A02 trigger or A03 renewal). */
    public synchronized void reset() {
        state = State.IDLE;
        sends = 0;
        lastSent = null;
    }
}
