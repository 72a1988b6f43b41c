package io.fetchbox.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fetchbox.list.UrlEntry;
import io.fetchbox.testing.Exchanges;
import io.fetchbox.url.ParsedUrl;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * responses.inspect as the fetch route calls it, right after camel-http answered: the status in
 * {@code CamelHttpResponseCode}, the response headers, the body still an open stream.
 */
class ResponsesTest {
    private static final String URL = "http://example.org/dir/a.bin";
    private static final int MAX_REDIRECTS = 3;

    private final Responses responses = new Responses(MAX_REDIRECTS);
    private final TrackedBody body = new TrackedBody();

    @Test
    void anOkAnswerGoesOnToTheBodyWithItsStatus() throws FetchFailure {
        Exchange exchange = answered(200);

        responses.inspect(exchange);

        assertThat(exchange.getProperty(FetchProps.STATUS)).isEqualTo(200);
        assertThat(exchange.getMessage().getBody()).isSameAs(body);
        assertThat(body.closed).isFalse();
        assertThat(exchange.getProperty(FetchProps.APPEND)).isNull();
        assertThat(exchange.getProperty(FetchProps.NEXT_URL)).isNull();
    }

    @Test
    void anOkAnswerToOurRangeRequestMeansTheResourceChangedAndTheBodyStartsOver() throws FetchFailure {
        Exchange exchange = answered(200);
        exchange.setProperty(FetchProps.RESUME_FROM, 100L);

        responses.inspect(exchange);

        assertThat(exchange.getProperty(FetchProps.RESUME_FROM)).isNull();
        assertThat(exchange.getProperty(FetchProps.APPEND)).isNull();
        assertThat(exchange.getProperty(FetchProps.START_OVER)).isNull();
        assertThat(exchange.getMessage().getBody()).isSameAs(body);
    }

    @Test
    void aPartialAnswerThatContinuesAtOurOffsetIsAppended() throws FetchFailure {
        Exchange exchange = answered(206);
        exchange.setProperty(FetchProps.RESUME_FROM, 100L);
        exchange.getMessage().setHeader("Content-Range", " bytes 100-199/200 ");

        responses.inspect(exchange);

        assertThat(exchange.getProperty(FetchProps.APPEND)).isEqualTo(true);
        assertThat(exchange.getProperty(FetchProps.RESUME_FROM)).isEqualTo(100L);
        assertThat(exchange.getProperty(FetchProps.STATUS)).isEqualTo(206);
        assertThat(exchange.getMessage().getBody()).isSameAs(body);
        assertThat(body.closed).isFalse();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {"bytes 0-199/200", "bytes 101-199/200", "items 100-199/200", "bytes -199/200", "bytes x-1/2"})
    void aPartialAnswerThatDoesNotContinueAtOurOffsetStartsTheBodyOver(String contentRange) {
        Exchange exchange = answered(206);
        exchange.setProperty(FetchProps.RESUME_FROM, 100L);
        exchange.getMessage().setHeader("Content-Range", contentRange);

        FetchFailure failure = failureOf(exchange);

        assertThat(failure.code()).isEqualTo("truncated");
        assertThat(failure.httpStatus()).isEqualTo(206);
        assertThat(failure.getMessage()).isEqualTo("the partial body of 100 bytes cannot be resumed");
        assertThat(exchange.getProperty(FetchProps.START_OVER)).isEqualTo(true);
        assertThat(exchange.getProperty(FetchProps.APPEND)).isNull();
        assertThat(exchange.getMessage().getBody()).isNull();
        assertThat(body.closed).isTrue();
    }

    @Test
    void aRangeNotSatisfiableToOurRangeRequestStartsTheBodyOver() {
        Exchange exchange = answered(416);
        exchange.setProperty(FetchProps.RESUME_FROM, 5000L);

        FetchFailure failure = failureOf(exchange);

        assertThat(failure.code()).isEqualTo("truncated");
        assertThat(failure.httpStatus()).isEqualTo(416);
        assertThat(failure.getMessage()).isEqualTo("the partial body of 5000 bytes cannot be resumed");
        assertThat(exchange.getProperty(FetchProps.START_OVER)).isEqualTo(true);
        assertThat(body.closed).isTrue();
    }

    @Test
    void aRangeNotSatisfiableWithoutOurRangeRequestIsAnHttpFailure() {
        Exchange exchange = answered(416);

        FetchFailure failure = failureOf(exchange);

        assertThat(failure.code()).isEqualTo("http_416");
        assertThat(exchange.getProperty(FetchProps.START_OVER)).isNull();
    }

    @Test
    void aPartialAnswerToARequestThatAskedForTheWholeBodyIsAnHttpFailure() {
        Exchange exchange = answered(206);
        exchange.getMessage().setHeader("Content-Range", "bytes 0-99/200");

        FetchFailure failure = failureOf(exchange);

        assertThat(failure.code()).isEqualTo("http_206");
        assertThat(failure.httpStatus()).isEqualTo(206);
        assertThat(exchange.getProperty(FetchProps.APPEND)).isNull();
        assertThat(body.closed).isTrue();
    }

