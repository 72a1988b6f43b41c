package io.fetchbox.naming;

import static io.fetchbox.naming.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.fetchbox.naming.NamePlanner.Plan;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Where one line goes in each layout, planned alone in a fresh batch. */
class NamePlannerLayoutTest {

    static Stream<Arguments> batchLayout() {
        return Stream.of(
                Arguments.of("https://example.com/files/a.txt", null, null, "images/a.txt"),
                Arguments.of("https://example.com/files/a.txt", null, "sub/deeper", "images/sub/deeper/a.txt"),
                Arguments.of("https://example.com/files/a.txt", null, "../../etc", "images/__/__/etc/a.txt"),
                Arguments.of("https://example.com/files/a.txt", null, "/abs", "images/abs/a.txt"),
                Arguments.of("https://example.com/files/a.txt", null, "C:\\x", "images/C_/x/a.txt"),
                Arguments.of("https://example.com/files/a.txt", "renamed.bin", null, "images/renamed.bin"),
                Arguments.of("https://example.com/files/a.txt", "../evil.sh", null, "images/_._evil.sh"),
                Arguments.of("https://example.com/files/a.txt", "sub/x.bin", null, "images/sub_x.bin"),
                Arguments.of("https://example.com/get.php?id=1", null, null, "images/get.php"),
                Arguments.of("https://example.com/docs/", null, null, "images/index.html"),
                Arguments.of("https://example.com", null, null, "images/index.html"),
                Arguments.of("https://example.com/a/%2e%2e%2f", null, null, "images/_._"),
                Arguments.of("https://example.com/a/..", null, null, "images/index.html"),
                Arguments.of("https://example.com/caf%C3%A9.txt", null, null, "images/café.txt"));
    }

    @ParameterizedTest(name = "{0} out={1} dir={2} -> {3}")
    @MethodSource("batchLayout")
    void batchWritesIntoTheBatchFolder(String url, String out, String dir, String expected) {
        assertThat(planAlone(Layout.BATCH, url, out, dir)).isEqualTo(expected);
    }

    static Stream<Arguments> flatLayout() {
        return Stream.of(
                Arguments.of("https://example.com/files/a.txt", null, null, "a.txt"),
                Arguments.of("https://example.com/files/a.txt", null, "sub", "sub/a.txt"),
                Arguments.of("https://example.com/files/a.txt", null, "..", "__/a.txt"),
                Arguments.of("https://example.com/files/a.txt", "b.bin", "sub", "sub/b.bin"),
                Arguments.of("https://example.com/", null, null, "index.html"));
    }

    @ParameterizedTest(name = "{0} out={1} dir={2} -> {3}")
    @MethodSource("flatLayout")
    void flatWritesIntoTheOutputFolder(String url, String out, String dir, String expected) {
        assertThat(planAlone(Layout.FLAT, url, out, dir)).isEqualTo(expected);
    }

    static Stream<Arguments> mirrorLayout() {
        return Stream.of(
                Arguments.of("https://Example.com/docs/a.txt", null, null, "example.com/docs/a.txt"),
                Arguments.of("http://example.com:8080/a.txt", null, null, "example.com+8080/a.txt"),
                Arguments.of("https://example.com:443/a.txt", null, null, "example.com/a.txt"),
                Arguments.of("https://example.com/search?q=x&p=/etc", null, null, "example.com/search"),
                Arguments.of("https://example.com/docs/", null, null, "example.com/docs/index.html"),
                Arguments.of("https://example.com/docs/?page=2", null, null, "example.com/docs/index.html"),
                Arguments.of("https://example.com", null, null, "example.com/index.html"),
                Arguments.of("https://example.com/docs/a.txt", "x.bin", null, "example.com/docs/x.bin"),
                Arguments.of("https://example.com/docs/a.txt", null, "ignored", "example.com/docs/a.txt"),
                Arguments.of("https://example.com/a%2Fb/c%20d.txt", null, null, "example.com/a_b/c d.txt"),
                Arguments.of("https://example.com/a/./b/../c.txt", null, null, "example.com/a/c.txt"),
                Arguments.of("https://example.com/a/%2e%2E/x.txt", null, null, "example.com/x.txt"),
                Arguments.of("https://example.com/../../x.txt", null, null, "example.com/x.txt"),
                Arguments.of("https://example.com/a/b/..", null, null, "example.com/a/index.html"),
                Arguments.of("https://example.com/a/%2e%2e%2fx.txt", null, null, "example.com/a/_._x.txt"),
                Arguments.of("https://example.com/a//b.txt", null, null, "example.com/a/b.txt"),
                Arguments.of("https://example.com/con/aux.txt", null, null, "example.com/con_/aux_.txt"),
                Arguments.of("http://[::1]:8080/a", null, null, "[__1]+8080/a"));
    }

    @ParameterizedTest(name = "{0} out={1} dir={2} -> {3}")
    @MethodSource("mirrorLayout")
    void mirrorWritesHostAndPathLikeWgetX(String url, String out, String dir, String expected) {
        assertThat(planAlone(Layout.MIRROR, url, out, dir)).isEqualTo(expected);
    }

    static Stream<Arguments> portsAsWritten() {
        return Stream.of(
                Arguments.of("https://example.com/a.txt", 443, "example.com/a.txt"),
                Arguments.of("http://example.com/a.txt", 80, "example.com/a.txt"),
                Arguments.of("http://example.com:443/a.txt", 443, "example.com+443/a.txt"),
                Arguments.of("https://example.com:8443/a.txt", 8443, "example.com+8443/a.txt"),
                Arguments.of("https://example.com/a.txt", -1, "example.com/a.txt"));
    }

    @ParameterizedTest(name = "{0} port {1} -> {2}")
    @MethodSource("portsAsWritten")
    void mirrorWritesOnlyANonDefaultPort(String urlKey, int port, String expected) {
        NameRequest line = new NameRequest(urlKey, "example.com", port, "/a.txt", null, null);
        assertThat(new NamePlanner(Layout.MIRROR, "images", TargetClaims.acceptAll())
                        .plan(line)
                        .file())
                .isEqualTo(expected);
    }

    private static String planAlone(Layout layout, String url, String out, String dir) {
        Plan plan = new NamePlanner(layout, "images", TargetClaims.acceptAll()).plan(request(url, out, dir));
        assertThat(plan.duplicate()).isFalse();
        return plan.file();
    }
}
