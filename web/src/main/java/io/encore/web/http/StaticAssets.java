package io.encore.web.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import io.encore.runtime.http.HttpApi;
import io.encore.runtime.http.Response;

/**
 * The pages and their assets, read once from the jar: {@code io/encore/web/static/} (listed in its
 * {@code assets.txt}) and Apache ECharts from its Maven Central webjar. Nothing is fetched from elsewhere, at
 * build time or run time. Pages carry a Content-Security-Policy that allows only this origin.
 */
public final class StaticAssets {

    public static final String ROOT = "io/encore/web/static/";
    public static final String MANIFEST = ROOT + "assets.txt";
    public static final String ECHARTS_PATH = "/assets/echarts/echarts.min.js";
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none'";
    private static final String VERSIONS = "io/encore/web/versions.properties";

    /** The pages: path → file under {@link #ROOT}. */
    public static final Map<String, String> PAGES = Map.of(
            "/", "index.html",
            "/concerts/{id}", "concert.html",
            "/operator", "operator.html");

    private final Map<String, Asset> assets;
    private final Map<String, Asset> pages;

    /** One file: its content type and text. */
    record Asset(String contentType, String text, String cacheControl) {
    }

    private StaticAssets(Map<String, Asset> assets, Map<String, Asset> pages) {
        this.assets = assets;
        this.pages = pages;
    }

    /** Reads every listed asset; a missing one fails here, at start, not on a visitor's request. */
    public static StaticAssets load() {
        ClassLoader loader = StaticAssets.class.getClassLoader();
        Map<String, Asset> assets = new LinkedHashMap<>();
        for (String file : manifest(loader)) {
            assets.put("/assets/" + file, new Asset(contentType(file), read(loader, ROOT + file), "no-cache"));
        }
        assets.put(ECHARTS_PATH, new Asset(contentType(ECHARTS_PATH), read(loader, echartsResource(loader)),
                "max-age=86400"));
        Map<String, Asset> pages = new LinkedHashMap<>();
        PAGES.forEach((path, file) -> pages.put(path, new Asset(contentType(file), read(loader, ROOT + file), "no-cache")));
        return new StaticAssets(assets, pages);
    }

    /** URL path → asset, pages excluded. */
    public Map<String, String> assetTypes() {
        Map<String, String> types = new LinkedHashMap<>();
        assets.forEach((path, asset) -> types.put(path, asset.contentType()));
        return types;
    }

    public void install(HttpApi.Builder builder) {
        assets.forEach((path, asset) -> builder.get(path, request -> serve(asset, false)));
        pages.forEach((path, page) -> builder.get(path, request -> serve(page, true)));
        Asset icon = assets.get("/assets/img/favicon.svg");
        if (icon != null) {
            builder.get("/favicon.ico", request -> serve(icon, false));
        }
    }

    private static Response serve(Asset asset, boolean page) {
        Response response = Response.text(200, asset.contentType(), asset.text())
                .withHeader("Cache-Control", asset.cacheControl())
                .withHeader("X-Content-Type-Options", "nosniff");
        return page ? response.withHeader("Content-Security-Policy", CSP).withHeader("Referrer-Policy", "same-origin")
                : response;
    }

    static List<String> manifest(ClassLoader loader) {
        return read(loader, MANIFEST).lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    static String echartsResource(ClassLoader loader) {
        Properties versions = new Properties();
        try (InputStream in = loader.getResourceAsStream(VERSIONS)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + VERSIONS + " in the web jar");
            }
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "META-INF/resources/webjars/echarts/" + versions.getProperty("echarts.version") + "/dist/echarts.min.js";
    }

    static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource + " in the web jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    static String contentType(String file) {
        String name = file.toLowerCase(Locale.ROOT);
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml; charset=utf-8";
        }
        if (name.endsWith(".json")) {
            return "application/json; charset=utf-8";
        }
        if (name.endsWith(".txt")) {
            return "text/plain; charset=utf-8";
        }
        throw new IllegalArgumentException("No text content type for " + file + ": only text assets are served");
    }
}
