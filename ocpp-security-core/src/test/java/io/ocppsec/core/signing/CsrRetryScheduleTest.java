package io.ocppsec.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.core.signing.CsrRetrySchedule.Action;
import io.ocppsec.core.signing.CsrRetrySchedule.State;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** CertSigningWaitMinimum / CertSigningRepeatTimes, clock-driven. */
class CsrRetryScheduleTest {

    private static final Instant T = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void resendsAfterTheWaitMinimumUpToRepeatTimesThenGivesUp() {
        CsrRetrySchedule s = CsrRetrySchedule.of(Duration.ofSeconds(30), 2);
        assertThat(s.poll(T).action()).isEqualTo(Action.NONE);
        s.csrSent(T);
        assertThat(s.poll(T.plusSeconds(29)).action()).isEqualTo(Action.WAIT);
        assertThat(s.poll(T.plusSeconds(29)).at()).contains(T.plusSeconds(30));
        assertThat(s.poll(T.plusSeconds(30)).action()).isEqualTo(Action.RESEND);
        s.csrSent(T.plusSeconds(31));
        assertThat(s.poll(T.plusSeconds(60)).action()).isEqualTo(Action.WAIT);
        assertThat(s.poll(T.plusSeconds(61)).action()).isEqualTo(Action.RESEND);
        s.csrSent(T.plusSeconds(61));
        assertThat(s.sends()).isEqualTo(3);
        assertThat(s.poll(T.plusSeconds(90)).action()).isEqualTo(Action.WAIT);
        assertThat(s.poll(T.plusSeconds(91)).action()).isEqualTo(Action.GIVE_UP);
        assertThat(s.state()).isEqualTo(State.GAVE_UP);
        assertThat(s.poll(T.plusSeconds(9999)).action()).isEqualTo(Action.GIVE_UP);
        assertThatThrownBy(() -> s.csrSent(T.plusSeconds(100))).isInstanceOf(IllegalStateException.class);
        s.reset();
        assertThat(s.state()).isEqualTo(State.IDLE);
        assertThat(s.sends()).isZero();
    }

    @Test
    void zeroRepeatTimesMeansNoResend() {
        CsrRetrySchedule s = CsrRetrySchedule.of(Duration.ofSeconds(10), 0);
        s.csrSent(T);
        assertThat(s.poll(T.plusSeconds(10)).action()).isEqualTo(Action.GIVE_UP);
    }

    @Test
    void certificateArrivalEndsTheSchedule() {
        CsrRetrySchedule s = CsrRetrySchedule.of(Duration.ofSeconds(10), 3);
        s.csrSent(T);
        s.certificateReceived();
        assertThat(s.state()).isEqualTo(State.DONE);
        assertThat(s.poll(T.plusSeconds(100)).action()).isEqualTo(Action.NONE);
        assertThatThrownBy(() -> s.csrSent(T)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectionGivesUpAtOnce() {
        CsrRetrySchedule s = CsrRetrySchedule.of(Duration.ofSeconds(10), 3);
        s.csrSent(T);
        s.csrRejected();
        assertThat(s.poll(T).action()).isEqualTo(Action.GIVE_UP);
    }

    @Test
    void resendingMoreThanAllowedIsRefused() {
        CsrRetrySchedule s = CsrRetrySchedule.of(Duration.ofSeconds(10), 1);
        s.csrSent(T);
        s.csrSent(T.plusSeconds(10));
        assertThatThrownBy(() -> s.csrSent(T.plusSeconds(20))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThatThrownBy(() -> CsrRetrySchedule.of(Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsrRetrySchedule.of(Duration.ofSeconds(-5), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsrRetrySchedule.of(Duration.ofSeconds(5), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsrRetrySchedule.of(Duration.ofSeconds(5), 1001)).isInstanceOf(IllegalArgumentException.class);
    }
}