    @Test
    void aNotModifiedAnswerToOurConditionalRequestKeepsTheFileAndDropsTheBody() throws FetchFailure {
        Exchange exchange = answered(304);
        exchange.setProperty(FetchProps.CONDITIONAL, true);

        responses.inspect(exchange);

        assertThat(exchange.getProperty(FetchProps.STATUS)).isEqualTo(304);
        assertThat(exchange.getProperty(FetchProps.NEXT_URL)).isNull();
        assertThat(exchange.getMessage().getBody()).isNull();
        assertThat(body.closed).isTrue();
    }

    @Test
    void aNotModifiedAnswerToAnUnconditionalRequestIsAnHttpFailure() {
        Exchange exchange = answered(304);

        FetchFailure failure = failureOf(exchange);

        assertThat(failure.code()).isEqualTo("http_304");
        assertThat(failure.httpStatus()).isEqualTo(304);
    }

    @Test
    void aRelativeLocationIsResolvedAgainstTheRequestedUrl() throws FetchFailure {
        Exchange exchange = answered(302);
        exchange.getMessage().setHeader("Location", " ../b/c.bin?x=1 ");

        responses.inspect(exchange);

        assertThat(exchange.getProperty(FetchProps.NEXT_URL)).isEqualTo("http://example.org/b/c.bin?x=1");
        assertThat(exchange.getProperty(FetchProps.STATUS)).isEqualTo(302);
        assertThat(exchange.getMessage().getBody()).isNull();
        assertThat(body.closed).isTrue();
    }

    @Test
    void aRelativeLocationAfterAnEarlierRedirectIsResolvedAgainstWhereThatPointed() throws FetchFailure {
        Exchange exchange = answered(301, task().redirectedTo("https://cdn.example.net:8443/files/a.bin"));
        exchange.getMessage().setHeader("Location", "b.bin");

        responses.inspect(exchange);

        assertThat(exchange.getProperty(FetchProps.NEXT_URL)).isEqualTo("https://cdn.example.net:8443/files/b.bin");
    }

