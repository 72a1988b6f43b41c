package io.fetchbox.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The batch a log line concerns, in the MDC for the scope of its log call only. */
class BatchFieldTest {

    @Test
    void theFieldLastsAsLongAsTheScope() {
        try (BatchField.Scope scope = BatchField.of("pics")) {
            assertThat(MDC.get("batch")).isEqualTo("pics");
        }
        assertThat(MDC.get("batch")).isNull();
    }

    @Test
    void anInnerScopePutsBackTheOuterBatch() {
        try (BatchField.Scope outer = BatchField.of("pics")) {
            try (BatchField.Scope inner = BatchField.of("docs")) {
                assertThat(MDC.get("batch")).isEqualTo("docs");
            }
            assertThat(MDC.get("batch")).isEqualTo("pics");
        }
        assertThat(MDC.get("batch")).isNull();
    }
}
