package io.fetchbox.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** A request refused with a 4xx status; the web routes answer it as {@code {"error": "..."}}. */
public final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final int status;

    public HttpError(int status, String message) {
        super(message);
        this.status = status;
    }

    public int getStatus() {
        return status;
    }

    /** The response body. */
    public String getJson() {
        try {
            return JSON.writeValueAsString(Map.of("error", getMessage()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpError notFound(String what) {
        return new HttpError(404, what);
    }
}
