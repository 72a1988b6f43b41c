package io.fetchbox.fetch;

import io.fetchbox.media.AcceptedTypes;
import io.fetchbox.media.BodySignatures;
import io.fetchbox.media.TypeRegistry;
import io.fetchbox.media.TypeRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.util.function.Suppliers;

/**
 * The fetch route's type check (README, "Image batches"): with accepted types set for the line
 * ({@code accept}) or for all ({@code fetchbox.accept-types}), a response of another type is refused
 * before its body is read, and a body whose first bytes contradict its declared type is refused before
 * anything is kept. Both fail at once, never retried, and drop the connection rather than read the
 * rest. Without accepted types nothing is looked at.
 */
public final class ResponseTypes {
    private final AcceptedTypes accepted;
    private final OutputFolder output;
    // Tika's registry loads on the first check, so a service that never checks never pays for it
    private final Supplier<TypeRules> rules = Suppliers.memorize(() -> new TypeRules(TypeRegistry.get()));

    /** @param accepted fetchbox.accept-types, for lines without their own */
    public ResponseTypes(AcceptedTypes accepted, OutputFolder output) {
        this.accepted = accepted;
        this.output = output;
    }

    public void check(Exchange exchange) throws FetchFailure, IOException {
        FetchTask task = exchange.getProperty(FetchProps.TASK, FetchTask.class);
        AcceptedTypes types = task.entry().accept() == null
                ? accepted
                : AcceptedTypes.parse(task.entry().accept());
        if (types.isAny()) {
            return;
        }
        Message message = exchange.getMessage();
        InputStream raw = message.getBody(InputStream.class);
        String contentType = message.getHeader("Content-Type", String.class);
        Integer status = exchange.getProperty(FetchProps.STATUS, Integer.class);
        TypeRules.Verdict verdict = rules.get().onHeaders(types, contentType);
        if (verdict == null) {
            byte[] head = new byte[BodySignatures.HEAD_BYTES];
            int length;
            try {
                length = readHead(exchange, raw, head);
            } catch (IOException | RuntimeException e) {
                StreamAbort.abort(raw);
                throw e;
            }
            verdict = length < 0
                    ? new TypeRules.Verdict(rules.get().declared(contentType), null, null, null)
                    : rules.get().onHead(types, contentType, head, length);
        }
        exchange.setProperty(FetchProps.RESPONSE_TYPE, verdict.type());
        exchange.setProperty(FetchProps.DETECTED_TYPE, verdict.detected());
        if (verdict.refused()) {
            StreamAbort.abort(message.getBody(InputStream.class));
            message.setBody(null);
            throw new FetchFailure(verdict.error(), status, verdict.detail());
        }
    }

    /**
     * The body's first bytes, given again ahead of the rest; for the rest of a partial body, the
     * first bytes of the part already on disk, or -1 when that is not a file to read (the body step
     * then starts over).
     */
    private int readHead(Exchange exchange, InputStream raw, byte[] head) throws IOException {
        if (exchange.getProperty(FetchProps.APPEND, false, Boolean.class)) {
            String temp = exchange.getProperty(FetchProps.TEMP, String.class);
            try (InputStream earlier = Files.newInputStream(output.resolve(temp), LinkOption.NOFOLLOW_LINKS)) {
                return earlier.readNBytes(head, 0, head.length);
            } catch (IOException e) {
                return -1;
            }
        }
        if (raw == null) {
            return 0;
        }
        int length = raw.readNBytes(head, 0, head.length);
        exchange.getMessage().setBody(new PeekedBody(head, length, raw));
        return length;
    }
}
