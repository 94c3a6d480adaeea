package dev.postern.plugin.customsession;

import dev.postern.endpoint.EndpointContext;
import java.util.Map;

/**
 * Shapes the {@code get-session} answer, as the function given to better-auth's {@code customSession(fn)}:
 * it receives {@code {session, user}} (plain maps, {@code returned:false} fields already left out) and
 * returns what the client gets instead, typically the same with extra fields (roles, a profile).
 */
@FunctionalInterface
public interface CustomSessionFunction {
    Object apply(Map<String, Object> sessionAndUser, EndpointContext ctx);
}
