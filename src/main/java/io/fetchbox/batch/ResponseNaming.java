package io.fetchbox.batch;

import io.fetchbox.fetch.FetchProps;
import io.fetchbox.media.TypeRegistry;
import io.fetchbox.naming.AdjustedName;
import java.util.function.UnaryOperator;
import org.apache.camel.Exchange;

/**
 * What names a line without {@code out} when its response arrives: the server's Content-Disposition
 * name ({@code fetchbox.content-disposition}), and the response type's extension added to a name
 * without one of its own ({@code fetchbox.adjust-extension}; README, "Image batches").
 */
public record ResponseNaming(boolean contentDisposition, boolean adjustExtension) {
    public static final ResponseNaming NONE = new ResponseNaming(false, false);

    /** Whether names wait for the response at all. */
    public boolean any() {
        return contentDisposition || adjustExtension;
    }

    /** The Content-Disposition value to name from, or null when its name is not used. */
    String disposition(Exchange exchange) {
        return contentDisposition ? exchange.getMessage().getHeader("Content-Disposition", String.class) : null;
    }

    /**
     * The extension step: by the type the type check took (what the body showed, for a generic
     * Content-Type), else by the declared type; nothing for a generic or absent one.
     */
    UnaryOperator<String> adjuster(Exchange exchange) {
        if (!adjustExtension) {
            return UnaryOperator.identity();
        }
        TypeRegistry types = TypeRegistry.get();
        String checked = exchange.getProperty(FetchProps.RESPONSE_TYPE, String.class);
        String type = checked != null
                ? checked
                : types.declared(exchange.getMessage().getHeader("Content-Type", String.class));
        if (type == null) {
            return UnaryOperator.identity();
        }
        return name -> AdjustedName.of(name, types.extension(type), types.extensions(type));
    }
}
