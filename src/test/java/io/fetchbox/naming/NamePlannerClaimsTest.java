package io.fetchbox.naming;

import static io.fetchbox.naming.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What the world outside the batch (disk, other batches) says about a path. */
class NamePlannerClaimsTest {

    @Test
    void takesTheNextNumberWhenANameIsRefused() {
        RecordingClaims claims = new RecordingClaims().refuse("images/a.txt");
        NamePlanner planner = new NamePlanner(Layout.BATCH, "images", claims);
        assertThat(planner.plan(request("https://example.com/a.txt")).file()).isEqualTo("images/a.1.txt");
        assertThat(claims.asked).containsExactly("images/a.txt", "images/a.1.txt");
    }

    @Test
    void goesOnNumberingPastRefusedNumbers() {
        RecordingClaims claims = new RecordingClaims().refuse("a.txt", "a.1.txt", "a.2.txt");
        NamePlanner planner = new NamePlanner(Layout.FLAT, "images", claims);
        assertThat(planner.plan(request("https://example.com/a.txt")).file()).isEqualTo("a.3.txt");
        assertThat(planner.plan(request("https://other.example/a.txt")).file()).isEqualTo("a.4.txt");
    }

    @Test
    void neverAsksAgainForAPathItWasGiven() {
        RecordingClaims claims = new RecordingClaims();
        NamePlanner planner = new NamePlanner(Layout.FLAT, "images", claims);
        planner.plan(request("https://a.example/a.txt"));
        planner.plan(request("https://b.example/a.txt"));
        planner.plan(request("https://c.example/a.txt"));
        assertThat(claims.asked).containsExactly("a.txt", "a.1.txt", "a.2.txt");
    }

    @Test
    void givesAUrlBackTheFileItFetchedEarlier() {
        String earlier = "https://a.example/a.txt";
        RecordingClaims claims =
                new RecordingClaims().earlierFile("a.txt", request(earlier).urlKey());
        NamePlanner planner = new NamePlanner(Layout.FLAT, "images", claims);
        assertThat(planner.plan(request("https://b.example/a.txt")).file()).isEqualTo("a.1.txt");
        assertThat(planner.plan(request(earlier)).file()).isEqualTo("a.txt");
    }

    @Test
    void saysWhenItsEarlierFileWasChangedLocallyAndNumbersPastIt() {
        String url = "https://a.example/a.txt";
        RecordingClaims claims =
                new RecordingClaims().changedFile("images/a.txt", request(url).urlKey());
        NamePlanner planner = new NamePlanner(Layout.BATCH, "images", claims);

        NamePlanner.Plan plan = planner.plan(request(url));

        assertThat(plan).isEqualTo(new NamePlanner.Plan("images/a.1.txt", false, "images/a.txt"));
        assertThat(planner.plan(request("https://b.example/a.txt")).changedFile())
                .isNull();
    }

    @Test
    void aNameTakenDuringTheDownloadIsReplannedToTheNextFreeNumberForItsDuplicatesToo() {
        RecordingClaims claims = new RecordingClaims();
        NamePlanner planner = new NamePlanner(Layout.BATCH, "images", claims);
        String url = "https://a.example/a.txt";
        assertThat(planner.plan(request(url)).file()).isEqualTo("images/a.txt");
        assertThat(planner.plan(request("https://b.example/a.txt")).file()).isEqualTo("images/a.1.txt");
        claims.refuse("images/a.2.txt");

        assertThat(planner.replan(request(url), "images/a.txt")).isEqualTo("images/a.3.txt");

        assertThat(planner.plan(request(url))).isEqualTo(new NamePlanner.Plan("images/a.3.txt", true));
        assertThat(planner.plan(request("https://c.example/a.txt")).file()).isEqualTo("images/a.4.txt");
    }

    @Test
    void numbersAFolderThatCannotHoldFiles() {
        RecordingClaims claims = new RecordingClaims().refuseFolder("images");
        NamePlanner planner = new NamePlanner(Layout.BATCH, "images", claims);
        assertThat(planner.plan(request("https://example.com/a.txt")).file()).isEqualTo("images.1/a.txt");
        assertThat(planner.plan(request("https://example.com/b.txt")).file()).isEqualTo("images.1/b.txt");
    }

    @Test
    void makesTheBatchNameSafe() {
        NamePlanner planner = new NamePlanner(Layout.BATCH, "con", TargetClaims.acceptAll());
        assertThat(planner.plan(request("https://example.com/a.txt")).file()).isEqualTo("con_/a.txt");
    }

    @Test
    void givesUpWhenClaimsRefuseEverything() {
        NamePlanner planner = new NamePlanner(Layout.FLAT, "images", (path, url) -> false);
        assertThatThrownBy(() -> planner.plan(request("https://example.com/a.txt")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a.txt");
    }
}
