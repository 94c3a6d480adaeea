package dev.postern.plugin.social;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Options of the {@code social} plugin, named as better-auth names them: {@code socialProviders} (built-in
 * and generic), {@code account.accountLinking}, {@code account.encryptOAuthTokens},
 * {@code account.updateAccountOnSignIn}, {@code account.storeStateStrategy} and
 * {@code account.skipStateCookieCheck}.
 *
 * @param providers the providers users can sign in with
 * @param linking the implicit and explicit account-linking rules
 * @param encryptOAuthTokens store provider access and refresh tokens encrypted (better-auth's envelope)
 * @param updateAccountOnSignIn refresh an account's stored tokens at every sign-in (true)
 * @param storeStateStrategy where the flow's state lives between the redirects
 * @param skipStateCookieCheck accept a callback without the signed {@code state} cookie (false)
 */
public record SocialOptions(List<SocialProvider> providers, AccountLinking linking, boolean encryptOAuthTokens,
        boolean updateAccountOnSignIn, StateStrategy storeStateStrategy, boolean skipStateCookieCheck) {
    public SocialOptions {
        providers = List.copyOf(providers);
        linking = Objects.requireNonNullElse(linking, AccountLinking.defaults());
        storeStateStrategy = Objects.requireNonNullElse(storeStateStrategy, StateStrategy.DATABASE);
    }

    /** better-auth's {@code account.storeStateStrategy}. */
    public enum StateStrategy { DATABASE, COOKIE }

    /**
     * better-auth's {@code account.accountLinking}.
     *
     * @param enabled allow linking at all (true)
     * @param trustedProviders providers whose e-mail addresses are trusted even when they do not say verified
     * @param disableImplicitLinking never link a new provider account to an existing user at sign-in
     * @param requireLocalEmailVerified link implicitly only to users who verified their address (true)
     * @param allowDifferentEmails let {@code /link-social} link an account with another address
     * @param updateUserInfoOnLink copy the linked provider's name and image onto the user
     */
    public record AccountLinking(boolean enabled, Set<String> trustedProviders, boolean disableImplicitLinking,
            boolean requireLocalEmailVerified, boolean allowDifferentEmails, boolean updateUserInfoOnLink) {
        public AccountLinking {
            trustedProviders = trustedProviders == null ? Set.of() : Set.copyOf(trustedProviders);
        }

        public static AccountLinking defaults() {
            return new AccountLinking(true, Set.of(), false, true, false, false);
        }

        public AccountLinking withTrustedProviders(Set<String> ids) {
            return new AccountLinking(enabled, ids, disableImplicitLinking, requireLocalEmailVerified,
                    allowDifferentEmails, updateUserInfoOnLink);
        }

        public AccountLinking withDisableImplicitLinking(boolean value) {
            return new AccountLinking(enabled, trustedProviders, value, requireLocalEmailVerified,
                    allowDifferentEmails, updateUserInfoOnLink);
        }

        public AccountLinking withAllowDifferentEmails(boolean value) {
            return new AccountLinking(enabled, trustedProviders, disableImplicitLinking, requireLocalEmailVerified,
                    value, updateUserInfoOnLink);
        }
    }

    public static SocialOptions of(List<SocialProvider> providers) {
        return new SocialOptions(providers, AccountLinking.defaults(), false, true, StateStrategy.DATABASE, false);
    }

    public SocialOptions withLinking(AccountLinking value) {
        return new SocialOptions(providers, value, encryptOAuthTokens, updateAccountOnSignIn, storeStateStrategy,
                skipStateCookieCheck);
    }

    public SocialOptions withEncryptOAuthTokens(boolean value) {
        return new SocialOptions(providers, linking, value, updateAccountOnSignIn, storeStateStrategy,
                skipStateCookieCheck);
    }

    public SocialOptions withStoreStateStrategy(StateStrategy value) {
        return new SocialOptions(providers, linking, encryptOAuthTokens, updateAccountOnSignIn, value,
                skipStateCookieCheck);
    }
}
