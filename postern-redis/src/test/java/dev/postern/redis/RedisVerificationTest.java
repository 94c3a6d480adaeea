package dev.postern.redis;

import dev.postern.testkit.LocalRedis;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.postern.json.Json;
import dev.postern.plugin.CorePlugins;
import dev.postern.ratelimit.RateLimitSettings;
import dev.postern.schema.CoreSchema;
import dev.postern.smtp.SmtpMailer;
import dev.postern.smtp.SmtpSettings;
import dev.postern.store.Row;
import dev.postern.store.Where;
import dev.postern.testkit.FreePort;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Verification values in Redis under better-auth's {@code verification:<identifier>} keys (wire reference
 * §6): written there instead of the table, expiring with the value, redeemed exactly once.
 */
class RedisVerificationTest {
    private static final Pattern RESET_TOKEN = Pattern.compile("/reset-password/([A-Za-z0-9]+)");

    @Test
    void aValueIsStoredAsJsonWithItsExpiryAndConsumedOnce() {
        LocalRedis.assumeAvailable();
        try (RedisSecondaryStorage redis = new RedisSecondaryStorage(LocalRedis.URL);
             TestPostern auth = TestPostern.builder().configure(b -> b.secondaryStorage(redis)).start()) {
            String identifier = "test-value:" + dev.postern.crypto.Ids.generate();
            var verifications = auth.postern().verifications();

            Row created = verifications.create(identifier, "the-value", Duration.ofMinutes(5));
            JsonNode stored = Json.parse(redis.get("verification:" + identifier).orElseThrow());

            assertThat(stored.get("identifier").asString()).isEqualTo(identifier);
            assertThat(stored.get("value").asString()).isEqualTo("the-value");
            assertThat(stored.get("id").asString()).isEqualTo(created.id());
            assertThat(verifications.find(identifier).map(r -> r.string("value"))).contains("the-value");
            assertThat(verifications.find(identifier).map(r -> r.instant("expiresAt"))).contains(created.instant("expiresAt"));
            assertThat(auth.postern().store().count(CoreSchema.VERIFICATION, Where.eq("identifier", identifier))).isZero();
            assertThat(verifications.consume(identifier).map(r -> r.string("value"))).contains("the-value");
            assertThat(verifications.consume(identifier)).isEmpty();
            assertThat(redis.get("verification:" + identifier)).isEmpty();
        }
    }

    @Test
    void aPasswordResetTokenLivesInRedisAndWorksOnce() throws Exception {
        LocalRedis.assumeAvailable();
        GreenMail smtp = new GreenMail(new ServerSetup(FreePort.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        SmtpMailer mailer = new SmtpMailer(new SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(), null, null,
                "Postern <no-reply@example.com>", SmtpSettings.Security.NONE, Duration.ofSeconds(5)));
        try (RedisSecondaryStorage redis = new RedisSecondaryStorage(LocalRedis.URL);
             TestPostern auth = TestPostern.builder()
                     .configure(b -> b.plugins(CorePlugins.defaults()).secondaryStorage(redis).mailer(mailer)
                             .rateLimit(RateLimitSettings.disabled()))
                     .start()) {
            String email = "reset-" + dev.postern.crypto.Ids.random(8, "abcdefghijklmnopqrstuvwxyz") + "@example.com";
            TestClient browser = auth.client();
            browser.postJson("/sign-up/email", Map.of("email", email, "password", "correct horse battery", "name", "Ada"))
                    .assertStatus(200);

            browser.postJson("/request-password-reset", Map.of("email", email, "redirectTo", "/reset")).assertStatus(200);
            assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
            MimeMessage[] received = smtp.getReceivedMessages();
            Object content = received[received.length - 1].getContent();
            String text = content instanceof jakarta.mail.internet.MimeMultipart parts
                    ? String.valueOf(parts.getBodyPart(0).getContent()) : String.valueOf(content);
            Matcher link = RESET_TOKEN.matcher(text);
            assertThat(link.find()).isTrue();
            String token = link.group(1);

            assertThat(redis.get("verification:reset-password:" + token)).isPresent();
            auth.client().postJson("/reset-password", Map.of("newPassword", "a brand new password", "token", token))
                    .assertStatus(200);
            auth.client().postJson("/reset-password", Map.of("newPassword", "yet another password", "token", token))
                    .assertError(400, "INVALID_TOKEN");
            assertThat(redis.get("verification:reset-password:" + token)).isEmpty();
            auth.client().postJson("/sign-in/email", Map.of("email", email, "password", "a brand new password"))
                    .assertStatus(200);
        } finally {
            smtp.stop();
        }
    }
}
