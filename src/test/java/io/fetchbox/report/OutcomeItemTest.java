package io.fetchbox.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutcomeItemTest {
    /** BatchRegistry.record has a branch for each (Java 17 checks no switch over a sealed type): a new one needs its own. */
    @Test
    void theOutcomeQueueCarriesExactlyThreeKinds() {
        assertThat(OutcomeItem.class.getPermittedSubclasses())
                .containsExactlyInAnyOrder(Outcome.class, PendingDuplicate.class, BatchFed.class);
    }
}
