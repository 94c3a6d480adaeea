package dev.postern.plugin.openapi;

import dev.postern.http.AuthResponse;
import dev.postern.http.Headers;
import dev.postern.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The interactive reference: Swagger UI, served from its web jar on the classpath so the page works
 * offline and behind firewalls (no CDN). Only the files the page uses are served, by exact name, so the
 * asset route cannot be walked to any other resource.
 */
final class ReferencePage {
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");
    private static final String VERSION = webjarVersion();
    private static final Map<String, byte[]> LOADED = new ConcurrentHashMap<>();

    private ReferencePage() {
    }

    /** The page, pointed at the document and its own asset route, both absolute paths. */
    static AuthResponse html(String title, String schemaUrl, String assetsUrl) {
        String assets = escapeHtml(assetsUrl);
        String page = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%s</title>
                  <link rel="stylesheet" href="%s/swagger-ui.css">
                  <link rel="icon" type="image/png" href="%s/favicon-32x32.png" sizes="32x32">
                </head>
                <body>
                  <div id="swagger-ui"></div>
                  <script src="%s/swagger-ui-bundle.js"></script>
                  <script>
                    window.ui = SwaggerUIBundle({
                      url: %s,
                      dom_id: "#swagger-ui",
                      deepLinking: true,
                      docExpansion: "none",
                      validatorUrl: null,
                      withCredentials: true
                    });
                  </script>
                </body>
                </html>
                """.formatted(escapeHtml(title), assets, assets, assets, scriptString(schemaUrl));
        AuthResponse response = AuthResponse.html(200, page);
        return new AuthResponse(200, "", response.headers().toBuilder()
                .set("Cache-Control", "no-cache").set("X-Content-Type-Options", "nosniff").build(), response.body());
    }

    /** One of Swagger UI's files, or empty for any other name. */
    static Optional<AuthResponse> asset(String name) {
        String contentType = ASSETS.get(name);
        if (contentType == null) {
            return Optional.empty();
        }
        byte[] bytes = LOADED.computeIfAbsent(name, ReferencePage::load);
        return Optional.of(new AuthResponse(200, "", Headers.of("Content-Type", contentType,
                "Cache-Control", "public, max-age=86400", "X-Content-Type-Options", "nosniff"), bytes));
    }

    private static byte[] load(String name) {
        try (InputStream in = resource(WEBJAR + VERSION + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Swagger UI " + VERSION + " has no " + name + " on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Read from the jar itself, so upgrading the web jar in the pom needs no code change. */
    private static String webjarVersion() {
        try (InputStream in = resource("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("open-api: the org.webjars:swagger-ui jar is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        return ReferencePage.class.getClassLoader().getResourceAsStream(path);
    }

    /** A JSON string is a JS string literal; {@code </} is broken up so it cannot close the script. */
    private static String scriptString(String value) {
        return Json.write(value).replace("</", "<\\/");
    }

    private static String escapeHtml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
