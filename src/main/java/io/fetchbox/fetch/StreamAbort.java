package io.fetchbox.fetch;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.core5.http.io.EofSensorInputStream;

/**
 * Closing an HttpClient response stream reads the rest of the body so that the connection can be
 * reused: right for a finished body, ruinous for a 10 GiB one we refused or a stalled one. Aborting
 * drops the connection instead.
 */
final class StreamAbort {
    private StreamAbort() {}

    static void abort(InputStream in) {
        try {
            if (in instanceof PeekedBody peeked) {
                abort(peeked.rest());
            } else if (in instanceof EofSensorInputStream sensor) {
                sensor.abort();
            } else if (in != null) {
                in.close();
            }
        } catch (IOException | RuntimeException e) {
            // the connection is being thrown away; nothing more to do with it
        }
    }
}
