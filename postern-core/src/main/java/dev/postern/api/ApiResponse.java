package dev.postern.api;

import dev.postern.http.Cookie;
import dev.postern.http.Headers;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What a typed Java API call returned: the value as a record, the same value as the JSON a client would
 * receive (fields the record does not name, such as a plugin's additional user fields, are there), and the
 * cookies and headers the endpoint set. Forward {@code cookies} when acting for a browser.
 *
 * @param <T> the endpoint's response record
 */
public record ApiResponse<T>(T value, JsonNode json, List<Cookie> cookies, Headers headers) {
    public ApiResponse {
        cookies = List.copyOf(cookies);
    }
}
