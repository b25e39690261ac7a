package io.encore.web.http;

/** The few pages the server writes itself (the rest are static files). */
final class Pages {

    static final String HTML = "text/html; charset=utf-8";

    private Pages() {
    }

    /** A small page with a heading and one line; both are constants of the app, never request input. */
    static String notice(String heading, String line) {
        return "<!doctype html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>" + heading
                + "</title><link rel=\"icon\" href=\"/assets/img/favicon.svg\" type=\"image/svg+xml\">"
                + "<link rel=\"stylesheet\" href=\"/assets/css/site.css\"></head><body><main class=\"notice\""
                + " data-testid=\"notice\"><h1>" + heading + "</h1><p>" + line
                + "</p><p><a href=\"/\">Koncerthuset · The Concert Hall</a></p></main></body></html>";
    }
}
