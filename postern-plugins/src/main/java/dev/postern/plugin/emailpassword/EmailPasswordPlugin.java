package dev.postern.plugin.emailpassword;

import dev.postern.Postern;
import dev.postern.PosternConfig;
import dev.postern.crypto.Argon2idPasswordHasher;
import dev.postern.crypto.Passwords;
import dev.postern.crypto.ScryptPasswordHasher;
import dev.postern.endpoint.Endpoint;
import dev.postern.error.ErrorCode;
import dev.postern.mail.MailKind;
import dev.postern.plugin.Plugin;
import dev.postern.store.Row;
import java.util.List;
import java.util.Objects;

/**
 * Sign-up and sign-in with an e-mail address and a password, password reset, e-mail verification and
 * password changes: better-auth's {@code emailAndPassword} and {@code emailVerification} features, with
 * the same paths, bodies, responses and error codes.
 *
 * <pre>{@code
 * PosternConfig.builder()...plugin(new EmailPasswordPlugin(EmailPasswordOptions.builder()
 *         .requireEmailVerification(true)
 *         .build()))
 * }</pre>
 *
 * <p>Endpoints: {@code POST /sign-up/email}, {@code POST /sign-in/email}, {@code POST /request-password-reset},
 * {@code GET /reset-password/:token}, {@code POST /reset-password}, {@code POST /send-verification-email},
 * {@code GET /verify-email}, {@code POST /change-password}, {@code POST /verify-password}, and the
 * server-only {@code setPassword} ({@code postern.api().call("setPassword", ...)}).
 */
public final class EmailPasswordPlugin implements Plugin {
    public static final String ID = "email-password";

    private final EmailPasswordOptions options;
    private final Passwords passwords;
    private final PasswordRules passwordRules;
    private volatile VerificationMailer verificationMailer;

    public EmailPasswordPlugin() {
        this(EmailPasswordOptions.defaults());
    }

    public EmailPasswordPlugin(EmailPasswordOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.passwords = Passwords.builder()
                .hashNewPasswordsWith(switch (options.passwordHashing()) {
                    case SCRYPT -> new ScryptPasswordHasher();
                    case ARGON2ID -> new Argon2idPasswordHasher();
                })
                .build();
        this.passwordRules = new PasswordRules(options.minPasswordLength(), options.maxPasswordLength());
    }

    @Override
    public String id() {
        return ID;
    }

    public EmailPasswordOptions options() {
        return options;
    }

    /** Hashes and verifies passwords for every feature that checks one (delete-user, two-factor, admin). */
    public Passwords passwords() {
        return passwords;
    }

    public PasswordRules passwordRules() {
        return passwordRules;
    }

    /** Issues and reads e-mail verification tokens of an instance with this plugin's lifetime. */
    public EmailVerificationTokens verificationTokens(PosternConfig config) {
        return new EmailVerificationTokens(config, options.emailVerification().expiresIn());
    }

    /**
     * Sends what proves a user's current address instead of the verification link, on sign-up, on sign-in
     * and from {@code /send-verification-email}: better-auth's {@code emailVerification.sendVerificationEmail}
     * as another plugin replaces it (email-otp's {@code overrideDefaultEmailVerification} mails a code).
     * Call it from {@link Plugin#init}, before the instance serves.
     */
    public void replaceVerificationMail(VerificationMailer mailer) {
        this.verificationMailer = Objects.requireNonNull(mailer, "mailer");
    }

    /** Sends the e-mail that verifies {@code user}'s current address: the replacement if any, else a link. */
    void mailVerification(Postern postern, Row user, String callbackUrl) {
        VerificationMailer replacement = verificationMailer;
        if (replacement != null) {
            replacement.send(postern, user);
            return;
        }
        EmailVerificationTokens tokens = verificationTokens(postern.config());
        String url = tokens.link(tokens.forAddress(user.string("email"), user.id()), callbackUrl);
        AuthMails.send(postern.config(), MailKind.VERIFY_EMAIL, user.string("email"),
                AuthMails.variables(url, user.string("name"), user.string("email"), null));
    }

    /** What {@link #replaceVerificationMail} installs; a failure thrown here fails the request that sends. */
    @FunctionalInterface
    public interface VerificationMailer {
        void send(Postern postern, Row user);
    }

    @Override
    public List<Endpoint> endpoints() {
        PasswordReset reset = new PasswordReset(this);
        EmailVerification verification = new EmailVerification(this);
        PasswordChanges changes = new PasswordChanges(this);
        return List.of(
                new SignUp(this).endpoint(),
                new SignIn(this).endpoint(),
                reset.requestEndpoint(),
                reset.callbackEndpoint(),
                reset.resetEndpoint(),
                verification.sendEndpoint(),
                verification.verifyEndpoint(),
                changes.changePasswordEndpoint(),
                changes.setPasswordEndpoint(),
                changes.verifyPasswordEndpoint());
    }

    @Override
    public List<ErrorCode> errorCodes() {
        return EmailPasswordErrorCodes.all();
    }
}
