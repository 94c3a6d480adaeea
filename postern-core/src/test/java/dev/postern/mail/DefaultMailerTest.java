package dev.postern.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.NoStore;
import dev.postern.PosternConfig;
import org.junit.jupiter.api.Test;

class DefaultMailerTest {
    private static PosternConfig.Builder config() {
        return PosternConfig.builder().secret("a-test-secret-that-is-long-enough-0123456789").database(NoStore.PROVIDER);
    }

    @Test
    void withoutAMailerDevelopmentLogsWholeMessagesSoLinksCanBeClicked() {
        assertThat(config().build().mailer()).isInstanceOfSatisfying(LoggingMailer.class,
                m -> assertThat(m.includesBodies()).isTrue());
    }

    @Test
    void withoutAMailerProductionNeverLogsBodiesBecauseTheirLinksAreCredentials() {
        assertThat(config().production(true).build().mailer()).isInstanceOfSatisfying(LoggingMailer.class,
                m -> assertThat(m.includesBodies()).isFalse());
    }

    @Test
    void aConfiguredMailerIsKeptInEveryMode() {
        Mailer mine = message -> { };

        assertThat(config().production(true).mailer(mine).build().mailer()).isSameAs(mine);
    }
}
