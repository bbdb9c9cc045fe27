package io.ocppsec.api.requirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RequirementLevelTest {

    @ParameterizedTest
    @EnumSource(RequirementLevel.class)
    void parsesItsOwnKeyword(RequirementLevel level) {
        assertThat(RequirementLevel.parse(level.keyword())).isSameAs(level);
        assertThat(RequirementLevel.parse(level.name())).isSameAs(level);
    }

    @ParameterizedTest
    @CsvSource({"MUST,SHALL", "must not,SHALL_NOT", "should,SHOULD", "OPTIONAL,MAY", "' SHALL ',SHALL"})
    void parsesSynonyms(String keyword, RequirementLevel expected) {
        assertThat(RequirementLevel.parse(keyword)).isSameAs(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "SHAL", "WILL", "SHALL MAYBE", "NOT"})
    void rejectsUnknownKeywords(String keyword) {
        assertThatIllegalArgumentException().isThrownBy(() -> RequirementLevel.parse(keyword));
    }

    @Test
    void onlyShallAndShallNotAreMandatory() {
        assertThat(RequirementLevel.SHALL.isMandatory()).isTrue();
        assertThat(RequirementLevel.SHALL_NOT.isMandatory()).isTrue();
        assertThat(RequirementLevel.SHOULD.isMandatory()).isFalse();
        assertThat(RequirementLevel.SHOULD_NOT.isMandatory()).isFalse();
        assertThat(RequirementLevel.RECOMMENDED.isMandatory()).isFalse();
        assertThat(RequirementLevel.MAY.isMandatory()).isFalse();
        assertThatNullPointerException().isThrownBy(() -> RequirementLevel.parse(null));
        assertThatIllegalArgumentException().isThrownBy(() -> RequirementLevel.parse("X".repeat(10_000)))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(150));
    }
}
