package io.ocppsec.api.requirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequirementIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"A00.FR.509", "A02.FR.16", "A05.FR.07", "A00.FR.001", "M04.FR.12"})
    void acceptsWellFormedIds(String id) {
        assertThat(RequirementId.of(id).value()).isEqualTo(id);
        assertThat(RequirementId.of(id)).hasToString(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "A00", "A00.FR.", "A00.FR.5", "A00.FR.5090", "a00.FR.509", "A0.FR.509",
        "A00.fr.509", "A00-FR-509", " A00.FR.509", "A00.FR.509 ", "A00.FR.50x", "A00..FR.509", "A00.FR.509\n"})
    void rejectsMalformedIds(String id) {
        assertThatIllegalArgumentException().isThrownBy(() -> RequirementId.of(id))
                .withMessageContaining("Malformed requirement ID");
    }

    @Test
    void rejectsNullAndAbbreviatesHugeInput() {
        assertThatNullPointerException().isThrownBy(() -> RequirementId.of(null));
        String huge = "X".repeat(100_000);
        assertThatIllegalArgumentException().isThrownBy(() -> RequirementId.of(huge))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
        assertThatIllegalArgumentException().isThrownBy(() -> RequirementId.of("A\u0000\u0007"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u0000"));
    }

    @Test
    void sortsNumericallyWithinAUseCase() {
        List<RequirementId> ids = new ArrayList<>(List.of(RequirementId.of("A02.FR.16"),
                RequirementId.of("A00.FR.509"), RequirementId.of("A02.FR.02"), RequirementId.of("A00.FR.001")));
        Collections.sort(ids);
        assertThat(ids).extracting(RequirementId::value)
                .containsExactly("A00.FR.001", "A00.FR.509", "A02.FR.02", "A02.FR.16");
        assertThat(RequirementId.of("A03.FR.01").useCase()).isEqualTo("A03");
    }
}
