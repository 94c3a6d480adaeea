package dev.postern.server;

import dev.postern.endpoint.Endpoint;
import dev.postern.plugin.Plugin;
import dev.postern.plugin.PluginFactory;
import dev.postern.schema.Field;
import dev.postern.schema.FieldType;
import dev.postern.schema.SchemaContribution;
import java.util.List;
import java.util.Map;

/**
 * Plugins installed only for the server's tests (listed in the test class path's
 * {@code META-INF/services}): one with a slow endpoint, for graceful shutdown, and one that adds a
 * {@code role} field to users, as better-auth's admin plugin does.
 */
public final class TestPlugins {
    public static final long SLOW_MILLIS = 500;
    /** A permit per slow request that has reached its handler: tests wait for it before stopping. */
    public static final java.util.concurrent.Semaphore SLOW_STARTED = new java.util.concurrent.Semaphore(0);

    private TestPlugins() {
    }

    /** {@code test-slow}: {@code GET /test/slow} answers after {@link #SLOW_MILLIS}. */
    public static final class Slow implements PluginFactory {
        @Override
        public String id() {
            return "test-slow";
        }

        @Override
        public Plugin create(Map<String, Object> options) {
            Endpoint slow = Endpoint.get("/test/slow").name("testSlow").handler(ctx -> {
                SLOW_STARTED.release();
                try {
                    Thread.sleep(SLOW_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Map.of("slow", true);
            }).build();
            return new Plugin() {
                @Override
                public String id() {
                    return "test-slow";
                }

                @Override
                public List<Endpoint> endpoints() {
                    return List.of(slow);
                }
            };
        }
    }

    /** {@code test-role}: adds {@code user.role}; refuses an option {@code fail: true}. */
    public static final class Role implements PluginFactory {
        @Override
        public String id() {
            return "test-role";
        }

        @Override
        public Plugin create(Map<String, Object> options) {
            if (Boolean.TRUE.equals(options.get("fail"))) {
                throw new IllegalArgumentException("fail: this plugin was told to refuse its options");
            }
            return new Plugin() {
                @Override
                public String id() {
                    return "test-role";
                }

                @Override
                public SchemaContribution schema() {
                    return SchemaContribution.fields("user", Field.of("role", FieldType.STRING).optional());
                }
            };
        }
    }
}
