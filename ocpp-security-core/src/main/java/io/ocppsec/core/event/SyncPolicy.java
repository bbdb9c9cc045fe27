package io.ocppsec.core.event;

/**
 * When the security log and the event journal force their writes to the storage device
 * ({@code FileChannel.force}).
 *
 * <p>Every append is one {@code write} of a whole record straight to the file (no user-space buffer), so
 * a killed process never loses an append that returned. The policy decides what survives a power loss.
 */
public enum SyncPolicy {
    /** Force after every append: an append that returned survives a power loss. The default. */
    EVERY_WRITE,
    /**
     * Force after every {@code n}-th append (n configurable) and on close: up to n - 1 returned appends
     * may be lost on a power loss, in exchange for fewer flash writes.
     */
    BATCHED,
    /** Never force except on close and compaction: the operating system decides. For tests and benchmarks. */
    NONE
}
