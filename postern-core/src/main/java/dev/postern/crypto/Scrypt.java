package dev.postern.crypto;

import java.lang.ref.SoftReference;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.bouncycastle.crypto.PBEParametersGenerator;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * scrypt (RFC 7914), written for speed on the JVM because password hashing is what bounds sign-in
 * throughput: Bouncy Castle's {@code SCrypt} costs about a third more CPU per hash than Node's OpenSSL
 * (measured with {@code bench/ScryptYardstick.java} and JMH), and better-auth runs on the latter.
 *
 * <p>Only the memory-hard core is here; PBKDF2-HMAC-SHA256 comes from Bouncy Castle. What makes it
 * faster, all without changing a bit of the result (tests check the RFC 7914 vectors and agreement
 * with Bouncy Castle on random inputs):
 * <ul>
 *   <li>Salsa20/8 runs on sixteen local ints, and BlockMix carries its running block in them from one
 *       sub-block to the next instead of copying it through arrays;</li>
 *   <li>the first ROMix loop writes each BlockMix result straight into its slot of V (no copy of X into V),
 *       and the second loop fuses {@code X xor V[j]} into the BlockMix that reads it;</li>
 *   <li>V (128·r·N bytes: 32 MiB for better-auth's parameters) is reused across hashes through a small
 *       pool of soft references instead of being allocated and zeroed for every hash. Its stale contents
 *       are harmless: every word is overwritten before it is read.</li>
 * </ul>
 */
public final class Scrypt {
    /** Spare V buffers; soft, so the collector may take them back when memory runs short. */
    private static final ConcurrentLinkedDeque<SoftReference<int[]>> SPARE = new ConcurrentLinkedDeque<>();
    private static final int MAX_SPARE = Math.max(2, Runtime.getRuntime().availableProcessors());

    private Scrypt() {
    }

    /**
     * The {@code keyLength}-byte scrypt key of {@code password} and {@code salt} with cost {@code n} (a
     * power of two above 1), block size {@code r} and parallelism {@code p}.
     */
    public static byte[] derive(byte[] password, byte[] salt, int n, int r, int p, int keyLength) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(salt, "salt");
        if (n < 2 || (n & (n - 1)) != 0) {
            throw new IllegalArgumentException("N must be a power of two greater than 1");
        }
        if (r < 1 || p < 1 || keyLength < 1 || (long) r * p >= 1 << 30 || (long) n * r > Integer.MAX_VALUE / 32) {
            throw new IllegalArgumentException("scrypt parameters out of range");
        }
        int blockInts = 32 * r;
        byte[] b = pbkdf2(password, salt, p * blockInts * 4);
        int[] x = new int[blockInts];
        int[] y = new int[blockInts];
        int[] v = borrow(n * blockInts);
        try {
            for (int i = 0; i < p; i++) {
                int offset = i * blockInts * 4;
                littleEndianToInts(b, offset, x);
                roMix(x, y, v, n, r);
                intsToLittleEndian(x, b, offset);
            }
        } finally {
            giveBack(v);
        }
        return pbkdf2(password, b, keyLength);
    }

    /** ROMix of RFC 7914 §5 on {@code x} in place; {@code y} is scratch, {@code v} holds N blocks. */
    private static void roMix(int[] x, int[] y, int[] v, int n, int r) {
        int blockInts = 32 * r;
        System.arraycopy(x, 0, v, 0, blockInts);
        for (int i = 0; i < n - 1; i++) {
            blockMix(v, i * blockInts, null, 0, v, (i + 1) * blockInts, r);
        }
        blockMix(v, (n - 1) * blockInts, null, 0, x, 0, r);
        int mask = n - 1;
        int[] in = x;
        int[] out = y;
        for (int i = 0; i < n; i++) {
            // Integerify: the first word of the last 64-byte sub-block; N is a power of two below 2^31.
            int j = in[(2 * r - 1) * 16] & mask;
            blockMix(in, 0, v, j * blockInts, out, 0, r);
            int[] swap = in;
            in = out;
            out = swap;
        }
        if (in != x) {
            System.arraycopy(in, 0, x, 0, blockInts);
        }
    }

    /**
     * BlockMix_{Salsa20/8} of RFC 7914 §4 on the 2r sub-blocks at {@code in[inOff]} (xor-ed word by word
     * with those at {@code mix[mixOff]} when {@code mix} is not null), written to {@code out[outOff]} in
     * the shuffled order: even sub-blocks first, then odd ones.
     */
    private static void blockMix(int[] in, int inOff, int[] mix, int mixOff, int[] out, int outOff, int r) {
        int last = (2 * r - 1) * 16;
        int x0 = in[inOff + last], x1 = in[inOff + last + 1], x2 = in[inOff + last + 2], x3 = in[inOff + last + 3];
        int x4 = in[inOff + last + 4], x5 = in[inOff + last + 5], x6 = in[inOff + last + 6];
        int x7 = in[inOff + last + 7], x8 = in[inOff + last + 8], x9 = in[inOff + last + 9];
        int x10 = in[inOff + last + 10], x11 = in[inOff + last + 11], x12 = in[inOff + last + 12];
        int x13 = in[inOff + last + 13], x14 = in[inOff + last + 14], x15 = in[inOff + last + 15];
        if (mix != null) {
            int m = mixOff + last;
            x0 ^= mix[m]; x1 ^= mix[m + 1]; x2 ^= mix[m + 2]; x3 ^= mix[m + 3];
            x4 ^= mix[m + 4]; x5 ^= mix[m + 5]; x6 ^= mix[m + 6]; x7 ^= mix[m + 7];
            x8 ^= mix[m + 8]; x9 ^= mix[m + 9]; x10 ^= mix[m + 10]; x11 ^= mix[m + 11];
            x12 ^= mix[m + 12]; x13 ^= mix[m + 13]; x14 ^= mix[m + 14]; x15 ^= mix[m + 15];
        }
        for (int i = 0; i < 2 * r; i++) {
            int s = inOff + i * 16;
            x0 ^= in[s]; x1 ^= in[s + 1]; x2 ^= in[s + 2]; x3 ^= in[s + 3];
            x4 ^= in[s + 4]; x5 ^= in[s + 5]; x6 ^= in[s + 6]; x7 ^= in[s + 7];
            x8 ^= in[s + 8]; x9 ^= in[s + 9]; x10 ^= in[s + 10]; x11 ^= in[s + 11];
            x12 ^= in[s + 12]; x13 ^= in[s + 13]; x14 ^= in[s + 14]; x15 ^= in[s + 15];
            if (mix != null) {
                int m = mixOff + i * 16;
                x0 ^= mix[m]; x1 ^= mix[m + 1]; x2 ^= mix[m + 2]; x3 ^= mix[m + 3];
                x4 ^= mix[m + 4]; x5 ^= mix[m + 5]; x6 ^= mix[m + 6]; x7 ^= mix[m + 7];
                x8 ^= mix[m + 8]; x9 ^= mix[m + 9]; x10 ^= mix[m + 10]; x11 ^= mix[m + 11];
                x12 ^= mix[m + 12]; x13 ^= mix[m + 13]; x14 ^= mix[m + 14]; x15 ^= mix[m + 15];
            }
            // Salsa20/8 core (RFC 7914 §3): four double rounds on a copy, then added back.
            int j0 = x0, j1 = x1, j2 = x2, j3 = x3, j4 = x4, j5 = x5, j6 = x6, j7 = x7;
            int j8 = x8, j9 = x9, j10 = x10, j11 = x11, j12 = x12, j13 = x13, j14 = x14, j15 = x15;
            for (int round = 0; round < 8; round += 2) {
                // columns
                j4 ^= Integer.rotateLeft(j0 + j12, 7);
                j8 ^= Integer.rotateLeft(j4 + j0, 9);
                j12 ^= Integer.rotateLeft(j8 + j4, 13);
                j0 ^= Integer.rotateLeft(j12 + j8, 18);
                j9 ^= Integer.rotateLeft(j5 + j1, 7);
                j13 ^= Integer.rotateLeft(j9 + j5, 9);
                j1 ^= Integer.rotateLeft(j13 + j9, 13);
                j5 ^= Integer.rotateLeft(j1 + j13, 18);
                j14 ^= Integer.rotateLeft(j10 + j6, 7);
                j2 ^= Integer.rotateLeft(j14 + j10, 9);
                j6 ^= Integer.rotateLeft(j2 + j14, 13);
                j10 ^= Integer.rotateLeft(j6 + j2, 18);
                j3 ^= Integer.rotateLeft(j15 + j11, 7);
                j7 ^= Integer.rotateLeft(j3 + j15, 9);
                j11 ^= Integer.rotateLeft(j7 + j3, 13);
                j15 ^= Integer.rotateLeft(j11 + j7, 18);
                // rows
                j1 ^= Integer.rotateLeft(j0 + j3, 7);
                j2 ^= Integer.rotateLeft(j1 + j0, 9);
                j3 ^= Integer.rotateLeft(j2 + j1, 13);
                j0 ^= Integer.rotateLeft(j3 + j2, 18);
                j6 ^= Integer.rotateLeft(j5 + j4, 7);
                j7 ^= Integer.rotateLeft(j6 + j5, 9);
                j4 ^= Integer.rotateLeft(j7 + j6, 13);
                j5 ^= Integer.rotateLeft(j4 + j7, 18);
                j11 ^= Integer.rotateLeft(j10 + j9, 7);
                j8 ^= Integer.rotateLeft(j11 + j10, 9);
                j9 ^= Integer.rotateLeft(j8 + j11, 13);
                j10 ^= Integer.rotateLeft(j9 + j8, 18);
                j12 ^= Integer.rotateLeft(j15 + j14, 7);
                j13 ^= Integer.rotateLeft(j12 + j15, 9);
                j14 ^= Integer.rotateLeft(j13 + j12, 13);
                j15 ^= Integer.rotateLeft(j14 + j13, 18);
            }
            x0 += j0; x1 += j1; x2 += j2; x3 += j3; x4 += j4; x5 += j5; x6 += j6; x7 += j7;
            x8 += j8; x9 += j9; x10 += j10; x11 += j11; x12 += j12; x13 += j13; x14 += j14; x15 += j15;
            int o = outOff + ((i >> 1) + (i & 1) * r) * 16;
            out[o] = x0; out[o + 1] = x1; out[o + 2] = x2; out[o + 3] = x3;
            out[o + 4] = x4; out[o + 5] = x5; out[o + 6] = x6; out[o + 7] = x7;
            out[o + 8] = x8; out[o + 9] = x9; out[o + 10] = x10; out[o + 11] = x11;
            out[o + 12] = x12; out[o + 13] = x13; out[o + 14] = x14; out[o + 15] = x15;
        }
    }

    private static byte[] pbkdf2(byte[] password, byte[] salt, int length) {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
        generator.init(password, salt, 1);
        return ((KeyParameter) generator.generateDerivedParameters(length * 8)).getKey();
    }

    private static int[] borrow(int length) {
        SoftReference<int[]> reference;
        while ((reference = SPARE.pollFirst()) != null) {
            int[] spare = reference.get();
            if (spare != null && spare.length == length) {
                return spare;
            }
        }
        return new int[length];
    }

    private static void giveBack(int[] v) {
        if (SPARE.size() < MAX_SPARE) {
            SPARE.offerFirst(new SoftReference<>(v));
        }
    }

    private static void littleEndianToInts(byte[] bytes, int offset, int[] ints) {
        for (int i = 0; i < ints.length; i++) {
            int k = offset + i * 4;
            ints[i] = (bytes[k] & 0xff) | (bytes[k + 1] & 0xff) << 8 | (bytes[k + 2] & 0xff) << 16 | bytes[k + 3] << 24;
        }
    }

    private static void intsToLittleEndian(int[] ints, byte[] bytes, int offset) {
        for (int i = 0; i < ints.length; i++) {
            int k = offset + i * 4;
            int word = ints[i];
            bytes[k] = (byte) word;
            bytes[k + 1] = (byte) (word >>> 8);
            bytes[k + 2] = (byte) (word >>> 16);
            bytes[k + 3] = (byte) (word >>> 24);
        }
    }
}
