package dev.postern.plugin.emailotp;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.Hook;
import dev.postern.error.ErrorCode;
import dev.postern.plugin.Plugin;
import dev.postern.plugin.RateLimitRule;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-time codes by e-mail: better-auth's {@code email-otp} plugin, for sign-in, address verification,
 * password reset and change of address, with its paths, bodies, error codes and {@code verification} rows.
 *
 * <pre>{@code
 * PosternConfig.builder()...plugin(new EmailOtpPlugin(EmailOtpOptions.builder()
 *         .overrideDefaultEmailVerification(true).build()))
 * }</pre>
 *
 * <p>Endpoints: {@code POST /email-otp/send-verification-otp}, {@code /email-otp/check-verification-otp},
 * {@code /email-otp/verify-email}, {@code /sign-in/email-otp}, {@code /email-otp/request-password-reset},
 * {@code /forget-password/email-otp}, {@code /email-otp/reset-password}, {@code /email-otp/request-email-change},
 * {@code /email-otp/change-email}, and the server-only {@code createVerificationOTP} and
 * {@code getVerificationOTP}.
 */
public final class EmailOtpPlugin implements Plugin {
    public static final String ID = "email-otp";
    private static final Logger LOG = LoggerFactory.getLogger(EmailOtpPlugin.class);
    private static final List<String> LIMITED_PATHS = List.of("/email-otp/send-verification-otp",
            "/email-otp/check-verification-otp", "/email-otp/verify-email", "/sign-in/email-otp",
            "/email-otp/request-password-reset", "/email-otp/reset-password", "/forget-password/email-otp",
            "/email-otp/request-email-change", "/email-otp/change-email");

    private final EmailOtpOptions options;
    private final OtpCodes codes;

    public EmailOtpPlugin() {
        this(EmailOtpOptions.defaults());
    }

    public EmailOtpPlugin(EmailOtpOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.codes = new OtpCodes(options);
    }

    @Override
    public String id() {
        return ID;
    }

    public EmailOtpOptions options() {
        return options;
    }

    @Override
    public List<Endpoint> endpoints() {
        OtpRequests requests = new OtpRequests(options, codes);
        OtpEmailVerification verification = new OtpEmailVerification(codes);
        OtpEmailChange change = new OtpEmailChange(options, codes);
        return List.of(
                requests.sendEndpoint(),
                requests.createEndpoint(),
                requests.getEndpoint(),
                verification.checkEndpoint(),
                verification.verifyEndpoint(),
                new OtpSignIn(options, codes).endpoint(),
                requests.requestPasswordResetEndpoint(),
                requests.forgetPasswordEndpoint(),
                new OtpPasswordReset(codes).endpoint(),
                change.requestEndpoint(),
                change.changeEndpoint());
    }

    /** {@code sendVerificationOnSignUp}: a code after every sign-up, unless codes replace the link anyway. */
    @Override
    public List<Hook> afterHooks() {
        if (!options.sendVerificationOnSignUp() || options.overrideDefaultEmailVerification()) {
            return List.of();
        }
        return List.of(Hook.onPathPrefix("/sign-up", this::sendAfterSignUp));
    }

    /**
     * {@code overrideDefaultEmailVerification}: wherever the email-password flows would mail a verification
     * link (sign-up, sign-in of an unverified user, {@code /send-verification-email}), an
     * {@code email-verification} code is mailed instead.
     */
    @Override
    public void init(Postern postern) {
        if (options.overrideDefaultEmailVerification()) {
            postern.plugin(EmailPasswordPlugin.class).ifPresent(plugin -> plugin.replaceVerificationMail(
                    (instance, user) -> {
                        // better-auth runs its send-verification-otp action here, resend strategy included.
                        String email = user.string("email");
                        codes.send(instance, email, codes.resolve(instance, email, OtpCodes.EMAIL_VERIFICATION),
                                OtpCodes.EMAIL_VERIFICATION);
                    }));
        }
    }

    @Override
    public List<RateLimitRule> rateLimitRules() {
        return LIMITED_PATHS.stream()
                .map(path -> new RateLimitRule(path, options.rateLimitWindow(), options.rateLimitMax()))
                .toList();
    }

    @Override
    public List<ErrorCode> errorCodes() {
        return EmailOtpErrorCodes.all();
    }

    private Object sendAfterSignUp(EndpointContext ctx) {
        if (ctx.returned() instanceof Map<?, ?> body && body.get("user") instanceof Map<?, ?> user
                && user.get("email") instanceof String email) {
            try {
                sendVerificationCode(ctx.postern(), email);
            } catch (RuntimeException e) {
                // The account exists now; as with the verification link, a failed send is not a failed sign-up.
                LOG.warn("The verification code after sign-up failed ({}); the sign-up itself succeeded",
                        e.getClass().getSimpleName());
            }
        }
        return null;
    }

    private void sendVerificationCode(Postern postern, String email) {
        String otp = codes.issue(postern, OtpCodes.identifier(OtpCodes.EMAIL_VERIFICATION, email), email,
                OtpCodes.EMAIL_VERIFICATION);
        codes.send(postern, email, otp, OtpCodes.EMAIL_VERIFICATION);
    }
}
