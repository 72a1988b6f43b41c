package io.fetchbox.testing;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;

/**
 * Plain exchanges for the tests of a route step's bean: the step reads and sets headers and properties,
 * and needs no running Camel, so one context, never started, serves every such test.
 */
public final class Exchanges {
    private static final CamelContext CONTEXT = new DefaultCamelContext();

    private Exchanges() {}

    public static Exchange create() {
        return new DefaultExchange(CONTEXT);
    }

    public static CamelContext context() {
        return CONTEXT;
    }
}
