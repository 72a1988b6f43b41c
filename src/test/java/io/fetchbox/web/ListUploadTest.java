package io.fetchbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListUploadTest {
    @TempDir
    Path inbox;

    @Test
    void aListAppearsWholeUnderItsNameAndNothingElseIsLeft() throws IOException {
        String answer = new ListUpload(inbox, 1000).accept("pics.txt", "20", body("https://a.example/x\n"));

        assertThat(answer)
                .isEqualTo("{\"name\":\"pics.txt\",\"batch\":\"pics\",\"bytes\":20,\"status\":\"/api/batches/pics\"}");
        assertThat(Files.readString(inbox.resolve("pics.txt"))).isEqualTo("https://a.example/x\n");
        assertThat(files()).containsExactly("pics.txt");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", ".hidden", "-dash", "a/b", "..", "a b.txt", "ä.txt", "a.tmp", "a.part", "x~", "CON.txt"})
    void aBadNameIs400AndNothingIsWritten(String name) {
        assertThatThrownBy(() -> new ListUpload(inbox, 1000).accept(name, null, body("x\n")))
                .isInstanceOfSatisfying(
                        HttpError.class, e -> assertThat(e.getStatus()).isEqualTo(400));
        assertThat(files()).isEmpty();
    }

    @Test
    void aNameLongerThan128IsRefused() {
        assertThatThrownBy(() -> new ListUpload(inbox, 1000).accept("a".repeat(129), null, body("x\n")))
                .isInstanceOfSatisfying(
                        HttpError.class, e -> assertThat(e.getStatus()).isEqualTo(400));
    }

    @Test
    void aNameWaitingInTheInboxOrRunningIs409AndNothingChanges() throws IOException {
        Files.writeString(inbox.resolve("a.txt"), "old\n");
        Files.createDirectories(inbox.resolve(".inprogress"));
        Files.writeString(inbox.resolve(".inprogress/b.txt"), "running\n");
        ListUpload upload = new ListUpload(inbox, 1000);

        assertThatThrownBy(() -> upload.accept("a.txt", null, body("new\n")))
                .isInstanceOfSatisfying(
                        HttpError.class, e -> assertThat(e.getStatus()).isEqualTo(409));
        assertThatThrownBy(() -> upload.accept("b.txt", null, body("new\n")))
                .isInstanceOfSatisfying(
                        HttpError.class, e -> assertThat(e.getStatus()).isEqualTo(409));
        assertThat(Files.readString(inbox.resolve("a.txt"))).isEqualTo("old\n");
        assertThat(files()).containsExactly(".inprogress/b.txt", "a.txt");
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIs413BeforeAnythingIsRead() {
        InputStream unread = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body must not be read");
            }
        };
        assertThatThrownBy(() -> new ListUpload(inbox, 10).accept("a.txt", "11", unread))
                .isInstanceOfSatisfying(
                        HttpError.class, e -> assertThat(e.getStatus()).isEqualTo(413));
        assertThat(files()).isEmpty();
    }

    @Test
    void aStreamedBodyThatGrowsPastTheLimitIs413AndItsTemporaryFileGoes() {
        assertThatThrownBy(() -> new ListUpload(inbox, 10).accept("a.txt", null, body("0123456789X")))
                .isInstanceOfSatisfying(
                        HttpError.class, e -> assertThat(e.getStatus()).isEqualTo(413));
        assertThat(files()).isEmpty();
    }

    @Test
    void aBodyCutShortIs400AndLeavesNothing() {
        InputStream cut = new InputStream() {
            private int left = 5;

            @Override
            public int read() throws IOException {
                if (left-- > 0) {
                    return 'x';
                }
                throw new IOException("connection reset");
            }
        };
        assertThatThrownBy(() -> new ListUpload(inbox, 1000).accept("a.txt", null, cut))
                .isInstanceOfSatisfying(
                        HttpError.class, e -> assertThat(e.getStatus()).isEqualTo(400));
        assertThat(files()).isEmpty();
    }

    @Test
    void aBodyOfExactlyTheLimitIsTaken() throws IOException {
        new ListUpload(inbox, 10).accept("a.txt", "10", body("0123456789"));
        assertThat(Files.size(inbox.resolve("a.txt"))).isEqualTo(10);
    }

    private List<String> files() {
        try (Stream<Path> all = Files.walk(inbox)) {
            return all.filter(Files::isRegularFile)
                    .map(p -> inbox.relativize(p).toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
