package dev.postern.plugin.anonymous;

import dev.postern.endpoint.EndpointContext;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Options of the {@code anonymous} plugin, named as better-auth's {@code anonymous({...})} names them.
 *
 * @param emailDomainName domain of the made-up addresses ({@code temp-<id>@<domain>}); null for
 *     better-auth 1.7.25's {@code <id>@anonymous.placeholder.invalid}
 * @param generateName the new user's name; null for {@code "Anonymous"}
 * @param generateRandomEmail the new user's address, checked to be one; null for the above
 * @param onLinkAccount called when an anonymous user signs in or up for real; null for nothing
 * @param disableDeleteAnonymousUser keep the anonymous user after linking, and refuse
 *     {@code /delete-anonymous-user}
 */
public record AnonymousOptions(
        String emailDomainName,
        Function<EndpointContext, String> generateName,
        Supplier<String> generateRandomEmail,
        Consumer<AnonymousLink> onLinkAccount,
        boolean disableDeleteAnonymousUser) {

    public static AnonymousOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder; everything is optional. */
    public static final class Builder {
        private String emailDomainName;
        private Function<EndpointContext, String> generateName;
        private Supplier<String> generateRandomEmail;
        private Consumer<AnonymousLink> onLinkAccount;
        private boolean disableDeleteAnonymousUser;

        private Builder() {
        }

        public Builder emailDomainName(String value) {
            this.emailDomainName = value;
            return this;
        }

        public Builder generateName(Function<EndpointContext, String> value) {
            this.generateName = value;
            return this;
        }

        public Builder generateRandomEmail(Supplier<String> value) {
            this.generateRandomEmail = value;
            return this;
        }

        public Builder onLinkAccount(Consumer<AnonymousLink> value) {
            this.onLinkAccount = value;
            return this;
        }

        public Builder disableDeleteAnonymousUser(boolean value) {
            this.disableDeleteAnonymousUser = value;
            return this;
        }

        public AnonymousOptions build() {
            return new AnonymousOptions(emailDomainName, generateName, generateRandomEmail, onLinkAccount,
                    disableDeleteAnonymousUser);
        }
    }
}
