package io.fetchbox;

import io.fetchbox.batch.BatchRegistry;
import io.fetchbox.batch.Feeder;
import io.fetchbox.fetch.Admission;
import io.fetchbox.fetch.Bodies;
import io.fetchbox.fetch.Failures;
import io.fetchbox.fetch.FetchProps;
import io.fetchbox.fetch.Publisher;
import io.fetchbox.fetch.Requests;
import io.fetchbox.fetch.ResponseTypes;
import io.fetchbox.fetch.Responses;
import io.fetchbox.list.UrlEntry;
import io.fetchbox.report.OutcomeItem;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.apache.camel.Processor;
import org.apache.camel.spi.Registry;

/**
 * The steps every URL goes through, bound as processors and predicates under the names the routes
 * use ({@code process: {ref: admit}}, {@code filter: {ref: batchComplete}}), each a call of one
 * method. Bound as bean methods instead, Camel's bean binding was the largest single compilation of a
 * fresh JVM (about 6 s of the compiler's CPU during the first list of 10,000 URLs) and about 5 % of a
 * warm service's CPU (docs/performance.md, "Route steps as processors"). Steps that run once per
 * batch stay bean methods.
 */
final class RouteSteps {
    private final Registry registry;

    RouteSteps(Registry registry) {
        this.registry = registry;
    }

    /** routes/feed.camel.yaml: a list line becomes a download task or, at once, its outcome. */
    void feed(Feeder feeder) {
        step(
                "planLine",
                exchange -> feeder.plan(
                        exchange.getMessage().getBody(UrlEntry.class),
                        exchange.getProperty(Feeder.BATCH, String.class)));
        predicate("isDownload", exchange -> feeder.isTask(exchange.getMessage().getBody()));
    }

    /** routes/fetch.camel.yaml and routes/errors.camel.yaml: one request, its body, its outcome. */
    void fetch(
            Admission admission,
            Requests requests,
            Responses responses,
            ResponseTypes types,
            Feeder feeder,
            Bodies bodies,
            Publisher publisher,
            Failures failures) {
        registry.bind("admit", (Processor) admission::admit);
        registry.bind("prepareRequest", (Processor) requests::prepare);
        registry.bind("inspectResponse", (Processor) responses::inspect);
        registry.bind("followRedirect", (Processor) admission::redirect);
        step("notModified", publisher::notModified);
        registry.bind("checkResponseType", (Processor) types::check);
        registry.bind("nameFromResponse", (Processor) feeder::nameFromResponse);
        registry.bind("meterBody", (Processor) bodies::meter);
        step("publish", publisher::publish);
        step("handleFailure", failures::handle);
    }

    /** routes/report.camel.yaml: every outcome recorded, and whether it completed its batch. */
    void report(BatchRegistry batches) {
        registry.bind("recordOutcome", (Processor) exchange -> batches.record(
                exchange.getMessage().getBody(OutcomeItem.class),
                exchange.getMessage().getHeader(FetchProps.RUN, String.class)));
        predicate(
                "batchComplete",
                exchange -> batches.isComplete(exchange.getMessage().getBody()));
    }

    /** A step whose result becomes the message body (null included, as a bean method's would). */
    private void step(String name, BodyStep step) {
        registry.bind(name, (Processor) exchange -> exchange.getMessage().setBody(step.apply(exchange)));
    }

    private void predicate(String name, Predicate predicate) {
        registry.bind(name, predicate);
    }

    @FunctionalInterface
    private interface BodyStep {
        Object apply(Exchange exchange) throws Exception;
    }
}
