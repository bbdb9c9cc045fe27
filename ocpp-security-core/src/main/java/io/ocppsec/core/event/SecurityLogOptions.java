package io.ocppsec.core.event;

import java.time.Clock;
import java.util.Objects;

/**
 * Limits and behaviour of a {@link SecurityLog}: size of one file, number of files kept, when to force
 * writes to storage, and the clock that stamps {@code SecurityLogWasCleared}.
 *
 * <pre>{@code
 * SecurityLogOptions o = SecurityLogOptions.defaults().withMaxFileBytes(256 * 1024).withMaxFiles(8);
 * }</pre>
 *
 * @param maxFileBytes size at which the current file is rolled, 1 KiB to 1 GiB (default 1 MiB)
 * @param maxFiles number of files kept including the current one, 2 to 1000 (default 5); the oldest file
 *     is deleted when a roll would exceed it
 * @param sync when writes are forced to storage (default {@link SyncPolicy#EVERY_WRITE})
 * @param batchSize with {@link SyncPolicy#BATCHED}: force after this many appends, 1 to 10000 (default 16)
 * @param clock the clock stamping the events the log writes itself
 */
public record SecurityLogOptions(long maxFileBytes, int maxFiles, SyncPolicy sync, int batchSize, Clock clock) {

    /**
     * @throws IllegalArgumentException for a limit out of range
     */
    public SecurityLogOptions {
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(clock, "clock");
        if (maxFileBytes < 1024 || maxFileBytes > (1L << 30)) {
            throw new IllegalArgumentException("maxFileBytes must be 1 KiB to 1 GiB, was " + maxFileBytes);
        }
        if (maxFiles < 2 || maxFiles > 1000) {
            throw new IllegalArgumentException("maxFiles must be 2 to 1000, was " + maxFiles);
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batchSize must be 1 to 10000, was " + batchSize);
        }
    }

    /** @return 1 MiB × 5 files, force every write, the system UTC clock */
    public static SecurityLogOptions defaults() {
        return new SecurityLogOptions(1024 * 1024, 5, SyncPolicy.EVERY_WRITE, 16, Clock.systemUTC());
    }

    /**
     * @param bytes size at which a file is rolled
     * @return a copy with that limit
     */
    public SecurityLogOptions withMaxFileBytes(long bytes) {
        return new SecurityLogOptions(bytes, maxFiles, sync, batchSize, clock);
    }

    /**
     * @param files number of files kept
     * @return a copy with that limit
     */
    public SecurityLogOptions withMaxFiles(int files) {
        return new SecurityLogOptions(maxFileBytes, files, sync, batchSize, clock);
    }

    /**
     * @param policy when to force writes
     * @return a copy with that policy
     */
    public SecurityLogOptions withSync(SyncPolicy policy) {
        return new SecurityLogOptions(maxFileBytes, maxFiles, policy, batchSize, clock);
    }

    /**
     * @param n appends per force with {@link SyncPolicy#BATCHED}
     * @return a copy with that batch size
     */
    public SecurityLogOptions withBatchSize(int n) {
        return new SecurityLogOptions(maxFileBytes, maxFiles, sync, n, clock);
    }

    /**
     * @param c the clock
     * @return a copy with that clock
     */
    public SecurityLogOptions withClock(Clock c) {
        return new SecurityLogOptions(maxFileBytes, maxFiles, sync, batchSize, c);
    }
}
