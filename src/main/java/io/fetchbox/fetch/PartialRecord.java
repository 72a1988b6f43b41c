package io.fetchbox.fetch;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the body in a temporary file is a part of: its URL (hashed) and the validator that lets a
 * resumed request ask for the rest only if the resource has not changed ({@code If-Range}).
 */
public record PartialRecord(@JsonProperty("url_key") String urlKey, String validator) {}
