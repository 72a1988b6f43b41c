package io.fetchbox.media;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/**
 * Apache Tika's registry of media types (about 1,500, with their aliases, sub-types and extensions):
 * what a type is also called, what it is a kind of, and its usual file extension. Loaded once, on
 * first use (about 0.2 s). A name Tika does not know is never handed to it: Tika would remember every
 * such name, and servers choose them.
 */
public final class TypeRegistry {
    /** Names servers use that Tika does not list as aliases. */
    private static final Map<String, String> COMMON_MISNAMES = Map.of(
            "image/jpg", "image/jpeg",
            "image/pjpeg", "image/jpeg",
            "image/x-png", "image/png",
            "image/x-ms-bmp", "image/bmp",
            "image/svg", "image/svg+xml");

    /** Content types that say nothing about the content. */
    private static final Set<String> GENERIC = Set.of(
            "application/octet-stream",
            "binary/octet-stream",
            "application/binary",
            "application/unknown",
            "application/download",
            "application/x-download",
            "application/force-download");

    private static final class Loaded {
        static final TypeRegistry INSTANCE = new TypeRegistry(MimeTypes.getDefaultMimeTypes());
    }

    private final MimeTypes types;
    private final MediaTypeRegistry registry;
    /** Every name Tika knows, an alias included, to the type's usual name. */
    private final Map<String, String> canonical = new HashMap<>();

    private TypeRegistry(MimeTypes types) {
        this.types = types;
        this.registry = types.getMediaTypeRegistry();
        for (MediaType type : registry.getTypes()) {
            canonical.put(type.toString(), type.toString());
            for (MediaType alias : registry.getAliases(type)) {
                canonical.put(alias.toString(), type.toString());
            }
        }
        COMMON_MISNAMES.forEach((misname, type) -> canonical.put(misname, canonical.getOrDefault(type, type)));
    }

    public static TypeRegistry get() {
        return Loaded.INSTANCE;
    }

    /** The bare {@code type/subtype} of a Content-Type value, lower case, or null when it has none. */
    public static String bare(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String bare = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
        int slash = bare.indexOf('/');
        boolean oneSlashInside = slash > 0 && slash < bare.length() - 1 && bare.indexOf('/', slash + 1) < 0;
        return oneSlashInside && bare.chars().noneMatch(c -> c <= ' ' || c >= 0x7F) ? bare : null;
    }

    /**
     * The type a Content-Type value declares, by its usual name; null when it declares none worth a
     * name (none, malformed, or generic such as {@code application/octet-stream}).
     */
    public String declared(String contentType) {
        String bare = bare(contentType);
        return bare == null || GENERIC.contains(bare) ? null : canonical(bare);
    }

    /** The type's usual name ({@code image/x-icon} and {@code image/jpg} become theirs); an unknown one as it is. */
    public String canonical(String type) {
        return type == null ? null : canonical.getOrDefault(type, type);
    }

    /** Whether {@code type} is {@code ofType} or a kind of it ({@code image/svg+xml} of {@code application/xml}). */
    public boolean isKindOf(String type, String ofType) {
        String a = canonical(type);
        String b = canonical(ofType);
        if (a == null || b == null) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        return canonical.containsKey(a)
                && canonical.containsKey(b)
                && registry.isSpecializationOf(mediaType(a), mediaType(b));
    }

    /** Whether one of the two is a kind of the other. */
    public boolean related(String a, String b) {
        return isKindOf(a, b) || isKindOf(b, a);
    }

    /** The usual extension of {@code type} ({@code .jpg} for {@code image/jpeg}), or null when it has none. */
    public String extension(String type) {
        String extension = known(type).map(MimeType::getExtension).orElse("");
        return extension.isEmpty() ? null : extension;
    }

    /** Every extension {@code type} goes by ({@code .jpg}, {@code .jpeg}, ...), lower case. */
    public List<String> extensions(String type) {
        return known(type)
                .map(t -> t.getExtensions().stream()
                        .map(e -> e.toLowerCase(Locale.ROOT))
                        .toList())
                .orElse(List.of());
    }

    private Optional<MimeType> known(String type) {
        String name = canonical(type);
        if (name == null || !canonical.containsKey(name)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(types.getRegisteredMimeType(name));
        } catch (MimeTypeException e) {
            return Optional.empty();
        }
    }

    private static MediaType mediaType(String bare) {
        int slash = bare.indexOf('/');
        return new MediaType(bare.substring(0, slash), bare.substring(slash + 1));
    }
}
