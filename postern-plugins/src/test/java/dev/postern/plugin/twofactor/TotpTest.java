package dev.postern.plugin.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TOTP (RFC 6238), base32 (RFC 4648) and the otpauth URI as better-auth writes it (wire reference §13). */
class TotpTest {
    /** RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890". */
    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T = {0} s")
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void rfc6238AppendixBSha1Vectors(long unixSeconds, String expected) {
        Totp totp = new Totp(RFC_SEED, 8, 30);

        assertThat(totp.at(Instant.ofEpochSecond(unixSeconds))).isEqualTo(expected);
        assertThat(totp.verify(expected, Instant.ofEpochSecond(unixSeconds))).isTrue();
    }

    @Test
    void rfc4226AppendixDHotpValuesInSixDigits() {
        Totp totp = new Totp(RFC_SEED, 6, 30);
        String[] expected = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"};

        for (int counter = 0; counter < expected.length; counter++) {
            assertThat(totp.hotp(counter)).as("counter %d", counter).isEqualTo(expected[counter]);
        }
    }

    @Test
    void verificationAcceptsOneStepEitherSideAndNoMore() {
        Totp totp = new Totp(RFC_SEED, 6, 30);
        Instant now = Instant.ofEpochSecond(1_700_000_000L);

        assertThat(totp.verify(totp.at(now.minusSeconds(30)), now)).isTrue();
        assertThat(totp.verify(totp.at(now.plusSeconds(30)), now)).isTrue();
        assertThat(totp.verify(totp.at(now.minusSeconds(60)), now)).isFalse();
        assertThat(totp.verify(totp.at(now.plusSeconds(60)), now)).isFalse();
        assertThat(totp.verify("", now)).isFalse();
        assertThat(totp.verify(null, now)).isFalse();
    }

    @Test
    void theKeyIsTheUtf8BytesOfTheSecretUnlessImportedAsBase32() {
        assertThat(Totp.keyOf("abcDEF-_0123456789abcdef01234567")).isEqualTo(
                "abcDEF-_0123456789abcdef01234567".getBytes(StandardCharsets.UTF_8));
        assertThat(Totp.keyOf("base32:gezdgnbvgy3tqojqgezdgnbvgy3tqojq")).isEqualTo(RFC_SEED);
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648Vectors() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Base32.encode("fooba".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTB");
        assertThat(Base32.encode("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
        assertThat(Base32.decode("MZXW6YQ=")).isEqualTo("foob".getBytes(StandardCharsets.US_ASCII));
        assertThat(Base32.decode(Base32.encode(RFC_SEED))).isEqualTo(RFC_SEED);
    }

    @Test
    void otpauthUriIsWrittenAsBetterAuthWritesIt() {
        String uri = OtpAuthUri.of("4tyK3VNuoeAbcdefghijklmnopqrstuv".getBytes(StandardCharsets.UTF_8), "Better Auth",
                "a@example.com", 6, 30);

        // What @better-auth/utils 1.7.25 createOTP(secret).url("Better Auth", "a@example.com") returns.
        assertThat(uri).isEqualTo("otpauth://totp/Better%20Auth:a%40example.com"
                + "?secret=GR2HSSZTKZHHK33FIFRGGZDFMZTWQ2LKNNWG23TPOBYXE43UOV3A&issuer=Better+Auth&digits=6&period=30");
    }
}
