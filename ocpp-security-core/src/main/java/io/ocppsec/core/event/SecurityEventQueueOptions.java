package io.ocppsec.core.event;

import java.time.Clock;
import java.util.Objects;

/**
 * Limits and policies of a {@link FileSecurityEventQueue}.
 *
 * <pre>{@code
 * SecurityEventQueueOptions o = SecurityEventQueueOptions.defaults().withMaxRecords(500).withSync(SyncPolicy.BATCHED);
 * }</pre>
 *
 * @param maxRecords most events held, the one reserved for {@code MemoryExhaustion} included; 2 to 1,000,000
 *     (default 1000)
 * @param maxBytes most bytes of live records, 8 KiB to 1 GiB (default 1 MiB); one maximal record is reserved
 *     for {@code MemoryExhaustion}
 * @param sync when writes are forced to storage (default {@link SyncPolicy#EVERY_WRITE})
 * @param batchSize with {@link SyncPolicy#BATCHED}: force after this many writes, 1 to 10000 (default 16)
 * @param compactDeadRatio compact when more than this share of the journal is acknowledged records,
 *     0.1 to 0.99 (default 0.5)
 * @param compactMinBytes never compact a journal smaller than this, at least 1 KiB (default 64 KiB)
 * @param recovery what opening does with a damaged journal (default {@link Recovery#SALVAGE})
 * @param clock stamps the {@code MemoryExhaustion} event the queue raises
 */
public record SecurityEventQueueOptions(int maxRecords, long maxBytes, SyncPolicy sync, int batchSize,
                                        double compactDeadRatio, long compactMinBytes, Recovery recovery,
                                        Clock clock) {

    /** What opening does with a journal that is damaged beyond a torn last write. */
    public enum Recovery {
        /**
         * Keep every intact record: skip damaged bytes up to the next record whose checksum is valid, keep a
         * copy of the damaged file beside it ({@code <name>.corrupt-<millis>}), log a warning and rewrite a
         * clean journal. The default: a station that refuses to start its queue loses every later event.
         */
        SALVAGE,
        /** Refuse to open with {@link JournalCorruptedException}; a torn last record is still cut off. */
        STRICT
    }

    /**
     * @throws IllegalArgumentException for a limit out of range
     */
    public SecurityEventQueueOptions {
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(recovery, "recovery");
        Objects.requireNonNull(clock, "clock");
        if (maxRecords < 2 || maxRecords > 1_000_000) {
            throw new IllegalArgumentException("maxRecords must be 2 to 1000000, was " + maxRecords);
        }
        if (maxBytes < 8 * 1024 || maxBytes > (1L << 30)) {
            throw new IllegalArgumentException("maxBytes must be 8 KiB to 1 GiB, was " + maxBytes);
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batchSize must be 1 to 10000, was " + batchSize);
        }
        if (!(compactDeadRatio >= 0.1 && compactDeadRatio <= 0.99)) {
            throw new IllegalArgumentException("compactDeadRatio must be 0.1 to 0.99, was " + compactDeadRatio);
        }
        if (compactMinBytes < 1024) {
            throw new IllegalArgumentException("compactMinBytes must be at least 1024, was " + compactMinBytes);
        }
    }

    /** @return 1000 events, 1 MiB, force every write, compact at 50 % dead above 64 KiB, salvage, UTC clock */
    public static SecurityEventQueueOptions defaults() {
        return new SecurityEventQueueOptions(1000, 1024 * 1024, SyncPolicy.EVERY_WRITE, 16, 0.5, 64 * 1024,
                Recovery.SALVAGE, Clock.systemUTC());
    }

    /**
     * @param n most events held
     * @return a copy with that limit
     */
    public SecurityEventQueueOptions withMaxRecords(int n) {
        return new SecurityEventQueueOptions(n, maxBytes, sync, batchSize, compactDeadRatio, compactMinBytes,
                recovery, clock);
    }

    /**
     * @param n most bytes of live records
     * @return a copy with that limit
     */
    public SecurityEventQueueOptions withMaxBytes(long n) {
        return new SecurityEventQueueOptions(maxRecords, n, sync, batchSize, compactDeadRatio, compactMinBytes,
                recovery, clock);
    }

    /**
     * @param policy when to force writes
     * @return a copy with that policy
     */
    public SecurityEventQueueOptions withSync(SyncPolicy policy) {
        return new SecurityEventQueueOptions(maxRecords, maxBytes, policy, batchSize, compactDeadRatio,
                compactMinBytes, recovery, clock);
    }

    /**
     * @param n writes per force with {@link SyncPolicy#BATCHED}
     * @return a copy with that batch size
     */
    public SecurityEventQueueOptions withBatchSize(int n) {
        return new SecurityEventQueueOptions(maxRecords, maxBytes, sync, n, compactDeadRatio, compactMinBytes,
                recovery, clock);
    }

    /**
     * @param ratio dead share above which the journal is compacted
     * @param minBytes smallest journal that is compacted
     * @return a copy with that compaction policy
     */
    public SecurityEventQueueOptions withCompaction(double ratio, long minBytes) {
        return new SecurityEventQueueOptions(maxRecords, maxBytes, sync, batchSize, ratio, minBytes, recovery,
                clock);
    }

    /**
     * @param mode what opening does with a damaged journal
     * @return a copy with that mode
     */
    public SecurityEventQueueOptions withRecovery(Recovery mode) {
        return new SecurityEventQueueOptions(maxRecords, maxBytes, sync, batchSize, compactDeadRatio,
                compactMinBytes, mode, clock);
    }

    /**
     * @param c the clock
     * @return a copy with that clock
     */
    public SecurityEventQueueOptions withClock(Clock c) {
        return new SecurityEventQueueOptions(maxRecords, maxBytes, sync, batchSize, compactDeadRatio,
                compactMinBytes, recovery, c);
    }
}
