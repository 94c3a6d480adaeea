package dev.postern.core;

/**
 * The page {@code GET /error} renders. The error code comes from a query parameter, so it is reduced to
 * the characters codes are made of and everything shown is HTML-escaped: the page must never become a
 * reflection vector.
 */
final class ErrorPage {
    private ErrorPage() {
    }

    static String render(String code, String description) {
        String safeCode = code.replaceAll("[^A-Za-z0-9_\\-.]", "");
        if (safeCode.isEmpty()) {
            safeCode = "UNKNOWN";
        }
        if (safeCode.length() > 100) {
            safeCode = safeCode.substring(0, 100);
        }
        String text = description == null ? "" : escape(description.length() > 500 ? description.substring(0, 500) : description);
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <meta name="robots" content="noindex">
                  <title>Authentication error</title>
                  <style>
                    body { font-family: system-ui, sans-serif; background: #f6f7f9; color: #1d2330; display: grid; place-items: center; min-height: 100vh; margin: 0; }
                    main { background: #fff; border: 1px solid #dde1e7; border-radius: 12px; padding: 2rem 2.5rem; max-width: 32rem; }
                    h1 { font-size: 1.25rem; margin: 0 0 .75rem; }
                    code { background: #f0f2f5; padding: .15rem .4rem; border-radius: 4px; }
                    p { line-height: 1.5; }
                  </style>
                </head>
                <body>
                  <main>
                    <h1>Something went wrong while signing you in</h1>
                    <p>Error code: <code id="error-code">%s</code></p>
                    <p id="error-description">%s</p>
                    <p><a href="/">Back to the home page</a></p>
                  </main>
                </body>
                </html>
                """.formatted(escape(safeCode), text);
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
