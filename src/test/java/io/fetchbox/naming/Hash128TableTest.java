package io.fetchbox.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Hash128TableTest {

    @Test
    void answersAbsentForAnUnknownKey() {
        assertThat(new Hash128Table().get(1, 2, -7)).isEqualTo(-7);
    }

    @Test
    void keepsEveryValueAcrossGrowth() {
        Hash128Table table = new Hash128Table();
        Random random = new Random(7);
        long[] highs = new long[50_000];
        long[] lows = new long[50_000];
        for (int i = 0; i < highs.length; i++) {
            highs[i] = random.nextLong();
            lows[i] = random.nextLong();
            table.put(highs[i], lows[i], i);
        }
        assertThat(table.size()).isEqualTo(50_000);
        for (int i = 0; i < highs.length; i++) {
            assertThat(table.get(highs[i], lows[i], -1)).isEqualTo(i);
        }
    }

    @Test
    void replacesTheValueOfAKnownKey() {
        Hash128Table table = new Hash128Table();
        table.put(5, 6, 1);
        table.put(5, 6, 2);
        assertThat(table.get(5, 6, -1)).isEqualTo(2);
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void keepsKeysThatShareTheLowBitsApart() {
        Hash128Table table = new Hash128Table();
        table.put(1, 1024, 10);
        table.put(2, 1024, 20);
        table.put(1, 2048, 30);
        assertThat(table.get(1, 1024, -1)).isEqualTo(10);
        assertThat(table.get(2, 1024, -1)).isEqualTo(20);
        assertThat(table.get(1, 2048, -1)).isEqualTo(30);
    }
}
