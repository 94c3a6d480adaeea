package dev.postern.endpoint;

import dev.postern.validation.ObjectSchema;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An endpoint declared as data, as better-auth's {@code createAuthEndpoint} declares it. The router,
 * the Java API ({@code postern.api()}) and the OpenAPI document are all derived from this one value.
 *
 * @param methods HTTP methods it answers
 * @param path path under the base path, with {@code :param} segments ({@code /reset-password/:token})
 * @param name API name, camelCase ({@code signUpEmail}); how {@code postern.api()} calls it
 * @param body schema of the JSON/form body, or null for none
 * @param query schema of the query parameters, or null for none
 * @param mediaTypes accepted body media types
 * @param handler the code
 * @param metadata documentation and flags
 */
public record Endpoint(
        Set<String> methods,
        String path,
        String name,
        ObjectSchema body,
        ObjectSchema query,
        Set<String> mediaTypes,
        EndpointHandler handler,
        Metadata metadata) {

    public static final String JSON = "application/json";
    public static final String FORM = "application/x-www-form-urlencoded";

    public Endpoint {
        methods = Set.copyOf(methods);
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
        mediaTypes = Set.copyOf(mediaTypes);
        metadata = metadata == null ? Metadata.DEFAULT : metadata;
        if (!metadata.serverOnly() && !path.startsWith("/")) {
            throw new IllegalArgumentException("Endpoint " + name + ": path must start with '/', was '" + path + "'");
        }
    }

    public static Builder get(String path) {
        return new Builder(path, "GET");
    }

    public static Builder post(String path) {
        return new Builder(path, "POST");
    }

    public static Builder route(String path, String... methods) {
        return new Builder(path, methods);
    }

    /** An endpoint callable only from Java ({@code postern.api()}), never routed over HTTP. */
    public static Builder serverOnly(String name) {
        return new Builder("", "POST").name(name).serverOnlyFlag();
    }

    /**
     * Documentation and behaviour flags.
     *
     * @param summary one line for the OpenAPI document
     * @param description longer text, may be empty
     * @param tags OpenAPI tags
     * @param serverOnly never routed over HTTP
     * @param hidden routed, but left out of the OpenAPI document ({@code scope: "server"})
     * @param noStore adds {@code Cache-Control: no-store} to responses that carry credentials
     * @param responseSchema JSON Schema of the 200 body, for the OpenAPI document
     * @param errors codes this endpoint may answer with, for the OpenAPI document
     * @param formCsrf a sign-in or sign-up form: HTTP calls pass better-auth's form CSRF check (Fetch
     *     Metadata, {@code dev.postern.security.FormCsrfCheck}) even when they carry no cookie
     */
    public record Metadata(String summary, String description, List<String> tags, boolean serverOnly,
                           boolean hidden, boolean noStore, Map<String, Object> responseSchema,
                           List<String> errors, boolean formCsrf) {
        public static final Metadata DEFAULT =
                new Metadata("", "", List.of(), false, false, false, null, List.of(), false);

        public Metadata {
            tags = List.copyOf(tags);
            errors = List.copyOf(errors);
        }
    }

    /** Builds an endpoint; {@code name} and {@code handler} are required. */
    public static final class Builder {
        private final String path;
        private final Set<String> methods = new LinkedHashSet<>();
        private String name;
        private ObjectSchema body;
        private ObjectSchema query;
        private Set<String> mediaTypes = Set.of(JSON);
        private EndpointHandler handler;
        private String summary = "";
        private String description = "";
        private List<String> tags = List.of();
        private boolean serverOnly;
        private boolean hidden;
        private boolean noStore;
        private Map<String, Object> responseSchema;
        private List<String> errors = List.of();
        private boolean formCsrf;

        private Builder(String path, String... methods) {
            this.path = path;
            this.methods.addAll(List.of(methods));
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder body(ObjectSchema body) {
            this.body = body;
            return this;
        }

        public Builder query(ObjectSchema query) {
            this.query = query;
            return this;
        }

        /** Accepts form bodies as well as JSON. */
        public Builder acceptForms() {
            this.mediaTypes = Set.of(JSON, FORM);
            return this;
        }

        public Builder handler(EndpointHandler handler) {
            this.handler = handler;
            return this;
        }

        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder tags(String... tags) {
            this.tags = List.of(tags);
            return this;
        }

        public Builder hidden() {
            this.hidden = true;
            return this;
        }

        public Builder noStore() {
            this.noStore = true;
            return this;
        }

        public Builder response(Map<String, Object> jsonSchema) {
            this.responseSchema = jsonSchema;
            return this;
        }

        public Builder errors(String... codes) {
            this.errors = List.of(codes);
            return this;
        }

        /**
         * Marks a form that signs someone in or up ({@code /sign-in/email}, {@code /sign-up/email}): a
         * cross-site form post must not log a victim into an attacker's account, so HTTP calls without a
         * cookie are still checked for a cross-site navigation and an untrusted origin.
         */
        public Builder formCsrf() {
            this.formCsrf = true;
            return this;
        }

        private Builder serverOnlyFlag() {
            this.serverOnly = true;
            return this;
        }

        public Endpoint build() {
            Objects.requireNonNull(name, () -> "Endpoint " + path + " needs a name");
            Objects.requireNonNull(handler, () -> "Endpoint " + name + " needs a handler");
            return new Endpoint(methods, path, name, body, query, mediaTypes, handler,
                    new Metadata(summary, description, tags, serverOnly, hidden, noStore, responseSchema, errors,
                            formCsrf));
        }
    }
}
