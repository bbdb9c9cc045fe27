package io.ocppsec.core.event.internal;

import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Binary format of the event queue's journal.
 *
 * <pre>
 * header (24 bytes): "OSEQ" | u16 version=1 | u16 0 | i64 baseSequence | u32 crc32(bytes 0..15) | u32 0
 * record:            i32 payloadLength (9..2048) | u32 crc32(length bytes + payload) | payload
 * payload ENQUEUE:   u8 1 | i64 seq | i64 epochSecond | i32 nano | u16 n + n bytes type (UTF-8)
 *                    | u8 hasTechInfo | [u16 n + n bytes techInfo (UTF-8)]
 * payload ACK:       u8 2 | i64 seq
 * </pre>
 *
 * <p>The length is bounded before anything is allocated, so a damaged length field cannot exhaust memory.
 */
public final class JournalCodec {

    /** Size of the file header. */
    public static final int HEADER_SIZE = 24;
    /** Bytes before the payload of a record. */
    public static final int RECORD_OVERHEAD = 8;
    /** Largest payload a valid record can have (type ≤ 50 and techInfo ≤ 255 UTF-16 units fit easily). */
    public static final int MAX_PAYLOAD = 2048;
    /** Largest record. */
    public static final int MAX_RECORD = RECORD_OVERHEAD + MAX_PAYLOAD;

    static final byte ENQUEUE = 1;
    static final byte ACK = 2;
    private static final int ACK_PAYLOAD = 9;
    private static final int MIN_ENQUEUE_PAYLOAD = 1 + 8 + 8 + 4 + 2 + 1 + 1;
    private static final byte[] MAGIC = {'O', 'S', 'E', 'Q'};

    private JournalCodec() {
    }

    /** A decoded record: ACK when {@code event} is empty. */
    public record Decoded(long sequence, Optional<SecurityEvent> event, int size) {
        /** @return whether this is an ENQUEUE record */
        public boolean isEnqueue() {
            return event.isPresent();
        }
    }

    /**
     * @param baseSequence the lowest sequence number the next enqueue may get
     * @return the header bytes
     */
    public static byte[] header(long baseSequence) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE);
        b.put(MAGIC).putShort((short) 1).putShort((short) 0).putLong(baseSequence);
        b.putInt((int) crc(b.array(), 0, 16)).putInt(0);
        return b.array();
    }

    /**
     * @param buf file bytes
     * @param len number of valid bytes in buf
     * @return the header's base sequence, or -1 when the header is missing or damaged
     */
    public static long parseHeader(byte[] buf, int len) {
        if (len < HEADER_SIZE) {
            return -1;
        }
        ByteBuffer b = ByteBuffer.wrap(buf, 0, HEADER_SIZE);
        for (byte m : MAGIC) {
            if (b.get() != m) {
                return -1;
            }
        }
        short version = b.getShort();
        b.getShort();
        long base = b.getLong();
        long crc = b.getInt() & 0xffffffffL;
        if (version != 1 || crc != crc(buf, 0, 16) || base < 1) {
            return -1;
        }
        return base;
    }

    /**
     * @param sequence the event's sequence number
     * @param event the event
     * @return the ENQUEUE record
     */
    public static byte[] enqueue(long sequence, SecurityEvent event) {
        byte[] type = event.type().ocppName().getBytes(StandardCharsets.UTF_8);
        byte[] info = event.techInfo().map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(null);
        ByteBuffer p = ByteBuffer.allocate(MIN_ENQUEUE_PAYLOAD + type.length + (info == null ? 0 : 2 + info.length));
        p.put(ENQUEUE).putLong(sequence).putLong(event.timestamp().getEpochSecond())
                .putInt(event.timestamp().getNano()).putShort((short) type.length).put(type);
        p.put((byte) (info == null ? 0 : 1));
        if (info != null) {
            p.putShort((short) info.length).put(info);
        }
        // The last byte of MIN_ENQUEUE_PAYLOAD is a spare that keeps the payload length unambiguous.
        p.put((byte) 0);
        return record(p.array());
    }

    /**
     * @param sequence the acknowledged event's sequence number
     * @return the ACK record
     */
    public static byte[] ack(long sequence) {
        return record(ByteBuffer.allocate(ACK_PAYLOAD).put(ACK).putLong(sequence).array());
    }

    private static byte[] record(byte[] payload) {
        ByteBuffer r = ByteBuffer.allocate(RECORD_OVERHEAD + payload.length);
        r.putInt(payload.length);
        CRC32 c = new CRC32();
        c.update(r.array(), 0, 4);
        c.update(payload);
        r.putInt((int) c.getValue()).put(payload);
        return r.array();
    }

    /**
     * Decodes the record at {@code off}, checking length bounds first, then the checksum, then the payload.
     *
     * @param buf file bytes
     * @param off where the record starts
     * @param end end of valid bytes
     * @return the record, or empty when the bytes there are not a complete, intact record
     */
    public static Optional<Decoded> decode(byte[] buf, int off, int end) {
        if (end - off < RECORD_OVERHEAD) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(buf, off, end - off);
        int len = b.getInt();
        if (len < ACK_PAYLOAD || len > MAX_PAYLOAD || len > end - off - RECORD_OVERHEAD) {
            return Optional.empty();
        }
        byte kind = buf[off + RECORD_OVERHEAD];
        if (kind == ACK ? len != ACK_PAYLOAD : kind != ENQUEUE || len < MIN_ENQUEUE_PAYLOAD) {
            return Optional.empty(); // cheap filter before the checksum, which matters when resynchronising
        }
        long crc = b.getInt() & 0xffffffffL;
        CRC32 c = new CRC32();
        c.update(buf, off, 4);
        c.update(buf, off + RECORD_OVERHEAD, len);
        if (c.getValue() != crc) {
            return Optional.empty();
        }
        ByteBuffer p = ByteBuffer.wrap(buf, off + RECORD_OVERHEAD, len);
        p.get();
        long seq = p.getLong();
        if (seq < 1) {
            return Optional.empty();
        }
        if (kind == ACK) {
            return Optional.of(new Decoded(seq, Optional.empty(), RECORD_OVERHEAD + len));
        }
        try {
            Instant ts = Instant.ofEpochSecond(p.getLong(), p.getInt());
            String type = utf8(p, p.getShort() & 0xffff);
            byte has = p.get();
            Optional<String> info = Optional.empty();
            if (has == 1) {
                info = Optional.of(utf8(p, p.getShort() & 0xffff));
            } else if (has != 0) {
                return Optional.empty();
            }
            if (p.remaining() != 1) {
                return Optional.empty();
            }
            SecurityEvent e = new SecurityEvent(SecurityEventType.of(type), ts, info);
            return Optional.of(new Decoded(seq, Optional.of(e), RECORD_OVERHEAD + len));
        } catch (RuntimeException | CharacterCodingException e) {
            // BufferUnderflow, DateTimeException, IllegalArgumentException from the event's own checks
            return Optional.empty();
        }
    }

    private static String utf8(ByteBuffer p, int n) throws CharacterCodingException {
        if (n > p.remaining()) {
            throw new IllegalArgumentException("length beyond payload"); // caught by decode
        }
        ByteBuffer slice = p.slice();
        slice.limit(n);
        p.position(p.position() + n);
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(slice).toString();
    }

    /**
     * @param buf bytes
     * @param off start
     * @param len length
     * @return the CRC-32 of the range
     */
    static long crc(byte[] buf, int off, int len) {
        CRC32 c = new CRC32();
        c.update(buf, off, len);
        return c.getValue();
    }
}
