package io.fetchbox.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeNameBatchNameTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "images.txt         | images",
                "my.list.txt        | my.list",
                "noext              | noext",
                "web.csv            | web",
                "archive.tar.gz     | archive.tar",
                "urls.jsonl         | urls",
                "a.                 | a",
                "inbox/images.txt   | images",
                "con.txt            | con_",
                "-x.txt             | _x",
                "a:b.txt            | a_b",
            })
    void isTheFileNameWithoutItsLastExtensionMadeSafe(String listFileName, String expected) {
        assertThat(SafeName.batchName(listFileName)).isEqualTo(expected);
    }
}
