package io.iotjobbridge.ledger;

/** The ledger could not be read or written: the caller must not act as if the change happened. */
public class LedgerException extends RuntimeException {

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
