package dev.postern.bench;

import dev.postern.crypto.CookieCacheStrategy;
import dev.postern.http.AuthRequest;
import dev.postern.http.AuthResponse;
import dev.postern.session.CookieCacheSettings;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code GET /api/auth/get-session} with a signed session cookie through {@code Postern.handle}, on
 * SQLite: read from the database (cookie cache off) and from the compact {@code session_data} cookie.
 * Baseline: {@code GET /api/auth/ok} through the same pipeline, i.e. routing, hooks and response writing
 * without any session work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SessionLookupBenchmark {
    private BenchPostern database;
    private BenchPostern cached;
    private AuthRequest ok;
    private AuthRequest fromDatabase;
    private AuthRequest fromCookieCache;

    @Setup
    public void setUp() {
        database = BenchPostern.withoutCookieCache();
        cached = BenchPostern.withCookieCache(CookieCacheSettings.enabled(CookieCacheStrategy.COMPACT));
        ok = BenchPostern.get("/api/auth/ok", null);
        fromDatabase = BenchPostern.get("/api/auth/get-session", database.sessionCookie());
        requireSession(database.postern().handle(fromDatabase), "get-session (database)");

        // The first get-session reads the database and sets session_data; later ones send it back.
        AuthRequest first = BenchPostern.get("/api/auth/get-session", cached.sessionCookie());
        AuthResponse response = requireSession(cached.postern().handle(first), "get-session (first)");
        String sessionData = setCookie(response.headers().all("Set-Cookie"), ".session_data=");
        fromCookieCache = BenchPostern.get("/api/auth/get-session", cached.sessionCookie() + "; " + sessionData);
        requireSession(cached.postern().handle(fromCookieCache), "get-session (cookie cache)");
    }

    @TearDown
    public void tearDown() {
        database.close();
        cached.close();
    }

    @Benchmark
    public AuthResponse baselineOk() {
        return database.postern().handle(ok);
    }

    @Benchmark
    public AuthResponse getSessionFromDatabase() {
        return database.postern().handle(fromDatabase);
    }

    @Benchmark
    public AuthResponse getSessionFromCookieCache() {
        return cached.postern().handle(fromCookieCache);
    }

    private static AuthResponse requireSession(AuthResponse response, String what) {
        BenchPostern.requireOk(response, what);
        if (!response.bodyText().contains("\"session\"")) {
            throw new IllegalStateException(what + " found no session: " + response.bodyText());
        }
        return response;
    }

    /** {@code name=value} of the Set-Cookie whose name ends with {@code suffix} (which includes the "="). */
    private static String setCookie(List<String> headers, String suffix) {
        for (String header : headers) {
            String pair = header.split(";", 2)[0];
            if (pair.contains(suffix)) {
                return pair;
            }
        }
        throw new IllegalStateException("no " + suffix + " cookie in " + headers);
    }
}