    @Test
    void anAbsoluteLocationIsFollowedAsGiven() throws FetchFailure {
        Exchange exchange = answered(307);
        exchange.getMessage().setHeader("Location", "https://other.example:8443/x/y.bin");

        responses.inspect(exchange);

        assertThat(exchange.getProperty(FetchProps.NEXT_URL)).isEqualTo("https://other.example:8443/x/y.bin");
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void everyRedirectStatusIsFollowed(int status) throws FetchFailure {
        Exchange exchange = answered(status);
        exchange.getMessage().setHeader("Location", "/moved");

        responses.inspect(exchange);

        assertThat(exchange.getProperty(FetchProps.NEXT_URL)).isEqualTo("http://example.org/moved");
    }

    @Test
    void aMultipleChoicesAnswerIsNotFollowedEvenWithALocation() {
        Exchange exchange = answered(300);
        exchange.getMessage().setHeader("Location", "/moved");

        FetchFailure failure = failureOf(exchange);

        assertThat(failure.code()).isEqualTo("http_300");
        assertThat(exchange.getProperty(FetchProps.NEXT_URL)).isNull();
    }

    @Test
    void aRedirectWithoutLocationIsAnHttpFailure() {
        Exchange exchange = answered(302);

        FetchFailure failure = failureOf(exchange);

        assertThat(failure.code()).isEqualTo("http_302");
        assertThat(failure.httpStatus()).isEqualTo(302);
        assertThat(failure.getMessage()).isEqualTo("server answered 302");
        assertThat(exchange.getProperty(FetchProps.NEXT_URL)).isNull();
        assertThat(body.closed).isTrue();
    }

    @Test
    void aRedirectToAnotherSchemeIsABadRedirectAndItsCredentialsAreNotRepeated() {
        Exchange exchange = answered(301);
        exchange.getMessage().setHeader("Location", "ftp://user:secret@example.org/a.bin");

        FetchFailure failure = failureOf(exchange);

        assertThat(failure.code()).isEqualTo("bad_redirect");
        assertThat(failure.httpStatus()).isEqualTo(301);
        assertThat(failure.getMessage())
                .startsWith("redirect to ftp://")
                .contains(ParsedUrl.problem("ftp://user:secret@example.org/a.bin"))
                .doesNotContain("secret");
        assertThat(exchange.getProperty(FetchProps.NEXT_URL)).isNull();
    }

    @Test
    void aLocationThatIsNoUrlAtAllIsABadRedirect() {
        Exchange exchange = answered(302);
        exchange.getMessage().setHeader("Location", "http://exa mple.org/a b");

        FetchFailure failure = failureOf(exchange);

        assertThat(failure.code()).isEqualTo("bad_redirect");
        assertThat(failure.getMessage()).startsWith("redirect to http://exa mple.org/a b: ");
    }

    @Test
    void theLastRedirectAllowedIsFollowed() throws FetchFailure {
        FetchTask task = task();
        for (int i = 0; i < MAX_REDIRECTS - 1; i++) {
            task = task.redirectedTo("http://example.org/hop" + i);
        }
        Exchange exchange = answered(302, task);
        exchange.getMessage().setHeader("Location", "/last");

        responses.inspect(exchange);

        assertThat(exchange.getProperty(FetchProps.NEXT_URL)).isEqualTo("http://example.org/last");
    }

    @Test
    void oneRedirectMoreThanMaxRedirectsIsARedirectLoop() {
        FetchTask task = task();
        for (int i = 0; i < MAX_REDIRECTS; i++) {
            task = task.redirectedTo("http://example.org/hop" + i);
        }
        Exchange exchange = answered(302, task);
        exchange.getMessage().setHeader("Location", "/one-more");

        FetchFailure failure = failureOf(exchange);

        assertThat(failure.code()).isEqualTo("redirect_loop");
        assertThat(failure.httpStatus()).isEqualTo(302);
        assertThat(failure.getMessage()).isEqualTo("more than fetchbox.max-redirects (3) redirects");
        assertThat(exchange.getProperty(FetchProps.NEXT_URL)).isNull();
    }

    @Test
    void aUrlRedirectingToItselfEndsAsARedirectLoopAfterMaxRedirects() {
        FetchTask task = task();
        int followed = 0;
        FetchFailure failure = null;
        while (failure == null && followed <= MAX_REDIRECTS) {
            Exchange exchange = answered(302, task);
            exchange.getMessage().setHeader("Location", "a.bin");
            try {
                responses.inspect(exchange);
                String next = exchange.getProperty(FetchProps.NEXT_URL, String.class);
                assertThat(next).isEqualTo(URL);
                task = task.redirectedTo(next);
                followed++;
            } catch (FetchFailure f) {
                failure = f;
            }
        }

        assertThat(followed).isEqualTo(MAX_REDIRECTS);
        assertThat(failure).isNotNull();
        assertThat(failure.code()).isEqualTo("redirect_loop");
    }

    @Test
    void tooManyRequestsCarriesItsRetryAfterInSeconds() {
        Exchange exchange = answered(429);
        exchange.getMessage().setHeader("Retry-After", "120");

        FetchFailure failure = failureOf(exchange);

        assertThat(failure.code()).isEqualTo("http_429");
        assertThat(failure.httpStatus()).isEqualTo(429);
        assertThat(failure.retryAfter()).isEqualTo("120");
        assertThat(RetryAfter.millis(failure.retryAfter(), java.time.Instant.EPOCH))
                .isEqualTo(120_000L);
        assertThat(body.closed).isTrue();
    }

    @Test
    void unavailableCarriesItsRetryAfterAsAnHttpDate() {
        Exchange exchange = answered(503);
        exchange.getMessage().setHeader("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT");

        FetchFailure failure = failureOf(exchange);

        assertThat(failure.code()).isEqualTo("http_503");
        assertThat(failure.httpStatus()).isEqualTo(503);
        assertThat(failure.retryAfter()).isEqualTo("Wed, 21 Oct 2015 07:28:00 GMT");
        assertThat(RetryAfter.millis(failure.retryAfter(), java.time.Instant.parse("2015-10-21T07:27:00Z")))
                .isEqualTo(60_000L);
    }

    @Test
    void aNotFoundBecomesHttp404WithoutRetryAfter() {
        Exchange exchange = answered(404);

        FetchFailure failure = failureOf(exchange);

        assertThat(failure.code()).isEqualTo("http_404");
        assertThat(failure.httpStatus()).isEqualTo(404);
        assertThat(failure.getMessage()).isEqualTo("server answered 404");
        assertThat(failure.retryAfter()).isNull();
        assertThat(exchange.getProperty(FetchProps.STATUS)).isEqualTo(404);
        assertThat(exchange.getMessage().getBody()).isNull();
        assertThat(body.closed).isTrue();
    }

    private FetchFailure failureOf(Exchange exchange) {
        return catchThrowableOfType(FetchFailure.class, () -> responses.inspect(exchange));
    }

    private Exchange answered(int status) {
        return answered(status, task());
    }

    private Exchange answered(int status, FetchTask task) {
        Exchange exchange = Exchanges.create();
        exchange.setProperty(FetchProps.TASK, task);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setBody(body);
        return exchange;
    }

    private static FetchTask task() {
        UrlEntry entry = new UrlEntry(1, URL, null, null, null, null, null, null);
        return new FetchTask("b", entry, "b/a.bin", ParsedUrl.parse(URL).hostKey());
    }

    /** A response body that tells whether it was closed (aborted, for a stream that is no HttpClient's). */
    static final class TrackedBody extends ByteArrayInputStream {
        boolean closed;

        TrackedBody() {
            super("the body".getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
