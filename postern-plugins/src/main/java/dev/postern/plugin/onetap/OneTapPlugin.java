package dev.postern.plugin.onetap;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.plugin.Plugin;
import java.util.List;
import java.util.Objects;

/**
 * Google One Tap sign-in: better-auth's {@code oneTap} plugin. The browser gets an ID token from Google's
 * One Tap prompt and posts it to {@code /one-tap/callback}; Postern verifies it against Google's keys and
 * signs the user in or up, storing a {@code google} account as better-auth's social sign-in does.
 */
public final class OneTapPlugin implements Plugin {
    public static final String ID = "one-tap";

    private final OneTapOptions options;
    private volatile GoogleIdTokens idTokens;

    public OneTapPlugin(OneTapOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String id() {
        return ID;
    }

    public OneTapOptions options() {
        return options;
    }

    @Override
    public void init(Postern postern) {
        idTokens = new GoogleIdTokens(options.jwksUrl(), options.clientId(), postern.config().clock());
    }

    GoogleIdTokens idTokens() {
        GoogleIdTokens verifier = idTokens;
        if (verifier == null) {
            throw new IllegalStateException("one-tap plugin used before init");
        }
        return verifier;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(new OneTapCallback(this).endpoint());
    }
}
