package io.fetchbox.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeNameOfTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "a.txt              | a.txt",
                "photo 1.JPG        | photo 1.JPG",
                "''                 | _",
                ".                  | _",
                "..                 | __",
                "...                | ___",
                ".hidden            | _hidden",
                ".tar.gz            | _tar.gz",
                "-rf                | _rf",
                "--x                | _-x",
                "a/b                | a_b",
                "a\\b               | a_b",
                "../../etc/passwd   | _._.._etc_passwd",
                "..\\..\\boot.ini   | _._.._boot.ini",
                "name.              | name_",
                "'name '            | name_",
                "'name. .'          | name___",
                "'a . b'            | a . b",
            })
    void makesOneSegmentSafe(String raw, String expected) {
        assertThat(SafeName.of(raw)).isEqualTo(expected);
        assertThat(SafeName.of(expected)).isEqualTo(expected);
    }

    @Test
    void nullIsAnUnderscore() {
        assertThat(SafeName.of(null)).isEqualTo("_");
    }

    static Stream<Arguments> controlCharacters() {
        return Stream.of(
                Arguments.of("a\u0000b", "a_b"),
                Arguments.of("\u0000", "_"),
                Arguments.of("a\nb\r.txt", "a_b_.txt"),
                Arguments.of("tab\there", "tab_here"),
                Arguments.of("bell\u0007", "bell_"),
                Arguments.of("esc\u001b[31m", "esc_[31m"),
                Arguments.of("del\u007f", "del_"),
                Arguments.of("c1\u0085\u009f", "c1__"));
    }

    @ParameterizedTest(name = "{index}: -> {1}")
    @MethodSource("controlCharacters")
    void replacesControlCharactersAndNul(String raw, String expected) {
        assertThat(SafeName.of(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a<b", "a>b", "a:b", "a\"b", "a|b", "a?b", "a*b", "a/b", "a\\b"})
    void replacesEveryWindowsReservedCharacter(String raw) {
        assertThat(SafeName.of(raw)).isEqualTo("a_b");
    }

    static Stream<String> deviceNames() {
        Stream<String> plain = Stream.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$");
        Stream<String> ports = Stream.of("COM", "LPT").flatMap(port -> Stream.of(
                        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "\u00b9", "\u00b2", "\u00b3")
                .map(digit -> port + digit));
        return Stream.concat(plain, ports);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deviceNames")
    void guardsEveryWindowsDeviceNameInAnyCaseAndWithAnyExtension(String device) {
        String lower = device.toLowerCase(Locale.ROOT);
        assertThat(SafeName.of(device)).isEqualTo(device + "_");
        assertThat(SafeName.of(lower)).isEqualTo(lower + "_");
        assertThat(SafeName.of(device + ".txt")).isEqualTo(device + "_.txt");
        assertThat(SafeName.of(lower + ".tar.gz")).isEqualTo(lower + "_.tar.gz");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "con.txt      | con_.txt",
                "LPT1         | LPT1_",
                "'CON .txt'   | 'CON _.txt'",
                "'nul  '      | 'nul  _'",
                "CON.         | CON__",
                "Aux.d.e      | Aux_.d.e",
                "CON:         | CON_",
                "CONSOLE      | CONSOLE",
                "COM10        | COM10",
                "xcon         | xcon",
                "a.con        | a.con",
                "con_.txt     | con_.txt",
            })
    void comparesDeviceNamesOnThePartBeforeTheFirstDot(String raw, String expected) {
        assertThat(SafeName.of(raw)).isEqualTo(expected);
        assertThat(SafeName.of(expected)).isEqualTo(expected);
    }

    static Stream<Arguments> surrogates() {
        return Stream.of(
                Arguments.of("a\ud800b", "a_b"),
                Arguments.of("\udc00", "_"),
                Arguments.of("end\ud83d", "end_"),
                Arguments.of("\ud83d\ude00.png", "\ud83d\ude00.png"));
    }

    @ParameterizedTest(name = "{index}: -> {1}")
    @MethodSource("surrogates")
    void replacesUnpairedSurrogatesAndKeepsPairs(String raw, String expected) {
        assertThat(SafeName.of(raw)).isEqualTo(expected);
    }

    static Stream<Arguments> longNames() {
        return Stream.of(
                // 1,000 bytes: the stem is cut, the extension kept
                Arguments.of("a".repeat(996) + ".txt", "a".repeat(196) + ".txt"),
                Arguments.of("a".repeat(996) + ".tar.gz", "a".repeat(193) + ".tar.gz"),
                Arguments.of("b".repeat(1000), "b".repeat(200)),
                // 2-, 3- and 4-byte characters are cut between code points, never inside one
                Arguments.of("\u00e9".repeat(500) + ".txt", "\u00e9".repeat(98) + ".txt"),
                Arguments.of("\u65e5".repeat(100) + ".txt", "\u65e5".repeat(65) + ".txt"),
                Arguments.of("\ud83d\ude00".repeat(60) + ".txt", "\ud83d\ude00".repeat(49) + ".txt"),
                Arguments.of("x" + "\u00e9".repeat(150), "x" + "\u00e9".repeat(99)),
                // an "extension" over 20 bytes is not worth the stem: plain cut
                Arguments.of("a".repeat(300) + "." + "b".repeat(30), "a".repeat(200)),
                // a cut that ends in a dot or space still obeys the trailing rule
                Arguments.of("a".repeat(199) + ". tail" + "c".repeat(100), "a".repeat(199) + "_"),
                Arguments.of("a".repeat(200), "a".repeat(200)));
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("longNames")
    void keepsAtMost200BytesOfUtf8WithTheExtension(String raw, String expected) {
        String safe = SafeName.of(raw);
        assertThat(safe).isEqualTo(expected);
        assertThat(safe.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(200);
        assertThat(SafeName.of(safe)).isEqualTo(safe);
    }

    @Test
    void guardsADeviceNameEvenWhenTheGuardPushesPastTheLimit() {
        String raw = "con." + "x".repeat(192) + ".txt"; // exactly 200 bytes before the guard
        String safe = SafeName.of(raw);
        assertThat(safe).isEqualTo("con_." + "x".repeat(191) + ".txt");
        assertThat(safe.getBytes(StandardCharsets.UTF_8)).hasSize(200);
    }

    static Stream<Arguments> invisibleCharacters() {
        return Stream.of(
                // bidi controls: gnp<RLO>exe.txt is shown as gnptxt.exe
                Arguments.of("gnp\u202eexe.txt", "gnp_exe.txt"),
                Arguments.of("a\u202ab\u202bc\u202cd\u202de", "a_b_c_d_e"),
                Arguments.of("\u2066x\u2067y\u2068z\u2069.txt", "_x_y_z_.txt"),
                Arguments.of("a\u200eb\u200f", "a_b_"),
                Arguments.of("arabic\u061cmark", "arabic_mark"),
                // zero-width characters, the word joiner, a BOM inside a name, the soft hyphen
                Arguments.of("zero\u200bwidth", "zero_width"),
                Arguments.of("z\u200cn\u200dj", "z_n_j"),
                Arguments.of("word\u2060joiner", "word_joiner"),
                Arguments.of("\ufeffbom.txt", "_bom.txt"),
                Arguments.of("a\ufeffb", "a_b"),
                Arguments.of("soft\u00adhyphen", "soft_hyphen"),
                Arguments.of("mongolian\u180e", "mongolian_"),
                Arguments.of("interlinear\ufff9", "interlinear_"),
                Arguments.of("tag\udb40\udc41", "tag_"), // U+E0041, a tag character (Cf)
                // line and paragraph separators, blank default-ignorable letters
                Arguments.of("line\u2028para\u2029", "line_para_"),
                Arguments.of("hangul\u3164filler", "hangul_filler"),
                Arguments.of("\u115f\u1160", "__"),
                Arguments.of("half\uffa0width", "half_width"),
                Arguments.of("cgj\u034f", "cgj_"),
                // visible characters stay: accents, CJK, emoji with their variation selector, NBSP
                Arguments.of("caf\u00e9 \u65e5\u672c.txt", "caf\u00e9 \u65e5\u672c.txt"),
                Arguments.of("\u2764\ufe0f.png", "\u2764\ufe0f.png"),
                Arguments.of("a\u00a0b", "a\u00a0b"));
    }

    @ParameterizedTest(name = "{index}: -> {1}")
    @MethodSource("invisibleCharacters")
    void replacesFormatAndInvisibleCharactersLikeControlCharacters(String raw, String expected) {
        assertThat(SafeName.of(raw)).isEqualTo(expected);
        assertThat(SafeName.of(expected)).isEqualTo(expected);
    }

    static Stream<Arguments> invisibleNextToDeviceNames() {
        return Stream.of(
                Arguments.of("con\u200b.txt", "con_.txt"),
                Arguments.of("con\u200b", "con_"),
                Arguments.of("\u200bcon.txt", "_con.txt"),
                Arguments.of("c\u200bon.txt", "c_on.txt"),
                Arguments.of("nul\u202e.txt", "nul_.txt"),
                Arguments.of("CON\ufeff", "CON_"),
                Arguments.of("\ufeffAUX", "_AUX"),
                Arguments.of("lpt1\u00ad.log", "lpt1_.log"),
                Arguments.of("com1\u2060\u2060.txt", "com1__.txt"));
    }

    /** Replaced, never dropped: dropping U+200B from "con" U+200B ".txt" would leave the device name con.txt. */
    @ParameterizedTest(name = "{index}: -> {1}")
    @MethodSource("invisibleNextToDeviceNames")
    void anInvisibleCharacterNextToADeviceNameNeverLeavesTheDeviceName(String raw, String expected) {
        assertThat(SafeName.of(raw)).isEqualTo(expected);
        assertThat(SafeName.of(expected)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"2044", "2215", "2216", "2571", "2572", "29F5", "29F8", "29F9", "FE68", "FF0F", "FF3C"})
    void replacesCharactersDrawnLikeAPathSeparator(String hex) {
        String lookalike = Character.toString(Integer.parseInt(hex, 16));
        assertThat(SafeName.of("a" + lookalike + "b.txt")).isEqualTo("a_b.txt");
        assertThat(SafeName.of(".." + lookalike + ".." + lookalike + "x")).isEqualTo("_._.._x");
    }
}
