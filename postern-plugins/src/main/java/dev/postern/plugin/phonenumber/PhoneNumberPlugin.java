package dev.postern.plugin.phonenumber;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.Hook;
import dev.postern.error.ErrorCode;
import dev.postern.http.Status;
import dev.postern.plugin.Plugin;
import dev.postern.plugin.RateLimitRule;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.schema.CoreSchema;
import dev.postern.schema.Field;
import dev.postern.schema.FieldType;
import dev.postern.schema.SchemaContribution;
import dev.postern.store.DatabaseHooks;
import dev.postern.store.Row;
import dev.postern.store.Where;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in with a phone number and password, phone verification by SMS code (optionally signing up the
 * number's owner) and password reset by SMS: better-auth's {@code phoneNumber} plugin, same paths,
 * bodies, errors, user fields ({@code phoneNumber} unique, {@code phoneNumberVerified}) and stored codes.
 *
 * <p>Endpoints: {@code POST /sign-in/phone-number}, {@code POST /phone-number/send-otp},
 * {@code POST /phone-number/verify}, {@code POST /phone-number/request-password-reset},
 * {@code POST /phone-number/reset-password}, and the server-only {@code consumePhoneNumberOTP}. A number becomes a user's only by verifying it: a sign-up or
 * {@code /update-user} that sets one is refused, and an update that does not also mark it verified drops it.
 * Passwords are hashed and length-checked by the {@code email-password} plugin's rules when it is enabled,
 * by better-auth's defaults otherwise.
 */
public final class PhoneNumberPlugin implements Plugin {
    public static final String ID = "phone-number";
    static final String PHONE_NUMBER = "phoneNumber";
    static final String PHONE_NUMBER_VERIFIED = "phoneNumberVerified";
    private static final Logger LOG = LoggerFactory.getLogger(PhoneNumberPlugin.class);

    private final PhoneNumberOptions options;
    private volatile EmailPasswordPlugin passwordRulesSource;

    public PhoneNumberPlugin(PhoneNumberOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String id() {
        return ID;
    }

    public PhoneNumberOptions options() {
        return options;
    }

    @Override
    public void init(Postern postern) {
        passwordRulesSource = postern.plugin(EmailPasswordPlugin.class).orElseGet(EmailPasswordPlugin::new);
    }

    /** The email-password plugin whose hasher, length rules and reset settings apply here too. */
    EmailPasswordPlugin passwordSettings() {
        EmailPasswordPlugin source = passwordRulesSource;
        if (source == null) {
            throw new IllegalStateException("phone-number plugin used before init");
        }
        return source;
    }

    @Override
    public List<Endpoint> endpoints() {
        PhoneVerification verification = new PhoneVerification(this);
        PhonePasswordReset reset = new PhonePasswordReset(this);
        return List.of(new PhoneSignIn(this).endpoint(), verification.sendEndpoint(), verification.verifyEndpoint(),
                verification.consumeEndpoint(),
                reset.requestEndpoint(), reset.resetEndpoint());
    }

    @Override
    public SchemaContribution schema() {
        return SchemaContribution.fields(CoreSchema.USER,
                Field.of(PHONE_NUMBER, FieldType.STRING).optional().unique().sortable(),
                Field.of(PHONE_NUMBER_VERIFIED, FieldType.BOOLEAN).optional().noInput());
    }

    @Override
    public DatabaseHooks databaseHooks() {
        return DatabaseHooks.create()
                .beforeCreate(CoreSchema.USER, PhoneNumberPlugin::onlyVerifiedNumbersOnCreate)
                .beforeUpdate(CoreSchema.USER, PhoneNumberPlugin::onlyVerifiedNumbersOnUpdate);
    }

    /** better-auth refuses a {@code phoneNumber} in {@code /update-user}: numbers change by verification only. */
    @Override
    public List<Hook> beforeHooks() {
        return List.of(Hook.onPaths(Set.of("/update-user"), ctx -> {
            if (ctx.body() != null && ctx.body().has(PHONE_NUMBER) && !ctx.body().get(PHONE_NUMBER).isNull()) {
                throw PhoneNumberErrorCodes.PHONE_NUMBER_CANNOT_BE_UPDATED.toException(Status.BAD_REQUEST);
            }
            return null;
        }));
    }

    @Override
    public List<RateLimitRule> rateLimitRules() {
        return List.of(new RateLimitRule("/phone-number*", Duration.ofSeconds(60), 10));
    }

    @Override
    public List<ErrorCode> errorCodes() {
        return PhoneNumberErrorCodes.all();
    }

    PhoneOtps otps(Postern postern) {
        return new PhoneOtps(options, postern.config().clock());
    }

    Optional<Row> userByPhoneNumber(Postern postern, String phoneNumber) {
        return postern.store().findOne(CoreSchema.USER, Where.eq(PHONE_NUMBER, phoneNumber));
    }

    /** Sends {@code template} with the code filled in; a refusal becomes a 400, a provider failure a 502. */
    void deliver(String phoneNumber, String template, String code) {
        if (options.sms() == null) {
            throw PhoneNumberErrorCodes.SEND_OTP_NOT_IMPLEMENTED.toException(Status.NOT_IMPLEMENTED);
        }
        try {
            options.sms().send(phoneNumber, template.replace("{code}", code));
        } catch (SmsDeliveryException failed) {
            LOG.warn("SMS not delivered: {}", failed.getMessage());
            throw failed.recipientRejected()
                    ? PhoneNumberErrorCodes.INVALID_PHONE_NUMBER.toException(Status.BAD_REQUEST)
                    : PhoneNumberErrorCodes.SMS_DELIVERY_FAILED.toException(Status.BAD_GATEWAY);
        }
    }

    /**
     * better-auth's create hook: a new user may carry a number only if it is verified (set by
     * {@code /phone-number/verify}); one given in any other way is refused.
     */
    private static Map<String, Object> onlyVerifiedNumbersOnCreate(Map<String, Object> data) {
        if (data.get(PHONE_NUMBER) == null || Boolean.TRUE.equals(data.get(PHONE_NUMBER_VERIFIED))) {
            return data;
        }
        throw PhoneNumberErrorCodes.PHONE_NUMBER_CANNOT_BE_SET.toException(Status.BAD_REQUEST);
    }

    /** better-auth's update hook: clearing a number clears its verification; an unverified new number is dropped. */
    private static Map<String, Object> onlyVerifiedNumbersOnUpdate(Map<String, Object> data) {
        if (data.containsKey(PHONE_NUMBER) && data.get(PHONE_NUMBER) == null) {
            Map<String, Object> changed = new LinkedHashMap<>(data);
            changed.put(PHONE_NUMBER_VERIFIED, false);
            return changed;
        }
        if (data.get(PHONE_NUMBER) == null || Boolean.TRUE.equals(data.get(PHONE_NUMBER_VERIFIED))) {
            return data;
        }
        Map<String, Object> changed = new LinkedHashMap<>(data);
        changed.remove(PHONE_NUMBER);
        return changed;
    }
}
