package io.fetchbox.naming;

import static io.fetchbox.naming.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two lines of one batch wanting the same name: the first keeps it, later ones are numbered. */
class NamePlannerNumberingTest {

    @Test
    void numbersCollidingNamesInListOrder() {
        assertThat(files(
                        Layout.BATCH,
                        "https://a.example/a.txt",
                        "https://b.example/a.txt",
                        "https://c.example/x/a.txt"))
                .containsExactly("images/a.txt", "images/a.1.txt", "images/a.2.txt");
    }

    @Test
    void numbersANameWithoutExtensionAtTheEnd() {
        assertThat(files(Layout.FLAT, "https://a.example/README", "https://b.example/README"))
                .containsExactly("README", "README.1");
    }

    @Test
    void numbersInsideADoubleExtension() {
        assertThat(files(Layout.FLAT, "https://a.example/a.tar.gz", "https://b.example/a.tar.gz"))
                .containsExactly("a.tar.gz", "a.1.tar.gz");
    }

    @Test
    void skipsANumberedNameAnEarlierLineAlreadyHas() {
        assertThat(files(
                        Layout.FLAT,
                        "https://a.example/a.txt",
                        "https://b.example/a.1.txt",
                        "https://c.example/a.txt",
                        "https://d.example/a.1.txt"))
                .containsExactly("a.txt", "a.1.txt", "a.2.txt", "a.1.1.txt");
    }

    @Test
    void treatsNamesThatDifferOnlyInCaseAsOne() {
        assertThat(files(Layout.FLAT, "https://a.example/Photo.JPG", "https://b.example/photo.jpg"))
                .containsExactly("Photo.JPG", "photo.1.jpg");
    }

    @Test
    void numbersAnOutNameThatCollidesWithAUrlName() {
        NamePlanner planner = new NamePlanner(Layout.FLAT, "images", TargetClaims.acceptAll());
        assertThat(planner.plan(request("https://a.example/a.txt")).file()).isEqualTo("a.txt");
        assertThat(planner.plan(request("https://b.example/b.txt", "a.txt", null))
                        .file())
                .isEqualTo("a.1.txt");
    }

    @Test
    void keepsTheSameNameInDifferentFolders() {
        NamePlanner planner = new NamePlanner(Layout.BATCH, "images", TargetClaims.acceptAll());
        assertThat(planner.plan(request("https://a.example/a.txt", null, "x")).file())
                .isEqualTo("images/x/a.txt");
        assertThat(planner.plan(request("https://b.example/a.txt", null, "y")).file())
                .isEqualTo("images/y/a.txt");
        assertThat(planner.plan(request("https://c.example/a.txt")).file()).isEqualTo("images/a.txt");
    }

    @Test
    void numbersAFolderWhenAFileOfTheBatchHasItsName() {
        assertThat(files(
                        Layout.MIRROR,
                        "https://example.com/docs",
                        "https://example.com/docs/intro",
                        "https://example.com/docs/more"))
                .containsExactly("example.com/docs", "example.com/docs.1/intro", "example.com/docs.1/more");
    }

    @Test
    void numbersAFileWhenAFolderOfTheBatchHasItsName() {
        assertThat(files(Layout.MIRROR, "https://example.com/docs/intro", "https://example.com/docs"))
                .containsExactly("example.com/docs/intro", "example.com/docs.1");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void staysLinearWhenManyLinesWantTheSameName() {
        NamePlanner planner = new NamePlanner(Layout.BATCH, "site", TargetClaims.acceptAll());
        String last = null;
        for (int i = 0; i < 20_000; i++) {
            last = planner.plan(request("https://example.com/page/" + i + "/")).file();
        }
        assertThat(last).isEqualTo("site/index.19999.html");
    }

    private static List<String> files(Layout layout, String... urls) {
        NamePlanner planner = new NamePlanner(layout, "images", TargetClaims.acceptAll());
        List<String> files = new ArrayList<>();
        for (String url : urls) {
            files.add(planner.plan(request(url)).file());
        }
        return files;
    }
}
