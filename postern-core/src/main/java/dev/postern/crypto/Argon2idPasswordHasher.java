package dev.postern.crypto;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, unpadded standard base64), for deployments that
 * prefer it to better-auth's scrypt. better-auth cannot verify these; {@link Passwords} reads both.
 */
public final class Argon2idPasswordHasher implements PasswordHasher {
    private static final String PREFIX = "$argon2id$";
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,9}),t=(\\d{1,9}),p=(\\d{1,9})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /** Accepted stored lengths: RFC 9106 recommends 16-byte salts and tags of at least 16 bytes. */
    private static final int MIN_BYTES = 8;
    private static final int MAX_BYTES = 64;

    private final Argon2idParameters parameters;

    public Argon2idPasswordHasher(Argon2idParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    /** With {@link Argon2idParameters#OWASP}. */
    public Argon2idPasswordHasher() {
        this(Argon2idParameters.OWASP);
    }

    @Override
    public String hash(String password) {
        byte[] salt = Ids.bytes(SALT_BYTES);
        byte[] hash = derive(PasswordBytes.of(password), salt, parameters, HASH_BYTES);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "v=19$" + parameters.phc() + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    @Override
    public boolean verify(String hash, String password) {
        return parse(hash)
                .map(stored -> MessageDigest.isEqual(stored.hash(),
                        derive(PasswordBytes.of(password), stored.salt(), stored.parameters(), stored.hash().length)))
                .orElse(false);
    }

    @Override
    public boolean recognizes(String hash) {
        return hash.startsWith(PREFIX);
    }

    /** True for another algorithm, unreadable parameters, or parameters that differ from the configured ones. */
    @Override
    public boolean needsRehash(String hash) {
        return parse(hash).map(stored -> !stored.parameters().equals(parameters)).orElse(true);
    }

    /**
     * Computes the raw Argon2id tag (version 0x13); RFC 9106's secret and associated data are not used for
     * passwords, and are exposed here only for the RFC's test vector.
     */
    static byte[] derive(byte[] password, byte[] salt, Argon2idParameters p, int length, byte[] secret, byte[] ad) {
        Argon2Parameters.Builder builder = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(p.memoryKiB())
                .withIterations(p.iterations())
                .withParallelism(p.parallelism())
                .withSalt(salt);
        if (secret != null) {
            builder.withSecret(secret);
        }
        if (ad != null) {
            builder.withAdditional(ad);
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(builder.build());
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }

    private static byte[] derive(byte[] password, byte[] salt, Argon2idParameters p, int length) {
        return derive(password, salt, p, length, null, null);
    }

    private record Stored(Argon2idParameters parameters, byte[] salt, byte[] hash) {
    }

    private static Optional<Stored> parse(String hash) {
        Matcher m = PHC.matcher(hash);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Argon2idParameters parameters = new Argon2idParameters(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            byte[] salt = Base64.getDecoder().decode(m.group(4));
            byte[] tag = Base64.getDecoder().decode(m.group(5));
            if (salt.length < MIN_BYTES || salt.length > MAX_BYTES || tag.length < MIN_BYTES || tag.length > MAX_BYTES) {
                return Optional.empty();
            }
            return Optional.of(new Stored(parameters, salt, tag));
        } catch (IllegalArgumentException e) {
            // Out-of-bounds parameters or bad base64: not a hash we are willing to compute.
            return Optional.empty();
        }
    }
}
