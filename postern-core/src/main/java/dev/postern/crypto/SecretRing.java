package dev.postern.crypto;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Every secret an instance knows: the current one, which signs and encrypts everything new, and the older
 * ones it still accepts, so a change of secret logs nobody out and leaves encrypted columns readable.
 * It follows better-auth's {@code secrets} / {@code BETTER_AUTH_SECRETS="2:secretB,1:secretA"}: versioned
 * secrets, the first current, plus an optional unversioned <em>legacy</em> secret (better-auth's
 * {@code secret}) that decrypts payloads written before versions were used. A ring made from a single
 * {@code secret} has only that legacy secret, and behaves exactly like that one secret.
 *
 * <p>Nothing here prints a secret: parse errors name the entry by position and {@link #toString} shows
 * versions only.
 */
public final class SecretRing {
    private final List<VersionedSecret> versions;
    private final Secret legacy;

    private SecretRing(List<VersionedSecret> versions, Secret legacy) {
        this.versions = List.copyOf(versions);
        this.legacy = legacy;
    }

    /** A ring of one unversioned secret: better-auth's plain {@code secret}. */
    public static SecretRing of(Secret secret) {
        return new SecretRing(List.of(), Objects.requireNonNull(secret, "secret"));
    }

    /**
     * A versioned ring, the first entry current, with the legacy secret (if any) kept for bare-hex payloads.
     *
     * @throws IllegalArgumentException when {@code versions} is empty or names a version twice
     */
    public static SecretRing versioned(List<VersionedSecret> versions, Optional<Secret> legacy) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("secrets: at least one <version>:<secret> entry is required");
        }
        Set<Integer> seen = new HashSet<>();
        for (VersionedSecret entry : versions) {
            if (!seen.add(entry.version())) {
                throw new IllegalArgumentException("secrets: version " + entry.version()
                        + " appears twice; each version must be unique");
            }
        }
        return new SecretRing(versions, legacy.orElse(null));
    }

    /**
     * Reads {@code "2:new,1:old"} (better-auth's {@code BETTER_AUTH_SECRETS}): comma-separated
     * {@code <version>:<secret>} entries, first current. Spaces around entries and values are ignored, as
     * better-auth ignores them; a secret may contain {@code :} but not {@code ,}. Stricter than
     * better-auth's {@code parseInt}, a version must be digits only, so {@code "2x:..."} is refused
     * rather than read as 2.
     *
     * @throws IllegalArgumentException naming the entry by position, never showing a secret
     */
    public static List<VersionedSecret> parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("secrets: must not be empty; expected \"<version>:<secret>,...\"");
        }
        String[] entries = spec.split(",", -1);
        List<VersionedSecret> parsed = new ArrayList<>(entries.length);
        for (int i = 0; i < entries.length; i++) {
            parsed.add(parseEntry(entries[i].strip(), i + 1));
        }
        return parsed;
    }

    private static VersionedSecret parseEntry(String entry, int position) {
        String where = "secrets: entry " + position;
        if (entry.isEmpty()) {
            throw new IllegalArgumentException(where + " is empty; expected \"<version>:<secret>\"");
        }
        int colon = entry.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(where + " has no ':'; expected \"<version>:<secret>\"");
        }
        String version = entry.substring(0, colon).strip();
        // The text before ':' is not echoed: with the parts swapped by mistake it would be the secret.
        if (!isDigits(version)) {
            throw new IllegalArgumentException(where + ": the version before ':' must be a non-negative whole number");
        }
        int number = parseVersion(version).orElseThrow(
                () -> new IllegalArgumentException(where + ": the version is too large"));
        String value = entry.substring(colon + 1).strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(where + " (version " + number + ") has an empty secret");
        }
        return VersionedSecret.of(number, value);
    }

    /** A version written in digits only, or empty for anything else (signs, spaces, more than an int holds). */
    static OptionalInt parseVersion(String digits) {
        if (!isDigits(digits)) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(digits));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static boolean isDigits(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The secret that signs and encrypts: the first versioned one, else the legacy one. */
    public Secret current() {
        return versions.isEmpty() ? legacy : versions.getFirst().secret();
    }

    /** The current version, which new envelopes carry; empty for a ring of one unversioned secret. */
    public OptionalInt currentVersion() {
        return versions.isEmpty() ? OptionalInt.empty() : OptionalInt.of(versions.getFirst().version());
    }

    /** Whether this ring has versions, so that encryption writes better-auth's {@code $ba$<version>$} envelope. */
    public boolean isVersioned() {
        return !versions.isEmpty();
    }

    /** The secret of {@code version}, if the ring still holds it. */
    public Optional<Secret> version(int version) {
        return versions.stream().filter(v -> v.version() == version).map(VersionedSecret::secret).findFirst();
    }

    /** The unversioned secret, for payloads written before versions were used. */
    public Optional<Secret> legacy() {
        return Optional.ofNullable(legacy);
    }

    /** The versioned entries, current first; empty for a ring of one unversioned secret. */
    public List<VersionedSecret> versions() {
        return versions;
    }

    /**
     * Every distinct secret, current first, then the older versions in the order given, then the legacy
     * one: the order in which signatures and tokens are checked, so the common case costs one MAC.
     */
    public List<Secret> all() {
        List<Secret> all = new ArrayList<>(versions.size() + 1);
        versions.forEach(v -> addIfNew(all, v.secret()));
        if (legacy != null) {
            addIfNew(all, legacy);
        }
        return List.copyOf(all);
    }

    private static void addIfNew(List<Secret> secrets, Secret secret) {
        if (!secrets.contains(secret)) {
            secrets.add(secret);
        }
    }

    /** The same ring with every secret replaced by {@code derive(secret)}, versions kept: purpose keys. */
    SecretRing map(UnaryOperator<Secret> derive) {
        List<VersionedSecret> derived = versions.stream()
                .map(v -> new VersionedSecret(v.version(), derive.apply(v.secret())))
                .toList();
        return new SecretRing(derived, legacy == null ? null : derive.apply(legacy));
    }

    @Override
    public String toString() {
        return "SecretRing[versions=" + versions.stream().map(VersionedSecret::version).toList()
                + ", legacy=" + (legacy != null) + "]";
    }
}
