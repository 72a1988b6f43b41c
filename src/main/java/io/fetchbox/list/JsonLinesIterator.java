package io.fetchbox.list;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON lines format: an object per line with {@code url} and optional {@code name}, {@code
 * dir}, {@code sha256}, {@code headers}. A line that is not such an object is an invalid entry
 * carrying the line itself, so it is reported and given back in failed.txt, not lost.
 */
final class JsonLinesIterator extends AbstractEntryIterator {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> KEYS = Set.of("url", "name", "dir", "sha256", "headers", "accept");

    private final PhysicalLines lines;

    JsonLinesIterator(PhysicalLines lines) {
        this.lines = lines;
    }

    @Override
    protected UrlEntry computeNext() throws IOException {
        String raw;
        while ((raw = lines.next()) != null) {
            if (!raw.isBlank()) {
                return entry(lines.number(), raw.strip());
            }
        }
        return null;
    }

    private UrlEntry entry(long line, String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return invalid(line, text, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return invalid(line, text, "not a JSON object");
        }
        JsonNode url = node.get("url");
        if (url == null || !url.isTextual()) {
            return invalid(line, text, "JSON object has no string 'url'");
        }
        EntryDraft entry = new EntryDraft(line, url.asText());
        entry.out(string(node, "name", entry));
        entry.dir(string(node, "dir", entry));
        String sha256 = string(node, "sha256", entry);
        if (sha256 != null) {
            entry.checksum("sha-256", sha256, "bad sha256");
        }
        headers(node.get("headers"), entry);
        accept(node.get("accept"), entry);
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            if (!KEYS.contains(member.getKey())) {
                entry.warn("unknown key '" + member.getKey() + "'");
            }
        }
        return built(entry);
    }

    /** {@code "accept": "image/*,application/pdf"} or {@code ["image/*", "application/pdf"]}. */
    private static void accept(JsonNode value, EntryDraft entry) {
        if (value == null || value.isNull()) {
            return;
        }
        if (value.isArray()) {
            List<String> patterns = new ArrayList<>();
            value.forEach(p -> patterns.add(p.isTextual() ? p.asText() : p.toString()));
            entry.accept(String.join(",", patterns));
        } else {
            entry.accept(value.isTextual() ? value.asText() : value.toString());
        }
    }

    private UrlEntry invalid(long line, String text, String reason) {
        EntryDraft entry = new EntryDraft(line, text);
        entry.formatProblem(reason);
        return built(entry);
    }

    /** A string member, or null when absent, null or empty; another type is ignored with a warning. */
    private static String string(JsonNode node, String key, EntryDraft entry) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            entry.warn("'" + key + "' is not a string, ignored");
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static void headers(JsonNode headers, EntryDraft entry) {
        if (headers == null || headers.isNull()) {
            return;
        }
        if (!headers.isObject()) {
            entry.warn("'headers' is not an object, ignored");
            return;
        }
        for (Map.Entry<String, JsonNode> field : headers.properties()) {
            if (field.getValue().isTextual()) {
                entry.header(field.getKey(), field.getValue().asText());
            } else {
                entry.warn("header '" + field.getKey() + "' ignored: its value is not a string");
            }
        }
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
