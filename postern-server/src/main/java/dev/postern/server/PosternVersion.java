package dev.postern.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven built, for {@code --version} and {@code doctor}. */
public final class PosternVersion implements IVersionProvider {
    private static final String VERSION = load();

    /** {@code 0.1.0-SNAPSHOT}, or {@code unknown} when run from an unfiltered build. */
    public static String current() {
        return VERSION;
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "Postern " + VERSION,
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")"
        };
    }

    private static String load() {
        try (InputStream in = PosternVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "unknown");
            return version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
