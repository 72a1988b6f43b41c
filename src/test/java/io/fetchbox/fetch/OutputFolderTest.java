package io.fetchbox.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every step fetchbox takes in the output folder, against links and files it did not write. */
class OutputFolderTest {
    @TempDir
    Path dir;

    Path outside;
    OutputFolder output;

    @BeforeEach
    void folders() throws IOException {
        outside = Files.createDirectories(dir.resolve("outside"));
        output = new OutputFolder(dir.resolve("output"));
    }

    @Test
    void aTemporaryFileIsCreatedNewBesideItsTarget() throws Exception {
        String temp = output.createTemporary("b/sub/x1");

        assertThat(temp).startsWith("b/sub/.x1.").endsWith(".fetchbox-part");
        assertThat(output.resolve(temp)).isEmptyFile();
        assertThat(Files.isSymbolicLink(output.resolve(temp))).isFalse();
    }

    @Test
    void aFolderThatIsALinkIsUnsafeWhetherItIsCheckedOrCreated() throws IOException {
        Files.createDirectories(output.resolve("b"));
        Files.createSymbolicLink(output.resolve("b/evil"), outside);

        assertThatThrownBy(() -> output.checkFolders("b/evil/x1"))
                .isInstanceOfSatisfying(
                        FetchFailure.class, f -> assertThat(f.code()).isEqualTo("unsafe_path"))
                .hasMessageContaining("b/evil is a symbolic link");
        assertThatThrownBy(() -> output.createTemporary("b/evil/deeper/x1")).isInstanceOf(FetchFailure.class);
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void aFileWhereAFolderShouldBeIsUnsafe() throws IOException {
        Files.writeString(output.resolve("b"), "a person's file");

        assertThatThrownBy(() -> output.checkFolders("b/x1"))
                .isInstanceOf(FetchFailure.class)
                .hasMessageContaining("b is not a folder");
    }

    @Test
    void foldersNotYetThereAreFine() throws Exception {
        output.checkFolders("new/deeper/x1");

        output.createFolders("new/deeper/x1");

        assertThat(output.resolve("new/deeper")).isDirectory();
    }

    @Test
    void publishingNeverReplacesAFileALinkOrADanglingLink() throws Exception {
        Path victim = Files.writeString(outside.resolve("victim"), "victim");
        Files.createDirectories(output.resolve("b"));
        Files.writeString(output.resolve("b/file"), "a person's file");
        Files.createSymbolicLink(output.resolve("b/link"), victim);
        Files.createSymbolicLink(output.resolve("b/dangling"), outside.resolve("new"));

        for (String taken : new String[] {"b/file", "b/link", "b/dangling"}) {
            String temp = withBody(taken, "body");
            assertThat(output.publishNew(temp, taken)).as(taken).isFalse();
            assertThat(output.resolve(temp)).as("temporary of %s", taken).hasContent("body");
        }

        assertThat(output.resolve("b/file")).hasContent("a person's file");
        assertThat(victim).hasContent("victim");
        assertThat(outside.resolve("new")).doesNotExist();
    }

    @Test
    void whatIsAtANameIsSeenWithoutFollowingALinkAndALinkToNothingReadsAsFree() throws Exception {
        Path victim = Files.writeString(outside.resolve("victim"), "victim");
        Files.createDirectories(output.resolve("b"));
        Files.writeString(output.resolve("b/file"), "a person's file");
        Files.createSymbolicLink(output.resolve("b/link"), victim);
        Files.createSymbolicLink(output.resolve("b/dangling"), outside.resolve("new"));

        assertThat(output.attributesIfPresent("b/new")).isNull();
        assertThat(output.attributesIfPresent("b/file").isRegularFile()).isTrue();
        assertThat(output.attributesIfPresent("b/link").isSymbolicLink()).isTrue();
        assertThat(output.attributesIfPresent("b/dangling")).isNull();
        // where it matters, the name stays taken: publishing is refused (see the test above)
        assertThat(output.attributesOrNull("b/dangling").isSymbolicLink()).isTrue();
    }

    @Test
    void publishingAFreeNameMovesTheBodyThere() throws Exception {
        String temp = withBody("b/x1", "body");

        assertThat(output.publishNew(temp, "b/x1")).isTrue();

        assertThat(output.resolve("b/x1")).hasContent("body");
        assertThat(output.resolve(temp)).doesNotExist();
    }

    @Test
    void ownEarlierFileIsReplacedOnlyWhileUnchanged() throws Exception {
        Files.createDirectories(output.resolve("b"));
        Path earlier = Files.writeString(output.resolve("b/x1"), "first body");
        FileRecord record = recordOf(earlier);

        String temp = withBody("b/x1", "second body");
        assertThat(output.replaceOwn(temp, "b/x1", record)).isTrue();
        assertThat(earlier).hasContent("second body");

        FileRecord second = recordOf(earlier);
        Files.writeString(earlier, "second body, edited");
        String third = withBody("b/x1", "third body");
        assertThat(output.replaceOwn(third, "b/x1", second)).isFalse();
        assertThat(earlier).hasContent("second body, edited");
    }

    @Test
    void aLinkIsNeverOwnEarlierFile() throws Exception {
        Path victim = Files.writeString(outside.resolve("victim"), "victim");
        Files.createDirectories(output.resolve("b"));
        Files.createSymbolicLink(output.resolve("b/x1"), victim);
        FileRecord victimsLook = recordOf(victim);

        assertThat(output.isUnchanged("b/x1", victimsLook)).isFalse();
        assertThat(output.replaceOwn(withBody("b/x1", "body"), "b/x1", victimsLook))
                .isFalse();
        assertThat(victim).hasContent("victim");
    }

    @Test
    void aTemporaryFileSwappedForALinkIsNeverOpenedThroughIt() throws Exception {
        Path victim = Files.writeString(outside.resolve("victim"), "victim");
        String temp = output.createTemporary("b/x1");
        Files.delete(output.resolve(temp));
        Files.createSymbolicLink(output.resolve(temp), victim);

        assertThatThrownBy(() -> output.openTemporary(temp, false))
                .isInstanceOfSatisfying(
                        FetchFailure.class, f -> assertThat(f.code()).isEqualTo("unsafe_path"));
        assertThatThrownBy(() -> output.openTemporary(temp, true)).isInstanceOf(FetchFailure.class);
        assertThat(victim).hasContent("victim");
    }

    @Test
    void aFolderSwappedForALinkAfterTheTemporaryFileWasCreatedIsNeverWrittenThrough() throws Exception {
        String temp = output.createTemporary("b/sub/x1");
        Path planted = Files.writeString(
                Files.createDirectories(outside.resolve("sub")).resolve(temp.substring("b/sub/".length())), "victim");
        Files.move(output.resolve("b/sub"), output.resolve("b/moved-away"));
        Files.createSymbolicLink(output.resolve("b/sub"), outside.resolve("sub"));

        assertThatThrownBy(() -> output.openTemporary(temp, false))
                .isInstanceOfSatisfying(
                        FetchFailure.class, f -> assertThat(f.code()).isEqualTo("unsafe_path"));
        assertThat(planted).hasContent("victim");
    }

    @Test
    void theTemporaryFileItMadeIsOpenedTruncatedOrForAppending() throws Exception {
        String temp = withBody("b/x1", "first");
        try (var channel = output.openTemporary(temp, true)) {
            channel.write(java.nio.ByteBuffer.wrap(" more".getBytes()));
        }
        assertThat(output.resolve(temp)).hasContent("first more");
        try (var channel = output.openTemporary(temp, false)) {
            channel.write(java.nio.ByteBuffer.wrap("new".getBytes()));
        }
        assertThat(output.resolve(temp)).hasContent("new");
    }

    @Test
    void onlyFetchboxTemporaryFilesAreDeletedAsSuch() throws Exception {
        assertThatThrownBy(() -> output.deleteTemporary("b/x1")).isInstanceOf(IllegalArgumentException.class);
    }

    private String withBody(String target, String body) throws Exception {
        String temp = output.createTemporary(target);
        Files.writeString(output.resolve(temp), body);
        return temp;
    }

    private static FileRecord recordOf(Path file) throws IOException {
        BasicFileAttributes attributes =
                Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return new FileRecord(
                "key",
                "url",
                null,
                null,
                attributes.size(),
                "sha",
                attributes.lastModifiedTime().toMillis());
    }
}
