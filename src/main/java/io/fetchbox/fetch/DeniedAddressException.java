package io.fetchbox.fetch;

import java.net.UnknownHostException;

/** A host whose every address is refused by fetchbox.deny-private-networks: reported as {@code denied}. */
public final class DeniedAddressException extends UnknownHostException {
    public DeniedAddressException(String message) {
        super(message);
    }
}
