package dev.postern.crypto;

/**
 * Cost parameters of {@link Argon2idPasswordHasher}. {@link #OWASP} is the OWASP Password Storage Cheat
 * Sheet's minimum configuration (19 MiB, 2 passes, 1 lane). Bounds keep a stored hash with absurd
 * parameters from being used to exhaust memory or CPU when it is verified.
 *
 * @param memoryKiB  memory cost {@code m} in KiB
 * @param iterations time cost {@code t}
 * @param parallelism lanes {@code p}
 */
public record Argon2idParameters(int memoryKiB, int iterations, int parallelism) {
    public static final Argon2idParameters OWASP = new Argon2idParameters(19_456, 2, 1);

    /** 256 MiB: above any sensible interactive setting. */
    public static final int MAX_MEMORY_KIB = 262_144;
    public static final int MAX_ITERATIONS = 32;
    public static final int MAX_PARALLELISM = 16;

    public Argon2idParameters {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be 1.." + MAX_PARALLELISM + ", was " + parallelism);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be 1.." + MAX_ITERATIONS + ", was " + iterations);
        }
        // Argon2 needs at least 8 KiB per lane.
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException(
                    "memoryKiB must be " + 8 * parallelism + ".." + MAX_MEMORY_KIB + ", was " + memoryKiB);
        }
    }

    /** The PHC parameter segment, {@code m=19456,t=2,p=1}. */
    String phc() {
        return "m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism;
    }
}
