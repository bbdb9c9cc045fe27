package io.ocppsec.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.requirement.Violation;
import org.junit.jupiter.api.Test;

class StationCertificateRefusedExceptionTest {

    @Test
    void carriesTheViolationsAndNamesTheFirstInItsMessage() {
        ValidationResult r = ValidationResult.of(Violation.of("A00.FR.405", RequirementLevel.SHALL,
                "2 commonName values", "exactly one commonName"));
        StationCertificateRefusedException e = new StationCertificateRefusedException(r);
        assertThat(e.result()).isSameAs(r);
        assertThat(e.getMessage()).contains("A00.FR.405", "2 commonName values");
    }

    @Test
    void aCompliantResultRefusesNothing() {
        assertThatThrownBy(() -> new StationCertificateRefusedException(ValidationResult.compliant()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StationCertificateRefusedException(null))
                .isInstanceOf(NullPointerException.class);
    }
}
