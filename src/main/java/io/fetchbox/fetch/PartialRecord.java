package io.fetchbox.fetch;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the body in a temporary file is a part of: its URL (hashed), the validator that lets a
 * resumed request ask for the rest only if the resource has not changed ({@code If-Range}), and the
 * temporary file's own random name (relative to the output folder), the only way to find it again.
 */
public record PartialRecord(@JsonProperty("url_key") String urlKey, String validator, String temporary) {}
