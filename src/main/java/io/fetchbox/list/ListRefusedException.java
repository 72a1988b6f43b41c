package io.fetchbox.list;

/** A file that is not a list at all; the message says why, for {@code <file>.error.txt}. */
public class ListRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public ListRefusedException(String reason) {
        super(reason);
    }

    public ListRefusedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
