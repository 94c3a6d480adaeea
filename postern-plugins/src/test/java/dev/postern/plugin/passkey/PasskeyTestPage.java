package dev.postern.plugin.passkey;

import dev.postern.endpoint.Endpoint;
import dev.postern.http.AuthResponse;
import dev.postern.plugin.Plugin;
import java.util.List;

/**
 * A test-only page on Postern's own origin, {@code GET /passkey-test/page}: plain JavaScript that runs the
 * passkey ceremonies with {@code navigator.credentials.create/get} and {@code fetch}, converting between
 * base64url and ArrayBuffers as SimpleWebAuthn's browser library does. The browser test calls its
 * functions; each resolves to {@code {status, body}} of the last request it made.
 */
final class PasskeyTestPage implements Plugin {
    static final String PATH = "/passkey-test/page";

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>passkey test</title></head>
            <body>
            <input id="username" autocomplete="username webauthn">
            <script>
            const BASE = location.pathname.slice(0, -'%s'.length);
            const enc = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)))
                .replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
            const dec = (text) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')
                + '==='.slice((text.length + 3) %% 4)), c => c.charCodeAt(0));
            async function api(path, method, body) {
              const response = await fetch(BASE + path, {method: method || 'GET', credentials: 'include',
                headers: body === undefined ? {} : {'content-type': 'application/json'},
                body: body === undefined ? undefined : JSON.stringify(body)});
              const text = await response.text();
              return {status: response.status, body: text ? JSON.parse(text) : null};
            }
            window.signUp = (email) => api('/sign-up/email', 'POST', {email, password: 'correct horse battery', name: 'Ada'});
            window.signOut = () => api('/sign-out', 'POST', {});
            window.session = () => api('/get-session');
            window.list = () => api('/passkey/list-user-passkeys');
            window.rename = (id, name) => api('/passkey/update-passkey', 'POST', {id, name});
            window.remove = (id) => api('/passkey/delete-passkey', 'POST', {id});
            window.register = async (name) => {
              const options = await api('/passkey/generate-register-options');
              if (options.status !== 200) return options;
              const o = options.body;
              const publicKey = {...o, challenge: dec(o.challenge), user: {...o.user, id: dec(o.user.id)},
                excludeCredentials: o.excludeCredentials.map(c => ({...c, id: dec(c.id)}))};
              const credential = await navigator.credentials.create({publicKey});
              const json = {id: credential.id, rawId: enc(credential.rawId), type: credential.type,
                authenticatorAttachment: credential.authenticatorAttachment,
                response: {clientDataJSON: enc(credential.response.clientDataJSON),
                  attestationObject: enc(credential.response.attestationObject),
                  transports: credential.response.getTransports()}};
              const verified = await api('/passkey/verify-registration', 'POST', {response: json, name});
              return {...verified, authenticatorData: enc(credential.response.getAuthenticatorData())};
            };
            window.signIn = async (mediation) => {
              const options = await api('/passkey/generate-authenticate-options');
              const o = options.body;
              const publicKey = {...o, challenge: dec(o.challenge),
                allowCredentials: (o.allowCredentials || []).map(c => ({...c, id: dec(c.id)}))};
              const request = mediation ? {publicKey, mediation} : {publicKey};
              const credential = await navigator.credentials.get(request);
              const json = {id: credential.id, rawId: enc(credential.rawId), type: credential.type,
                authenticatorAttachment: credential.authenticatorAttachment,
                response: {clientDataJSON: enc(credential.response.clientDataJSON),
                  authenticatorData: enc(credential.response.authenticatorData),
                  signature: enc(credential.response.signature),
                  userHandle: credential.response.userHandle ? enc(credential.response.userHandle) : undefined}};
              const verified = await api('/passkey/verify-authentication', 'POST', {response: json});
              return {...verified, offeredCredentials: o.allowCredentials ? o.allowCredentials.length : null};
            };
            </script>
            </body></html>
            """.formatted(PATH);

    @Override
    public String id() {
        return "passkey-test-page";
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(Endpoint.get(PATH).name("passkeyTestPage").hidden()
                .handler(ctx -> AuthResponse.html(200, PAGE)).build());
    }
}
