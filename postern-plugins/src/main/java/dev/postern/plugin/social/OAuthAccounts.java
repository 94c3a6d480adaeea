package dev.postern.plugin.social;

import dev.postern.Postern;
import dev.postern.crypto.SymmetricEncryption;
import dev.postern.schema.CoreSchema;
import dev.postern.store.Row;
import dev.postern.store.Where;
import dev.postern.user.UserService;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a provider's user into a Postern user and account with better-auth's rules
 * ({@code handleOAuthUserInfo} and {@code linkOAuthAccount}): a known provider account signs its owner in,
 * a user with the same address is linked only when the provider is trusted or verified the address and the
 * local address is verified (unless linking is off), anyone else is signed up unless sign-up is disabled.
 * Provider tokens are stored through {@link #seal}, encrypted when {@code encryptOAuthTokens} is on.
 */
final class OAuthAccounts {
    private static final Pattern HEX = Pattern.compile("^[0-9a-fA-F]+$");

    private final SocialOptions options;

    OAuthAccounts(SocialOptions options) {
        this.options = options;
    }

    /** The outcome of a sign-in: the user and whether it was just created, or better-auth's error text. */
    record SignIn(Row user, boolean isRegister, String error) {
        static SignIn failed(String error) {
            return new SignIn(null, false, error);
        }
    }

    /** A token as stored: encrypted with better-auth's envelope when {@code encryptOAuthTokens} is on. */
    String seal(Postern postern, String token) {
        if (token == null || !options.encryptOAuthTokens()) {
            return token;
        }
        return new SymmetricEncryption(postern.config().secrets()).encrypt(token);
    }

    /** A stored token in clear: better-auth's {@code decryptOAuthToken} (values that do not look encrypted pass). */
    String open(Postern postern, String stored) {
        if (stored == null || stored.isEmpty() || !options.encryptOAuthTokens()) {
            return stored;
        }
        boolean looksEncrypted = stored.startsWith("$ba$") || (stored.length() % 2 == 0 && HEX.matcher(stored).matches());
        if (!looksEncrypted) {
            return stored;
        }
        return new SymmetricEncryption(postern.config().secrets()).decrypt(stored)
                .orElseThrow(() -> new OAuthException("stored token does not decrypt"));
    }

    Optional<Row> findAccount(Postern postern, String providerId, String accountId) {
        return postern.store().findOne(CoreSchema.ACCOUNT, Where.eq("providerId", providerId).andEq("accountId", accountId));
    }

    /** better-auth's {@code handleOAuthUserInfo} for a sign-in (not a link). */
    SignIn signIn(Postern postern, SocialProvider provider, ProviderProfile profile, OAuthTokens tokens,
            boolean disableSignUp, boolean overrideUserInfo) {
        String email = UserService.normalizeEmail(profile.email());
        Optional<Row> account = findAccount(postern, provider.id(), profile.accountId());
        Row user;
        Row linked = null;
        if (account.isPresent()) {
            Optional<Row> owner = postern.users().findById(account.get().string("userId"));
            if (owner.isEmpty()) {
                return SignIn.failed("unable to link account");
            }
            user = owner.get();
            linked = account.get();
        } else {
            user = postern.users().findByEmail(email).orElse(null);
            if (user != null) {
                linked = postern.accounts().listFor(user.id()).stream()
                        .filter(a -> provider.id().equals(a.string("providerId"))
                                && profile.accountId().equals(a.string("accountId")))
                        .findFirst().orElse(null);
            }
        }
        if (user == null) {
            return signUp(postern, provider, profile, tokens, email, disableSignUp);
        }
        if (linked == null) {
            SocialOptions.AccountLinking linking = options.linking();
            boolean trusted = linking.trustedProviders().contains(provider.id());
            if ((!trusted && !profile.emailVerified())
                    || (linking.requireLocalEmailVerified() && !Boolean.TRUE.equals(user.bool("emailVerified")))
                    || !linking.enabled() || linking.disableImplicitLinking()) {
                return SignIn.failed("account not linked");
            }
            Map<String, Object> data = accountData(postern, provider.id(), profile.accountId(), tokens);
            data.put("userId", user.id());
            data.put("scope", scope(tokens));
            postern.accounts().create(data);
            user = markVerified(postern, user, profile, email);
            if (linking.updateUserInfoOnLink()) {
                user = updateProfile(postern, user, profile);
            }
        } else {
            if (options.updateAccountOnSignIn()) {
                // The scope is left alone: better-auth updates it only through link-social.
                Map<String, Object> fresh = accountData(postern, provider.id(), profile.accountId(), tokens);
                fresh.remove("accountId");
                fresh.values().removeIf(v -> v == null);
                fresh.put("updatedAt", now(postern));
                postern.store().update(CoreSchema.ACCOUNT, Where.eq("id", linked.id()), fresh);
            }
            user = markVerified(postern, user, profile, email);
        }
        if (overrideUserInfo) {
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("name", profile.name());
            changes.put("image", profile.image());
            changes.put("email", email);
            changes.put("emailVerified", email.equals(user.string("email"))
                    ? Boolean.TRUE.equals(user.bool("emailVerified")) || profile.emailVerified() : profile.emailVerified());
            changes.values().removeIf(v -> v == null);
            user = postern.users().update(user.id(), changes).orElse(user);
        }
        return new SignIn(user, false, null);
    }

    private SignIn signUp(Postern postern, SocialProvider provider, ProviderProfile profile, OAuthTokens tokens,
            String email, boolean disableSignUp) {
        if (disableSignUp) {
            return SignIn.failed("signup disabled");
        }
        try {
            Row created = postern.store().transaction(tx -> {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("name", profile.name() == null ? "" : profile.name());
                data.put("image", profile.image());
                data.put("email", email);
                data.put("emailVerified", profile.emailVerified());
                Row user = postern.users().in(tx).create(data);
                Map<String, Object> account = accountData(postern, provider.id(), profile.accountId(), tokens);
                account.put("userId", user.id());
                account.put("scope", scope(tokens));
                postern.accounts().in(tx).create(account);
                return user;
            });
            return new SignIn(created, true, null);
        } catch (RuntimeException e) {
            return SignIn.failed("unable to create user");
        }
    }

    /**
     * better-auth's {@code linkOAuthAccount}: links the provider account to the user who started
     * {@code /link-social}, or answers the {@code ?error=} code of why not.
     */
    Optional<String> link(Postern postern, SocialProvider provider, ProviderProfile profile, OAuthTokens tokens,
            String userId, String linkEmail) {
        SocialOptions.AccountLinking linking = options.linking();
        if ((!linking.trustedProviders().contains(provider.id()) && !profile.emailVerified()) || !linking.enabled()) {
            return Optional.of("unable_to_link_account");
        }
        String email = profile.email() == null ? null : profile.email().toLowerCase(java.util.Locale.ROOT);
        if (!linkEmail.toLowerCase(java.util.Locale.ROOT).equals(email) && !linking.allowDifferentEmails()) {
            return Optional.of("email_does_not_match");
        }
        Optional<Row> existing = findAccount(postern, provider.id(), profile.accountId());
        if (existing.isPresent()) {
            if (!existing.get().string("userId").equals(userId)) {
                return Optional.of("account_already_linked_to_different_user");
            }
            Map<String, Object> update = accountData(postern, provider.id(), profile.accountId(), tokens);
            update.remove("accountId");
            String merged = mergeScopes(existing.get().string("scope"), tokens.scopes());
            update.put("scope", merged.isEmpty() ? null : merged);
            update.values().removeIf(v -> v == null);
            update.put("updatedAt", now(postern));
            postern.store().update(CoreSchema.ACCOUNT, Where.eq("id", existing.get().id()), update);
        } else {
            Map<String, Object> data = accountData(postern, provider.id(), profile.accountId(), tokens);
            data.put("userId", userId);
            data.put("scope", scope(tokens));
            try {
                postern.accounts().create(data);
            } catch (RuntimeException e) {
                return Optional.of("unable_to_link_account");
            }
        }
        if (linking.updateUserInfoOnLink()) {
            postern.users().findById(userId).ifPresent(u -> updateProfile(postern, u, profile));
        }
        return Optional.empty();
    }

    Map<String, Object> accountData(Postern postern, String providerId, String accountId, OAuthTokens tokens) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("providerId", providerId);
        data.put("accountId", accountId);
        data.put("accessToken", seal(postern, tokens.accessToken()));
        data.put("refreshToken", seal(postern, tokens.refreshToken()));
        data.put("idToken", tokens.idToken());
        data.put("accessTokenExpiresAt", millis(tokens.accessTokenExpiresAt()));
        data.put("refreshTokenExpiresAt", millis(tokens.refreshTokenExpiresAt()));
        return data;
    }

    private static String scope(OAuthTokens tokens) {
        return tokens.scopes().isEmpty() ? null : String.join(",", tokens.scopes());
    }

    /** better-auth's {@code mergeScopes}: the stored comma list plus new scopes, each once, in order. */
    static String mergeScopes(String stored, List<String> incoming) {
        Set<String> all = new LinkedHashSet<>();
        if (stored != null) {
            Arrays.stream(stored.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(all::add);
        }
        incoming.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(all::add);
        return String.join(",", all);
    }

    private static Row markVerified(Postern postern, Row user, ProviderProfile profile, String email) {
        if (profile.emailVerified() && !Boolean.TRUE.equals(user.bool("emailVerified")) && email.equals(user.string("email"))) {
            return postern.users().update(user.id(), Map.of("emailVerified", true)).orElse(user);
        }
        return user;
    }

    private static Row updateProfile(Postern postern, Row user, ProviderProfile profile) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("name", profile.name());
        changes.put("image", profile.image());
        changes.values().removeIf(v -> v == null);
        return changes.isEmpty() ? user : postern.users().update(user.id(), changes).orElse(user);
    }

    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static Instant now(Postern postern) {
        return postern.config().clock().instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
