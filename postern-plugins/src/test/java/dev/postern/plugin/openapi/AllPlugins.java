package dev.postern.plugin.openapi;

import dev.postern.plugin.admin.AdminPlugin;
import dev.postern.plugin.anonymous.AnonymousPlugin;
import dev.postern.plugin.apikey.ApiKeyPlugin;
import dev.postern.plugin.emailotp.EmailOtpPlugin;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.jwt.JwtPlugin;
import dev.postern.plugin.lastloginmethod.LastLoginMethodPlugin;
import dev.postern.plugin.magiclink.MagicLinkPlugin;
import dev.postern.plugin.multisession.MultiSessionPlugin;
import dev.postern.plugin.onetap.OneTapOptions;
import dev.postern.plugin.onetap.OneTapPlugin;
import dev.postern.plugin.onetimetoken.OneTimeTokenPlugin;
import dev.postern.plugin.organization.OrganizationOptions;
import dev.postern.plugin.organization.OrganizationPlugin;
import dev.postern.plugin.passkey.PasskeyPlugin;
import dev.postern.plugin.phonenumber.LoggingSmsSender;
import dev.postern.plugin.phonenumber.PhoneNumberOptions;
import dev.postern.plugin.phonenumber.PhoneNumberPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.social.SocialPlugin;
import dev.postern.plugin.twofactor.TwoFactorPlugin;
import dev.postern.plugin.user.UserPlugin;
import dev.postern.plugin.username.UsernamePlugin;
import dev.postern.plugin.Plugin;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;

/** An instance with every plugin this module ships, so the document is checked against all their routes. */
final class AllPlugins {
    private AllPlugins() {
    }

    static TestPostern start() {
        return start(TestDatabase.SQLITE);
    }

    static TestPostern start(TestDatabase database) {
        return TestPostern.builder().database(database).plugins(plugins().toArray(Plugin[]::new)).start();
    }

    private static java.util.List<Plugin> plugins() {
        return java.util.List.of(new SessionPlugin(),
                        new EmailPasswordPlugin(),
                        new UserPlugin(),
                        new OpenApiPlugin(),
                        new PhoneNumberPlugin(PhoneNumberOptions.withSender(new LoggingSmsSender())),
                        new OneTapPlugin(OneTapOptions.forClient("client-id")),
                        new MagicLinkPlugin(),
                        new EmailOtpPlugin(),
                        new PasskeyPlugin(),
                        new UsernamePlugin(),
                        new AnonymousPlugin(),
                        new MultiSessionPlugin(),
                        new OneTimeTokenPlugin(),
                        new LastLoginMethodPlugin(),
                        new JwtPlugin(),
                        new ApiKeyPlugin(),
                        new TwoFactorPlugin(),
                        new AdminPlugin(),
                        new SocialPlugin(),
                        new OrganizationPlugin(OrganizationOptions.builder()
                                .teams(OrganizationOptions.Teams.on())
                                .dynamicAccessControl(new OrganizationOptions.DynamicAccessControl(true, null))
                                .build()));
    }
}
