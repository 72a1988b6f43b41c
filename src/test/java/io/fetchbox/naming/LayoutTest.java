package io.fetchbox.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class LayoutTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"batch, BATCH", "flat, FLAT", "mirror, MIRROR", "' Flat ', FLAT"})
    void parsesTheConfigurationValues(String value, Layout expected) {
        assertThat(Layout.parse(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void writesTheValueItParses(Layout layout) {
        assertThat(Layout.parse(layout.value())).isEqualTo(layout);
    }

    @Test
    void refusesOtherValuesNamingTheAcceptedOnes() {
        assertThatThrownBy(() -> Layout.parse("weird"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("weird", "batch", "flat", "mirror");
        assertThatThrownBy(() -> Layout.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
