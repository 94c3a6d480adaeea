package dev.postern.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.http.Cookie;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CookieChunksTest {
    private static final Cookie TEMPLATE = Cookie.of("better-auth.session_data", "").withMaxAge(Duration.ofSeconds(300));
    /** 4050 minus {@code better-auth.session_data.99=; Max-Age=300; Path=/; HttpOnly; SameSite=Lax}. */
    private static final int CHUNK_SIZE = 4050 - "better-auth.session_data.99=; Max-Age=300; Path=/; HttpOnly; SameSite=Lax".length();

    @Test
    void valueThatFitsStaysOneCookieUnderItsOwnName() {
        Cookie cookie = TEMPLATE.withValue("x".repeat(CHUNK_SIZE));
        assertThat(CookieChunks.split(cookie)).contains(List.of(cookie));
    }

    @Test
    void largerValueIsCutIntoNumberedChunksSizedAgainstTheNameWithSuffix99() {
        String value = "a".repeat(CHUNK_SIZE) + "b".repeat(CHUNK_SIZE) + "c";
        List<Cookie> chunks = CookieChunks.split(TEMPLATE.withValue(value)).orElseThrow();
        assertThat(chunks).extracting(Cookie::name)
                .containsExactly("better-auth.session_data.0", "better-auth.session_data.1", "better-auth.session_data.2");
        assertThat(chunks).extracting(Cookie::value).containsExactly("a".repeat(CHUNK_SIZE), "b".repeat(CHUNK_SIZE), "c");
        assertThat(chunks).allSatisfy(c -> assertThat(c.maxAge()).hasSeconds(300));
        assertThat(chunks.get(0).toHeader().length()).isLessThanOrEqualTo(4050);
    }

    @Test
    void moreThanOneHundredChunksMeansTheCacheIsNotStored() {
        assertThat(CookieChunks.split(TEMPLATE.withValue("x".repeat(CHUNK_SIZE * 100)))).isPresent();
        assertThat(CookieChunks.split(TEMPLATE.withValue("x".repeat(CHUNK_SIZE * 100 + 1)))).isEmpty();
    }

    @Test
    void joinConcatenatesChunksInNumericOrderOfTheirSuffix() {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (int i = 11; i >= 0; i--) {
            cookies.put("better-auth.session_data." + i, Integer.toString(i, 16));
        }
        cookies.put("better-auth.session_data.01", "ignored: not canonical");
        cookies.put("better-auth.session_data.x", "ignored: not a number");
        cookies.put("other", "ignored");
        assertThat(CookieChunks.join("better-auth.session_data", cookies)).contains("0123456789ab");
    }

    @Test
    void joinPrefersTheUnsuffixedCookieAndDecodesPercentEscapes() {
        assertThat(CookieChunks.join("n", Map.of("n", "a%20b", "n.0", "chunk"))).contains("a b");
        assertThat(CookieChunks.join("n", Map.of("n", "", "n.0", "chunk"))).contains("chunk");
        assertThat(CookieChunks.join("n", Map.of("m", "x"))).isEmpty();
    }

    @Test
    void splitThenJoinGivesBackTheValue() {
        String value = "v".repeat(CHUNK_SIZE * 3 + 17);
        Map<String, String> cookies = new LinkedHashMap<>();
        CookieChunks.split(TEMPLATE.withValue(value)).orElseThrow().forEach(c -> cookies.put(c.name(), c.value()));
        assertThat(CookieChunks.join(TEMPLATE.name(), cookies)).contains(value);
    }

    @Test
    void replaceExpiresEveryChunkTheRequestCarriedThenSetsTheNewOnes() {
        List<Cookie> out = CookieChunks.replace(TEMPLATE.withValue("small"),
                List.of("better-auth.session_data.0", "better-auth.session_data.1", "unrelated", "better-auth.session_data"));
        assertThat(out).extracting(Cookie::name)
                .containsExactly("better-auth.session_data.0", "better-auth.session_data.1", "better-auth.session_data");
        assertThat(out.get(0).maxAge()).isZero();
        assertThat(out.get(1).maxAge()).isZero();
        assertThat(out.get(2).value()).isEqualTo("small");
    }
}
