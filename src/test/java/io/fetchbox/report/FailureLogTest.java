package io.fetchbox.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FailureLogTest {
    @Test
    void twentyLinesPerBatchAndErrorCodeThenACount() {
        FailureLog log = new FailureLog();

        long admitted404 = IntStream.range(0, 30)
                .filter(i -> log.admits("pics", "http_404"))
                .count();
        long admittedTimeouts =
                IntStream.range(0, 5).filter(i -> log.admits("pics", "timeout")).count();
        long admittedOther = IntStream.range(0, 25)
                .filter(i -> log.admits("docs", "http_404"))
                .count();

        assertThat(admitted404).isEqualTo(20);
        assertThat(admittedTimeouts).isEqualTo(5);
        assertThat(admittedOther).isEqualTo(20);
        assertThat(log.unlogged("pics")).isEqualTo(10);
        assertThat(log.unlogged("docs")).isEqualTo(5);
    }

    @Test
    void aNewRunOfTheSameBatchStartsAfresh() {
        FailureLog log = new FailureLog();
        IntStream.range(0, 25).forEach(i -> log.admits("pics", "http_404"));

        log.forget("pics");

        assertThat(log.unlogged("pics")).isZero();
        assertThat(log.admits("pics", "http_404")).isTrue();
        assertThat(log.admits("pics2", "http_404")).isTrue();
    }
}
