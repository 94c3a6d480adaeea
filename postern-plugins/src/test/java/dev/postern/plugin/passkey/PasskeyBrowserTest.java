package dev.postern.plugin.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.support.HeadlessChromium;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Passkeys in a real headless Chromium with WebDriver's virtual authenticator (CTAP2, internal transport,
 * resident keys, user verification): a page on Postern's own origin ({@link PasskeyTestPage}) registers a
 * passkey with {@code navigator.credentials.create}, signs out, signs in with it through the discoverable
 * path (no {@code allowCredentials}), through conditional UI ({@code mediation: "conditional"}) and
 * through the listed path (signed in, {@code allowCredentials} set), renames and
 * deletes it, and then cannot sign in with it any more. {@code localhost} is a secure context, so WebAuthn
 * runs over plain HTTP; the relying party id is {@code localhost}.
 */
class PasskeyBrowserTest {
    private static final String EMAIL = "ada@example.com";

    @Test
    @Timeout(180)
    void registerSignOutSignInRenameAndDeleteInChromium() throws IOException {
        PasskeyOptions options = new PasskeyOptions("localhost", "Postern browser test", List.of(),
                PasskeyOptions.AuthenticatorSelection.NONE, null);
        try (TestPostern auth = TestPostern.builder()
                .database(TestDatabase.SQLITE)
                .plugins(new EmailPasswordPlugin(), new SessionPlugin(), new PasskeyPlugin(options), new PasskeyTestPage())
                // The page is served as http://localhost:<port>, the instance's base URL is 127.0.0.1.
                .configure(b -> b.trustedOrigins(List.of("http://localhost:*")))
                .start();
             HeadlessChromium chromium = HeadlessChromium.start()) {
            ChromeDriver browser = chromium.browser();
            browser.get(auth.authUrl().replace("://127.0.0.1:", "://localhost:") + PasskeyTestPage.PATH);
            VirtualAuthenticator authenticator = browser.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                    .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                    .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                    .setHasResidentKey(true)
                    .setHasUserVerification(true)
                    .setIsUserVerified(true));

            assertThat(call(browser, "signUp", EMAIL).get("status")).isEqualTo(200L);

            // Register: the authenticator keeps a discoverable credential, the server its row.
            Map<String, Object> registered = call(browser, "register", "My laptop");
            assertThat(registered.get("status")).as("%s", registered).isEqualTo(200L);
            Map<String, Object> passkey = body(registered);
            assertThat(passkey.get("name")).isEqualTo("My laptop");
            assertThat(passkey.get("transports")).isEqualTo("internal");
            List<Credential> credentials = authenticator.getCredentials();
            assertThat(credentials).hasSize(1);
            assertThat(credentials.get(0).isResidentCredential()).isTrue();
            String credentialId = Base64.getUrlEncoder().withoutPadding().encodeToString(credentials.get(0).getId());
            assertThat(passkey.get("credentialID")).isEqualTo(credentialId);
            // The stored key is the authenticator's own COSE bytes, as SimpleWebAuthn stores them.
            assertThat(passkey.get("publicKey")).isEqualTo(coseKeyOf((String) registered.get("authenticatorData")));

            // Sign out, then sign in with nothing but the passkey: no allowCredentials, so the browser
            // finds the discoverable credential itself.
            assertThat(call(browser, "signOut").get("status")).isEqualTo(200L);
            assertThat(call(browser, "session").get("body")).isNull();
            Map<String, Object> signedIn = call(browser, "signIn");
            assertThat(signedIn.get("status")).as("%s", signedIn).isEqualTo(200L);
            assertThat(signedIn.get("offeredCredentials")).isNull();
            assertThat(body(body(signedIn), "user").get("email")).isEqualTo(EMAIL);
            assertThat(body(body(call(browser, "session")), "user").get("email")).isEqualTo(EMAIL);
            long counterAfterFirst = Ceremonies.passkeyRow(auth, credentialId).number("counter");
            assertThat(counterAfterFirst).isEqualTo(authenticator.getCredentials().get(0).getSignCount());

            // Conditional UI: signed out, a get() with mediation "conditional" behind an input with
            // autocomplete="username webauthn" (what signIn.passkey({autoFill: true}) does).
            assertThat(call(browser, "signOut").get("status")).isEqualTo(200L);
            browser.findElement(By.id("username")).click();
            Map<String, Object> conditional = call(browser, "signIn", "conditional");
            assertThat(conditional.get("status")).as("%s", conditional).isEqualTo(200L);
            assertThat(conditional.get("offeredCredentials")).isNull();
            assertThat(body(body(conditional), "user").get("email")).isEqualTo(EMAIL);
            long counterAfterConditional = Ceremonies.passkeyRow(auth, credentialId).number("counter");
            assertThat(counterAfterConditional).isGreaterThan(counterAfterFirst);

            // Signed in, the options list the user's passkeys; signing in again counts up.
            Map<String, Object> again = call(browser, "signIn");
            assertThat(again.get("status")).as("%s", again).isEqualTo(200L);
            assertThat(again.get("offeredCredentials")).isEqualTo(1L);
            assertThat(Ceremonies.passkeyRow(auth, credentialId).number("counter")).isGreaterThan(counterAfterConditional);

            // List, rename, delete.
            List<?> listed = (List<?>) call(browser, "list").get("body");
            assertThat(listed).hasSize(1);
            String id = (String) passkey.get("id");
            Map<String, Object> renamed = call(browser, "rename", id, "Work laptop");
            assertThat(renamed.get("status")).isEqualTo(200L);
            assertThat(body(body(renamed), "passkey").get("name")).isEqualTo("Work laptop");
            Map<String, Object> deleted = call(browser, "remove", id);
            assertThat(body(deleted).get("status")).isEqualTo(true);
            assertThat((List<?>) call(browser, "list").get("body")).isEmpty();

            // The authenticator still holds the credential, but the server no longer knows it.
            call(browser, "signOut");
            Map<String, Object> refused = call(browser, "signIn");
            assertThat(refused.get("status")).isEqualTo(401L);
            assertThat(body(refused).get("code")).isEqualTo("PASSKEY_NOT_FOUND");
            assertThat(call(browser, "session").get("body")).isNull();
        }
    }

    /** Calls one of the page's async functions and waits for its {@code {status, body}}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> call(JavascriptExecutor browser, String function, Object... args) {
        Object result = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const args = Array.prototype.slice.call(arguments, 1, arguments.length - 1);
                window[arguments[0]](...args).then(done, e => done({error: String(e)}));
                """, Stream.concat(Stream.of(function), Arrays.stream(args)).toArray());
        assertThat(result).isInstanceOf(Map.class);
        Map<String, Object> map = (Map<String, Object>) result;
        assertThat(map).as("the page's %s threw", function).doesNotContainKey("error");
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Map<String, Object> response) {
        return (Map<String, Object>) response.get("body");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Map<String, Object> object, String key) {
        return (Map<String, Object>) object.get(key);
    }

    /** The COSE key in authenticator data with no extensions: everything after the credential id. */
    private static String coseKeyOf(String authenticatorData) {
        byte[] data = Base64.getUrlDecoder().decode(authenticatorData);
        int idLength = ((data[53] & 0xFF) << 8) | (data[54] & 0xFF);
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(data, 55 + idLength, data.length));
    }
}
