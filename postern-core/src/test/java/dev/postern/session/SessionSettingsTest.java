package dev.postern.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.crypto.CookieCacheStrategy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** better-auth's session and cookie defaults (wire reference §6, §5.1), and settings that cannot work. */
class SessionSettingsTest {

    @Test
    void defaultsAreBetterAuths() {
        SessionSettings settings = SessionSettings.defaults();

        assertThat(settings.expiresIn()).isEqualTo(Duration.ofSeconds(604800));
        assertThat(settings.updateAge()).isEqualTo(Duration.ofSeconds(86400));
        assertThat(settings.freshAge()).isEqualTo(Duration.ofSeconds(86400));
        assertThat(settings.disableRefresh()).isFalse();
        assertThat(settings.deferRefresh()).isFalse();
        assertThat(settings.cookieCache()).isEqualTo(
                new CookieCacheSettings(false, Duration.ofSeconds(300), CookieCacheStrategy.COMPACT, "1"));
        assertThat(CookieSettings.defaults()).isEqualTo(new CookieSettings("better-auth", null, null, "Lax", false));
    }

    @Test
    void expiresInBeyondFourHundredDaysIsRefusedAsBrowsersCapCookies() {
        assertThatThrownBy(() -> SessionSettings.builder().expiresIn(Duration.ofDays(401)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("session.expiresIn");
    }

    @Test
    void negativeDurationsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> SessionSettings.builder().updateAge(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("session.updateAge");
        assertThatThrownBy(() -> CookieCacheSettings.disabled().withMaxAge(Duration.ZERO))
                .hasMessageContaining("cookieCache.maxAge");
    }

    @Test
    void cookieSettingsRefuseUnusableValues() {
        assertThatThrownBy(() -> CookieSettings.defaults().withPrefix("my app")).hasMessageContaining("cookies.prefix");
        assertThatThrownBy(() -> CookieSettings.defaults().withSameSite("loose")).hasMessageContaining("cookies.sameSite");
    }

    @Test
    void toBuilderKeepsEverySetting() {
        SessionSettings settings = SessionSettings.builder().expiresIn(Duration.ofDays(30)).deferRefresh(true)
                .cookieCache(CookieCacheSettings.enabled(CookieCacheStrategy.JWE)).build();

        assertThat(settings.toBuilder().build()).isEqualTo(settings);
    }
}
