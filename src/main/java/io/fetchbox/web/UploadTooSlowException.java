package io.fetchbox.web;

import java.io.IOException;

/** An upload's client sent too little, or nothing, for too long: the upload is refused with 408. */
final class UploadTooSlowException extends IOException {
    private static final long serialVersionUID = 1L;

    UploadTooSlowException(String message) {
        super(message);
    }
}
