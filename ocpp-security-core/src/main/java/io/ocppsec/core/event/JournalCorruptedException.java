package io.ocppsec.core.event;

import java.io.IOException;

/**
 * The queue's journal is damaged in a way that is not a torn last write: a bad header or a bad record
 * followed by intact ones. Raised only with {@link SecurityEventQueueOptions.Recovery#STRICT}; the default
 * {@link SecurityEventQueueOptions.Recovery#SALVAGE} keeps every intact record instead.
 */
public final class JournalCorruptedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long offset;

    /**
     * @param offset where in the file the damage starts
     * @param message what is wrong
     */
    public JournalCorruptedException(long offset, String message) {
        super(message + " at byte offset " + offset);
        this.offset = offset;
    }

    /** @return where in the file the damage starts */
    public long offset() {
        return offset;
    }
}
