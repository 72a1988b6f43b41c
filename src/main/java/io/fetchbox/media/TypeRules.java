package io.fetchbox.media;

/**
 * Whether a response is of a type the line accepts, and whether its body agrees with the type it
 * declares (README, "Image batches"). A declared type that is not accepted is refused before the body
 * is read; a generic or absent one ({@code application/octet-stream}, none) is judged by what the
 * body's first bytes show.
 */
public final class TypeRules {
    public static final String UNEXPECTED_TYPE = "unexpected_type";
    public static final String TYPE_MISMATCH = "type_mismatch";

    /**
     * What was decided.
     *
     * @param type the response's type as fetchbox takes it: the declared one, or for a generic or
     *     absent one what the body shows; null when unknown
     * @param detected what the body's first bytes show, null when not looked at or nothing known
     * @param error {@link #UNEXPECTED_TYPE}, {@link #TYPE_MISMATCH}, or null when the body may be kept
     */
    public record Verdict(String type, String detected, String error, String detail) {
        public boolean refused() {
            return error != null;
        }
    }

    private final TypeRegistry types;

    public TypeRules(TypeRegistry types) {
        this.types = types;
    }

    /** The declared type (canonical), or null when the response has none worth a name. */
    public String declared(String contentType) {
        return types.declared(contentType);
    }

    /** Before the body: refused when the declared type is not accepted; else null, and the body's head decides. */
    public Verdict onHeaders(AcceptedTypes accepted, String contentType) {
        String declared = declared(contentType);
        if (declared != null && !accepted.accepts(declared)) {
            return new Verdict(
                    declared,
                    null,
                    UNEXPECTED_TYPE,
                    "Content-Type " + declared + " is not among the accepted types " + accepted);
        }
        return null;
    }

    /** With the body's first bytes: the type taken, what they show, and a refusal when they disagree. */
    public Verdict onHead(AcceptedTypes accepted, String contentType, byte[] head, int length) {
        String declared = declared(contentType);
        String detected = BodySignatures.detect(head, length);
        if (declared == null) {
            String said = TypeRegistry.bare(contentType) == null
                    ? "no Content-Type"
                    : "Content-Type " + TypeRegistry.bare(contentType);
            if (!accepted.accepts(detected == null ? "application/octet-stream" : detected)) {
                return new Verdict(
                        detected,
                        detected,
                        UNEXPECTED_TYPE,
                        said + ", and the body's first bytes show "
                                + (detected == null ? "no type fetchbox knows" : detected)
                                + ", not among the accepted types " + accepted);
            }
            return new Verdict(detected, detected, null, null);
        }
        if (!agree(declared, detected)) {
            return new Verdict(
                    declared,
                    detected,
                    TYPE_MISMATCH,
                    "Content-Type " + declared + ", but the body's first bytes "
                            + (detected == null
                                    ? "are not those of " + declared + " (" + length + " bytes looked at)"
                                    : "show " + detected));
        }
        return new Verdict(declared, detected, null, null);
    }

    /**
     * A type with a well-known signature (or a kind of one: HEIC of HEIF, EPUB of ZIP) must show it;
     * a type without one is contradicted only by a body with a signature that is no kind of it (a PNG
     * served as {@code text/html}).
     */
    boolean agree(String declared, String detected) {
        boolean signed = BodySignatures.SIGNED.stream().anyMatch(s -> types.isKindOf(declared, s));
        if (signed) {
            return detected != null
                    && (types.isKindOf(detected, declared)
                            || (types.isKindOf(declared, detected) && !BodySignatures.SIGNED.contains(declared)));
        }
        return detected == null || !BodySignatures.SIGNED.contains(detected) || types.related(declared, detected);
    }
}
