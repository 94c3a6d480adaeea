package dev.postern.plugin.twofactor;

import dev.postern.Postern;
import dev.postern.crypto.SymmetricEncryption;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.Hook;
import dev.postern.error.ErrorCode;
import dev.postern.plugin.Plugin;
import dev.postern.plugin.RateLimitRule;
import dev.postern.schema.SchemaContribution;
import dev.postern.validation.ObjectSchema;
import dev.postern.validation.Schemas;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * better-auth's {@code two-factor} plugin: TOTP (authenticator apps), one-time codes by e-mail or any
 * {@link OtpSender}, single-use backup codes, trusted devices and account lockout, with better-auth's
 * paths, bodies, cookies, tables and stored formats, so a database better-auth enrolled keeps working.
 *
 * <pre>{@code
 * PosternConfig.builder()...plugin(new TwoFactorPlugin(TwoFactorOptions.defaults()
 *         .withIssuer("My App")
 *         .withOtp(TwoFactorOptions.OtpOptions.defaults().withSender(OtpSender.email()))))
 * }</pre>
 *
 * <p>Endpoints: {@code POST /two-factor/enable}, {@code /disable}, {@code /get-totp-uri}, {@code /verify-totp},
 * {@code /send-otp}, {@code /verify-otp}, {@code /verify-backup-code}, {@code /generate-backup-codes}, and the
 * server-only {@code generateTOTP} and {@code viewBackupCodes} ({@code postern.api().call(...)}). A sign-in by
 * password ({@code /sign-in/email}, {@code /sign-in/username}, {@code /sign-in/phone-number}) of a user with
 * 2FA answers {@code {"twoFactorRedirect":true,"twoFactorMethods":[...]}} instead of a session
 * ({@link SignInHook}).
 */
public final class TwoFactorPlugin implements Plugin {
    public static final String ID = "two-factor";
    /** better-auth's sign-in paths the challenge applies to; matched by path, whichever plugin serves them. */
    static final Set<String> SIGN_IN_PATHS = Set.of("/sign-in/email", "/sign-in/username", "/sign-in/phone-number");

    private final TwoFactorOptions options;
    private final TrustedDevices trustedDevices;
    private final PasswordCheck passwordCheck;

    public TwoFactorPlugin() {
        this(TwoFactorOptions.defaults());
    }

    public TwoFactorPlugin(TwoFactorOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.trustedDevices = new TrustedDevices(options.trustDeviceMaxAge());
        this.passwordCheck = new PasswordCheck(options.allowPasswordless());
    }

    @Override
    public String id() {
        return ID;
    }

    public TwoFactorOptions options() {
        return options;
    }

    @Override
    public List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.addAll(new TwoFactorSetup(this).endpoints());
        endpoints.addAll(new TotpEndpoints(this).endpoints());
        endpoints.addAll(new OtpEndpoints(this).endpoints());
        endpoints.addAll(new BackupCodeEndpoints(this).endpoints());
        return endpoints;
    }

    @Override
    public List<Hook> afterHooks() {
        return List.of(Hook.onPaths(SIGN_IN_PATHS, new SignInHook(this)));
    }

    @Override
    public SchemaContribution schema() {
        return TwoFactorSchema.contribution();
    }

    @Override
    public List<RateLimitRule> rateLimitRules() {
        return List.of(new RateLimitRule("/two-factor/*", Duration.ofSeconds(10), 3));
    }

    @Override
    public List<ErrorCode> errorCodes() {
        return TwoFactorErrorCodes.all();
    }

    TrustedDevices trustedDevices() {
        return trustedDevices;
    }

    PasswordCheck passwordCheck() {
        return passwordCheck;
    }

    /** better-auth's {@code symmetricEncrypt} under the instance's secrets (no purpose key: 2FA values use the plain secret). */
    static SymmetricEncryption encryption(Postern postern) {
        return new SymmetricEncryption(postern.config().secrets());
    }

    TwoFactorRecords records(Postern postern) {
        return new TwoFactorRecords(postern.store());
    }

    AccountLockout lockout(Postern postern) {
        return new AccountLockout(options.accountLockout(), postern.config().clock());
    }

    BackupCodes backupCodes(Postern postern) {
        return new BackupCodes(options.backupCodes(), encryption(postern));
    }

    OtpCodes otpCodes(Postern postern) {
        return new OtpCodes(options.otp(), encryption(postern));
    }

    /** A body with {@code password}: required, as better-auth's schema says, unless {@code allowPasswordless}. */
    ObjectSchema passwordBody() {
        return options.allowPasswordless()
                ? Schemas.object().optional("password", Schemas.string())
                : Schemas.object().required("password", Schemas.string());
    }

    /** The issuer for otpauth URIs: the request's, else the option, else the application name. */
    String issuer(Postern postern, String requested) {
        if (requested != null && !requested.isEmpty()) {
            return requested;
        }
        return options.issuer() != null && !options.issuer().isEmpty() ? options.issuer() : postern.config().appName();
    }
}
