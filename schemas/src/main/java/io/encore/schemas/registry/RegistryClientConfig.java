package io.encore.schemas.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of a registry client, read from serde configuration with the Confluent property names, so an
 * existing client configuration carries over unchanged.
 *
 * @param url                  the registry base URL ({@code http(s)://host:port/path} or {@code mock://scope})
 * @param basicAuthUserInfo    {@code user:password} for HTTP basic auth, if any
 * @param requestTimeout       bound on one HTTP exchange, connect included
 * @param sslContext           TLS trust for {@code https} URLs; the JVM default when absent
 */
public record RegistryClientConfig(String url, Optional<String> basicAuthUserInfo, Duration requestTimeout,
                                   Optional<SSLContext> sslContext) {

    public static final String URL_CONFIG = "schema.registry.url";
    public static final String BASIC_AUTH_SOURCE_CONFIG = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO_CONFIG = "basic.auth.user.info";
    public static final String REQUEST_TIMEOUT_MS_CONFIG = "schema.registry.request.timeout.ms";
    public static final String TRUSTSTORE_LOCATION_CONFIG = "schema.registry.ssl.truststore.location";
    public static final String TRUSTSTORE_PASSWORD_CONFIG = "schema.registry.ssl.truststore.password";
    public static final String TRUSTSTORE_TYPE_CONFIG = "schema.registry.ssl.truststore.type";

    public static final Duration REQUEST_TIMEOUT_DEFAULT = Duration.ofSeconds(10);

    public RegistryClientConfig {
        if (url == null || url.isBlank()) {
            throw new ConfigException(URL_CONFIG, url, "a schema registry URL is required (http(s)://... or mock://scope)");
        }
    }

    public static RegistryClientConfig of(String url) {
        return new RegistryClientConfig(url, Optional.empty(), REQUEST_TIMEOUT_DEFAULT, Optional.empty());
    }

    /** Reads the settings from a Kafka serde or client configuration map. */
    public static RegistryClientConfig from(Map<String, ?> configs) {
        Object url = configs.get(URL_CONFIG);
        if (url == null) {
            throw new ConfigException(URL_CONFIG, null, "missing: set it to the schema registry base URL");
        }
        Optional<String> userInfo = Optional.empty();
        String source = stringOr(configs, BASIC_AUTH_SOURCE_CONFIG, "USER_INFO");
        Object info = configs.get(BASIC_AUTH_USER_INFO_CONFIG);
        if (info != null && !info.toString().isEmpty()) {
            if (!"USER_INFO".equals(source)) {
                throw new ConfigException(BASIC_AUTH_SOURCE_CONFIG, source, "only USER_INFO is supported");
            }
            if (!info.toString().contains(":")) {
                throw new ConfigException(BASIC_AUTH_USER_INFO_CONFIG, "(hidden)", "expected user:password");
            }
            userInfo = Optional.of(info.toString());
        }
        Duration timeout = Duration.ofMillis(Long.parseLong(
                stringOr(configs, REQUEST_TIMEOUT_MS_CONFIG, Long.toString(REQUEST_TIMEOUT_DEFAULT.toMillis()))));
        return new RegistryClientConfig(url.toString(), userInfo, timeout, trustFrom(configs));
    }

    private static Optional<SSLContext> trustFrom(Map<String, ?> configs) {
        Object location = configs.get(TRUSTSTORE_LOCATION_CONFIG);
        if (location == null || location.toString().isEmpty()) {
            return Optional.empty();
        }
        String password = stringOr(configs, TRUSTSTORE_PASSWORD_CONFIG, "");
        String type = stringOr(configs, TRUSTSTORE_TYPE_CONFIG, "PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(location.toString()))) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return Optional.of(context);
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException(TRUSTSTORE_LOCATION_CONFIG, location, "cannot load trust store: " + e.getMessage());
        }
    }

    private static String stringOr(Map<String, ?> configs, String key, String fallback) {
        Object value = configs.get(key);
        return value == null ? fallback : value.toString();
    }
}
