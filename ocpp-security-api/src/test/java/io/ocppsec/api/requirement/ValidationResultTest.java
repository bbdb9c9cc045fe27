package io.ocppsec.api.requirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ValidationResultTest {

    private static final Violation WEAK = Violation.of("A00.FR.502", RequirementLevel.SHALL,
            "RSA key of 1024 bits", "at least 2048 bits").atChainIndex(0);
    private static final Violation EKU = Violation.of("A00.FR.514", RequirementLevel.RECOMMENDED,
            "extendedKeyUsage present", "no extendedKeyUsage");

    @Test
    void compliantResult() throws Exception {
        ValidationResult r = ValidationResult.compliant();
        assertThat(r.isCompliant()).isTrue();
        assertThat(r.isClean()).isTrue();
        assertThat(r.orThrow()).isSameAs(r);
        assertThat(r.describe()).isEqualTo("compliant");
    }

    @Test
    void advisoryViolationsDoNotBreakCompliance() throws Exception {
        ValidationResult r = ValidationResult.of(EKU);
        assertThat(r.isCompliant()).isTrue();
        assertThat(r.isClean()).isFalse();
        assertThat(r.advisory()).containsExactly(EKU);
        assertThat(r.blocking()).isEmpty();
        r.orThrow();
    }

    @Test
    void blockingViolationBreaksComplianceAndThrowsWithTheWholeResult() {
        ValidationResult r = ValidationResult.of(EKU, WEAK);
        assertThat(r.isCompliant()).isFalse();
        assertThat(r.violates("A00.FR.502")).isTrue();
        assertThat(r.violates(RequirementId.of("A00.FR.503"))).isFalse();
        assertThatThrownBy(r::orThrow)
                .isInstanceOf(GeneralSecurityException.class)
                .isInstanceOf(RequirementViolationException.class)
                .hasMessageContaining("A00.FR.502").hasMessageContaining("certificate #0")
                .satisfies(e -> assertThat(((RequirementViolationException) e).result()).isEqualTo(r));
    }

    @Test
    void exceptionMessageCountsFurtherViolations() {
        RequirementViolationException e = new RequirementViolationException(ValidationResult.of(WEAK, WEAK, WEAK));
        assertThat(e.getMessage()).endsWith("(and 2 more)");
    }

    @Test
    void resultsAreImmutableCopies() {
        List<Violation> list = new ArrayList<>(List.of(WEAK));
        ValidationResult r = ValidationResult.of(list);
        list.add(EKU);
        assertThat(r.violations()).containsExactly(WEAK);
        assertThatThrownBy(() -> r.violations().add(EKU)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void combinesAndBuilds() {
        ValidationResult a = ValidationResult.of(WEAK);
        ValidationResult b = ValidationResult.of(EKU);
        assertThat(a.and(b).violations()).containsExactly(WEAK, EKU);
        assertThat(a.and(ValidationResult.compliant())).isSameAs(a);
        assertThat(ValidationResult.compliant().and(b)).isSameAs(b);
        ValidationResult.Builder builder = ValidationResult.builder();
        assertThat(builder.isEmpty()).isTrue();
        ValidationResult built = builder.addAll(a).add("A00.FR.514", RequirementLevel.RECOMMENDED, "x", "y").build();
        assertThat(built.violations()).hasSize(2);
        assertThat(built.describe()).contains("A00.FR.502").contains("\n").contains("A00.FR.514");
        assertThat(built).isEqualTo(ValidationResult.of(built.violations())).hasSameHashCodeAs(
                ValidationResult.of(built.violations()));
    }

    @Test
    void rejectsNulls() {
        assertThatNullPointerException().isThrownBy(() -> ValidationResult.of((List<Violation>) null));
        assertThatNullPointerException().isThrownBy(() -> ValidationResult.of(WEAK, null));
        assertThatNullPointerException().isThrownBy(() -> ValidationResult.builder().add(null));
        assertThatNullPointerException().isThrownBy(() -> ValidationResult.compliant().and(null));
        assertThatNullPointerException().isThrownBy(() -> new RequirementViolationException(null));
        assertThatNullPointerException().isThrownBy(() -> ValidationResult.compliant().violates((RequirementId) null));
    }

    @Test
    void violationValidatesItsFields() {
        assertThatNullPointerException().isThrownBy(() -> Violation.of((RequirementId) null, RequirementLevel.SHALL, "a", "b"));
        assertThatNullPointerException().isThrownBy(() -> Violation.of("A00.FR.502", null, "a", "b"));
        assertThatNullPointerException().isThrownBy(() -> Violation.of("A00.FR.502", RequirementLevel.SHALL, null, "b"));
        assertThatNullPointerException().isThrownBy(() -> Violation.of("A00.FR.502", RequirementLevel.SHALL, "a", null));
        assertThatIllegalArgumentException().isThrownBy(() -> Violation.of("A00.FR.502", RequirementLevel.SHALL, " ", "b"));
        assertThatIllegalArgumentException().isThrownBy(() -> Violation.of("A00.FR.502", RequirementLevel.SHALL, "a", ""));
        assertThatIllegalArgumentException().isThrownBy(() -> Violation.of("bogus", RequirementLevel.SHALL, "a", "b"));
        assertThatIllegalArgumentException().isThrownBy(() -> WEAK.atChainIndex(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Violation(RequirementId.of("A00.FR.502"),
                RequirementLevel.SHALL, "a", "b", OptionalInt.of(-5)));
    }

    @Test
    void violationClipsHugeTextsAndFormatsOneLine() {
        Violation v = Violation.of("A00.FR.509", RequirementLevel.SHALL, "x".repeat(100_000), "an O RDN");
        assertThat(v.found()).hasSize(Violation.MAX_TEXT_LENGTH + 3);
        assertThat(WEAK.message()).isEqualTo(
                "A00.FR.502 SHALL [certificate #0]: found RSA key of 1024 bits; expected at least 2048 bits");
        assertThat(EKU.toString()).isEqualTo(EKU.message());
        assertThat(WEAK.isBlocking()).isTrue();
        assertThat(EKU.isBlocking()).isFalse();
    }
}
