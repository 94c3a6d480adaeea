package dev.postern.servlet;

import dev.postern.http.AuthResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;

/** Writes an {@link AuthResponse} to a servlet response: status, every header value (each Set-Cookie on its own), body. */
final class ServletResponses {
    private ServletResponses() {
    }

    static void write(AuthResponse answer, HttpServletResponse response) throws IOException {
        // The reason phrase is dropped: Servlet 6 removed setStatus(int, String) (see PosternFilter).
        response.setStatus(answer.status());
        answer.headers().asMap().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentLength(answer.body().length);
        if (answer.body().length > 0) {
            OutputStream out = response.getOutputStream();
            out.write(answer.body());
            out.flush();
        }
    }
}
