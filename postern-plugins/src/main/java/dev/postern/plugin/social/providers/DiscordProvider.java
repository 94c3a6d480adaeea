package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.OAuthTokens;
import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.math.BigInteger;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Discord, as better-auth's {@code discord()}: scopes {@code identify email}, {@code prompt=none}, no PKCE,
 * the user from {@code /users/@me}; the name is the global name, else the username; the image is the
 * avatar on Discord's CDN ({@code .gif} for animated {@code a_} hashes), or the default avatar picked from
 * the id (new usernames) or the discriminator (legacy ones).
 */
public final class DiscordProvider extends StandardProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints("https://discord.com/api/oauth2/authorize",
            "https://discord.com/api/oauth2/token", "https://discord.com/api/users/@me", null, null);

    public DiscordProvider(ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
    }

    @Override
    public String id() {
        return "discord";
    }

    @Override
    public String name() {
        return "Discord";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("identify", "email");
    }

    @Override
    protected boolean pkce() {
        return false;
    }

    @Override
    protected Map<String, String> authorizationParams() {
        return Map.of("prompt", "none");
    }

    @Override
    public Optional<ProviderProfile> userInfo(OAuthTokens tokens, String expectedNonce, String userJson) {
        if (tokens.accessToken() == null) {
            return Optional.empty();
        }
        Map<String, Object> profile = new LinkedHashMap<>(getJson(endpoints.userInfo(), tokens.accessToken()));
        String id = ProviderProfile.text(profile, "id");
        if (id == null) {
            return Optional.empty();
        }
        String avatar = ProviderProfile.text(profile, "avatar");
        String image;
        if (avatar == null) {
            String discriminator = ProviderProfile.text(profile, "discriminator");
            int number = discriminator == null || discriminator.equals("0")
                    ? new BigInteger(id).shiftRight(22).mod(BigInteger.valueOf(6)).intValue()
                    : Integer.parseInt(discriminator) % 5;
            image = "https://cdn.discordapp.com/embed/avatars/" + number + ".png";
        } else {
            image = "https://cdn.discordapp.com/avatars/" + id + "/" + avatar + "." + (avatar.startsWith("a_") ? "gif" : "png");
        }
        profile.put("image_url", image);
        String name = ProviderProfile.text(profile, "global_name");
        if (name == null || name.isEmpty()) {
            name = ProviderProfile.text(profile, "username");
        }
        return Optional.of(new ProviderProfile(id, ProviderProfile.text(profile, "email"),
                ProviderProfile.truthy(profile.get("verified")), name == null ? "" : name, image, profile));
    }
}
