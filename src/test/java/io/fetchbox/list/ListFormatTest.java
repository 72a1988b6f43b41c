package io.fetchbox.list;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListFormatTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            images.csv,       CSV
            IMAGES.CSV,       CSV
            a.jsonl,          JSON_LINES
            a.ndjson,         JSON_LINES
            a.NDJSON,         JSON_LINES
            a.txt,            TEXT
            a.list,           TEXT
            a.urls,           TEXT
            a.dat,            TEXT
            my.list.txt,      TEXT
            a.csv.txt,        TEXT
            noextension,      TEXT
            csv,              TEXT
            """)
    void chosenByExtension(String fileName, ListFormat expected) {
        assertThat(ListFormat.of(fileName)).isEqualTo(expected);
    }
}
