package io.fetchbox.url;

/** A URL fetchbox will not fetch; the message is the reason, fit for a report. */
public class InvalidUrlException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidUrlException(String reason) {
        super(reason);
    }
}
