package io.fetchbox.naming;

import static io.fetchbox.naming.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.fetchbox.naming.NamePlanner.Plan;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The same URL twice in one batch: fetched once unless out or dir make it another target. */
class NamePlannerDuplicateTest {

    private static final String URL = "https://example.com/files/a.txt";

    static Stream<Arguments> sameTarget() {
        return Stream.of(
                Arguments.of(request(URL), request(URL)),
                Arguments.of(request(URL), request("HTTPS://Example.COM:443/files/a.txt#part")),
                Arguments.of(request(URL, "b.bin", null), request(URL, "b.bin", null)),
                Arguments.of(request(URL, null, "sub"), request(URL, null, "sub")),
                Arguments.of(request(URL, null, "sub"), request(URL, null, "./sub/")),
                Arguments.of(request(URL, null, ""), request(URL)),
                // an out equal to the name the URL gives anyway asks for the same file
                Arguments.of(request(URL), request(URL, "a.txt", null)));
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("sameTarget")
    void pointsALaterLineToTheFirstOnesFile(NameRequest first, NameRequest later) {
        NamePlanner planner = new NamePlanner(Layout.BATCH, "images", TargetClaims.acceptAll());
        Plan firstPlan = planner.plan(first);
        assertThat(planner.plan(later)).isEqualTo(new Plan(firstPlan.file(), true));
    }

    static Stream<Arguments> otherTarget() {
        return Stream.of(
                Arguments.of(request(URL), request(URL, "b.bin", null), "images/b.bin"),
                Arguments.of(request(URL), request(URL, null, "sub"), "images/sub/a.txt"),
                Arguments.of(request(URL, "b.bin", null), request(URL, "c.bin", null), "images/c.bin"),
                Arguments.of(request(URL, null, "x"), request(URL, null, "y"), "images/y/a.txt"),
                Arguments.of(request(URL, "b.bin", null), request(URL), "images/a.txt"),
                Arguments.of(request(URL), request(URL + "?v=2"), "images/a.1.txt"));
    }

    @ParameterizedTest(name = "{index} -> {2}")
    @MethodSource("otherTarget")
    void fetchesAgainForADifferentOutOrDir(NameRequest first, NameRequest later, String expected) {
        NamePlanner planner = new NamePlanner(Layout.BATCH, "images", TargetClaims.acceptAll());
        planner.plan(first);
        assertThat(planner.plan(later)).isEqualTo(new Plan(expected, false));
    }

    @Test
    void pointsToTheFirstOnesNumberedFile() {
        NamePlanner planner = new NamePlanner(Layout.FLAT, "images", TargetClaims.acceptAll());
        planner.plan(request("https://other.example/a.txt"));
        assertThat(planner.plan(request(URL)).file()).isEqualTo("a.1.txt");
        assertThat(planner.plan(request(URL))).isEqualTo(new Plan("a.1.txt", true));
    }

    @Test
    void pointsToTheFirstOnesFileInANumberedFolder() {
        NamePlanner planner = new NamePlanner(Layout.MIRROR, "images", TargetClaims.acceptAll());
        planner.plan(request("https://example.com/docs"));
        planner.plan(request("https://example.com/docs/intro"));
        assertThat(planner.plan(request("https://example.com/docs/intro")))
                .isEqualTo(new Plan("example.com/docs.1/intro", true));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Layout.class)
    void recognisesAPathWrittenWithDotSegments(Layout layout) {
        NamePlanner planner = new NamePlanner(layout, "images", TargetClaims.acceptAll());
        String key = "https://example.com/a/b.txt";
        Plan first = planner.plan(new NameRequest(key, "example.com", -1, "/a/b.txt", null, null));
        Plan later = planner.plan(new NameRequest(key, "example.com", -1, "/a/./x/%2E%2E/b.txt", null, null));
        assertThat(later).isEqualTo(new Plan(first.file(), true));
    }

    @Test
    void ignoresDirInMirrorLayout() {
        NamePlanner planner = new NamePlanner(Layout.MIRROR, "images", TargetClaims.acceptAll());
        planner.plan(request(URL, null, "x"));
        assertThat(planner.plan(request(URL, null, "y"))).isEqualTo(new Plan("example.com/files/a.txt", true));
    }

    @Test
    void claimsNothingForADuplicate() {
        RecordingClaims claims = new RecordingClaims();
        NamePlanner planner = new NamePlanner(Layout.BATCH, "images", claims);
        planner.plan(request(URL));
        planner.plan(request(URL));
        assertThat(claims.asked).containsExactly("images/a.txt");
    }

    @Test
    void tellsTheFileOfATarget() {
        NamePlanner planner = new NamePlanner(Layout.BATCH, "images", TargetClaims.acceptAll());
        assertThat(planner.fileFor(request(URL))).isNull();
        planner.plan(request(URL));
        assertThat(planner.fileFor(request(URL))).isEqualTo("images/a.txt");
    }
}
