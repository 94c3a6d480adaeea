package dev.postern.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server's logging set-up, applied to a fresh Logback context of its own. */
class ConsoleLoggingTest {
    private final LoggerContext context = new LoggerContext();

    @AfterEach
    void clearLevelProperty() {
        System.clearProperty("POSTERN_LOG_LEVEL");
        context.stop();
    }

    @Test
    void posternAtInfoLibrariesAtWarnOnStandardErrorInOneLinePerEvent() {
        assertThat(configure()).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("com.zaxxer.hikari.pool.HikariPool").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.eclipse.jetty.server.Server").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("dev.postern.jdbc.migration.Migrator").getEffectiveLevel()).isEqualTo(Level.WARN);
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) root.getAppender("console");
        assertThat(console.isStarted()).isTrue();
        assertThat(console.getTarget()).isEqualTo("System.err");

        Logger logger = context.getLogger("dev.postern.server.StandaloneServer");
        ch.qos.logback.classic.spi.LoggingEvent event = new ch.qos.logback.classic.spi.LoggingEvent(
                Logger.FQCN, logger, Level.INFO, "Postern ready at {}", null, new Object[] {"http://localhost:3000"});
        String line = new String(((PatternLayoutEncoder) console.getEncoder()).encode(event), StandardCharsets.UTF_8);
        assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  StandaloneServer - Postern ready at "
                + "http://localhost:3000\\R");
    }

    @Test
    void levelFromPosternLogLevel() {
        System.setProperty("POSTERN_LOG_LEVEL", "WARN");

        configure();

        assertThat(context.getLogger("dev.postern.server.StandaloneServer").isInfoEnabled()).isFalse();
        assertThat(context.getLogger("dev.postern.server.StandaloneServer").isWarnEnabled()).isTrue();
    }

    private ExecutionStatus configure() {
        ConsoleLogging logging = new ConsoleLogging();
        logging.setContext(context);
        return logging.configure(context);
    }
}
