package io.ocppsec.core.firmware.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * Streams an image once through one or more digests with a fixed 64 KiB buffer, so memory use does not
 * depend on the image size.
 */
public final class ImageDigester {

    /** Size of the read buffer. */
    public static final int BUFFER_SIZE = 64 * 1024;

    private ImageDigester() {
    }

    /** Thrown when the image is larger than the configured limit. */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long limit) {
            super("image is larger than the limit of " + limit + " bytes");
        }
    }

    /**
     * @param in the image; read to its end, not closed
     * @param digests the digests to update (all receive every byte)
     * @param maxBytes the largest accepted image
     * @return the number of bytes read
     * @throws IOException when reading fails or the image exceeds {@code maxBytes}
     */
    public static long digest(InputStream in, List<MessageDigest> digests, long maxBytes) throws IOException {
        Objects.requireNonNull(in, "in");
        byte[] buffer = new byte[BUFFER_SIZE];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > maxBytes) {
                throw new TooLargeException(maxBytes);
            }
            for (MessageDigest d : digests) {
                d.update(buffer, 0, n);
            }
        }
        return total;
    }

    /**
     * @param bytes bytes
     * @return lower-case hex
     */
    public static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }
}
