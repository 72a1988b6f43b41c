package io.fetchbox.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.stream.Stream;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorCodesTest {
    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new SocketTimeoutException("Read timed out"), "timeout"),
                Arguments.of(new ConnectException("Connection refused"), "connect"),
                Arguments.of(new UnknownHostException("nowhere.invalid"), "connect"),
                Arguments.of(new SocketException("Connection reset"), "reset"),
                Arguments.of(new NoHttpResponseException("no response"), "reset"),
                Arguments.of(new ConnectionClosedException("Premature end of Content-Length"), "truncated"),
                Arguments.of(new IOException("wrapped", new SocketTimeoutException()), "timeout"),
                Arguments.of(new RuntimeException(new FetchFailure("http_404", 404, "gone")), "http_404"),
                Arguments.of(
                        new IOException(new MeteredBody.BodyFailure(new FetchFailure("too_large", null, "big"))),
                        "too_large"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void eachFailureHasItsReportCode(Throwable thrown, String code) {
        assertThat(ErrorCodes.failureOf(thrown).code()).isEqualTo(code);
    }
}
