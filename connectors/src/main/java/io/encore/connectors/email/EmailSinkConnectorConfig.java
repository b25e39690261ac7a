package io.encore.connectors.email;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import io.encore.schemas.registry.RegistryClientConfig;

/**
 * Settings of the e-mail sink. Everything that shapes a delivered e-mail (sender, link bases) is validated at
 * start, so a typo fails the connector instead of sending thousands of e-mails with broken links.
 */
public final class EmailSinkConnectorConfig extends AbstractConfig {

    public static final String SMTP_HOST_CONFIG = "smtp.host";
    private static final String SMTP_HOST_DOC = "SMTP server (submission) host.";

    public static final String SMTP_PORT_CONFIG = "smtp.port";
    public static final int SMTP_PORT_DEFAULT = 587;
    private static final String SMTP_PORT_DOC = "SMTP server port: 587 with STARTTLS, 465 with smtp.ssl.";

    public static final String SMTP_USERNAME_CONFIG = "smtp.username";
    private static final String SMTP_USERNAME_DOC = "SMTP AUTH user; empty for no authentication.";

    public static final String SMTP_PASSWORD_CONFIG = "smtp.password";
    private static final String SMTP_PASSWORD_DOC = "SMTP AUTH password (never logged).";

    public static final String SMTP_STARTTLS_CONFIG = "smtp.starttls";
    private static final String SMTP_STARTTLS_DOC = "Upgrade the connection with STARTTLS and refuse to send without it.";

    public static final String SMTP_SSL_CONFIG = "smtp.ssl";
    private static final String SMTP_SSL_DOC = "Connect with implicit TLS (SMTPS, usually port 465); excludes smtp.starttls.";

    public static final String SMTP_TRUSTSTORE_LOCATION_CONFIG = "smtp.ssl.truststore.location";
    private static final String SMTP_TRUSTSTORE_LOCATION_DOC = "Trust store holding the certificates (or CA) the SMTP "
            + "server's TLS certificate must chain to; empty for the JVM's default trust store. The server's name is "
            + "always checked against its certificate.";

    public static final String SMTP_TRUSTSTORE_PASSWORD_CONFIG = "smtp.ssl.truststore.password";
    private static final String SMTP_TRUSTSTORE_PASSWORD_DOC = "Password of smtp.ssl.truststore.location (never logged).";

    public static final String SMTP_TRUSTSTORE_TYPE_CONFIG = "smtp.ssl.truststore.type";
    private static final String SMTP_TRUSTSTORE_TYPE_DOC = "Type of smtp.ssl.truststore.location: PKCS12 or JKS.";

    public static final String SMTP_TIMEOUT_MS_CONFIG = "smtp.timeout.ms";
    public static final int SMTP_TIMEOUT_MS_DEFAULT = 30_000;
    private static final String SMTP_TIMEOUT_MS_DOC = "Connect, read and write timeout of the SMTP connection.";

    public static final String SMTP_MAX_RETRIES_CONFIG = "smtp.max.retries";
    public static final int SMTP_MAX_RETRIES_DEFAULT = 5;
    private static final String SMTP_MAX_RETRIES_DOC = "Retries of one e-mail after a connection failure or a 4xx reply before the batch goes back to the worker.";

    public static final String SMTP_RETRY_BACKOFF_MS_CONFIG = "smtp.retry.backoff.ms";
    public static final long SMTP_RETRY_BACKOFF_MS_DEFAULT = 1_000L;
    private static final String SMTP_RETRY_BACKOFF_MS_DOC = "First wait between retries; doubles on each retry, at most 60 s.";

    public static final String MAIL_FROM_CONFIG = "mail.from";
    private static final String MAIL_FROM_DOC = "Sender address, optionally with a name: \"Koncerthuset <news@hall.example>\".";

    public static final String TRACKING_BASE_URL_CONFIG = "tracking.base.url";
    private static final String TRACKING_BASE_URL_DOC = "Base of the click-tracking links: {base}/c/{sendId}/{concertId}?rec={recommendationId}.";

    public static final String UNSUBSCRIBE_BASE_URL_CONFIG = "unsubscribe.base.url";
    private static final String UNSUBSCRIBE_BASE_URL_DOC = "Unsubscribe page: {base}?send={sendId}, also the List-Unsubscribe header.";

    public static final String RATE_PER_SECOND_CONFIG = "mail.rate.per.second";
    public static final double RATE_PER_SECOND_DEFAULT = 10.0;
    private static final String RATE_PER_SECOND_DOC = "Most e-mails sent per second by the task (token bucket, bursts up to one second's worth).";

    public static final String LEDGER_DIR_CONFIG = "email.ledger.dir";
    private static final String LEDGER_DIR_DOC = "Directory of the ledger of delivered send ids; it must survive restarts and belong to this connector alone.";

    public static final String SCHEMA_REGISTRY_URL_CONFIG = RegistryClientConfig.URL_CONFIG;
    private static final String SCHEMA_REGISTRY_URL_DOC = "Schema registry (Confluent API) the values' schema ids are resolved in.";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(SMTP_HOST_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, SMTP_HOST_DOC)
            .define(SMTP_PORT_CONFIG, Type.INT, SMTP_PORT_DEFAULT, ConfigDef.Range.between(1, 65_535), Importance.HIGH,
                    SMTP_PORT_DOC)
            .define(SMTP_USERNAME_CONFIG, Type.STRING, "", Importance.HIGH, SMTP_USERNAME_DOC)
            .define(SMTP_PASSWORD_CONFIG, Type.PASSWORD, null, Importance.HIGH, SMTP_PASSWORD_DOC)
            .define(SMTP_STARTTLS_CONFIG, Type.BOOLEAN, true, Importance.HIGH, SMTP_STARTTLS_DOC)
            .define(SMTP_SSL_CONFIG, Type.BOOLEAN, false, Importance.HIGH, SMTP_SSL_DOC)
            .define(SMTP_TRUSTSTORE_LOCATION_CONFIG, Type.STRING, "", Importance.MEDIUM, SMTP_TRUSTSTORE_LOCATION_DOC)
            .define(SMTP_TRUSTSTORE_PASSWORD_CONFIG, Type.PASSWORD, null, Importance.MEDIUM, SMTP_TRUSTSTORE_PASSWORD_DOC)
            .define(SMTP_TRUSTSTORE_TYPE_CONFIG, Type.STRING, "PKCS12", ConfigDef.ValidString.in("PKCS12", "JKS"),
                    Importance.LOW, SMTP_TRUSTSTORE_TYPE_DOC)
            .define(MAIL_FROM_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, EmailSinkConnectorConfig::validateAddress,
                    Importance.HIGH, MAIL_FROM_DOC)
            .define(TRACKING_BASE_URL_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, EmailSinkConnectorConfig::validateUrl,
                    Importance.HIGH, TRACKING_BASE_URL_DOC)
            .define(UNSUBSCRIBE_BASE_URL_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, EmailSinkConnectorConfig::validateUrl,
                    Importance.HIGH, UNSUBSCRIBE_BASE_URL_DOC)
            .define(LEDGER_DIR_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, LEDGER_DIR_DOC)
            .define(SCHEMA_REGISTRY_URL_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, SCHEMA_REGISTRY_URL_DOC)
            .define(RATE_PER_SECOND_CONFIG, Type.DOUBLE, RATE_PER_SECOND_DEFAULT, ConfigDef.Range.between(0.001, 100_000),
                    Importance.MEDIUM, RATE_PER_SECOND_DOC)
            .define(SMTP_TIMEOUT_MS_CONFIG, Type.INT, SMTP_TIMEOUT_MS_DEFAULT, ConfigDef.Range.atLeast(1), Importance.LOW,
                    SMTP_TIMEOUT_MS_DOC)
            .define(SMTP_MAX_RETRIES_CONFIG, Type.INT, SMTP_MAX_RETRIES_DEFAULT, ConfigDef.Range.atLeast(0), Importance.LOW,
                    SMTP_MAX_RETRIES_DOC)
            .define(SMTP_RETRY_BACKOFF_MS_CONFIG, Type.LONG, SMTP_RETRY_BACKOFF_MS_DEFAULT, ConfigDef.Range.atLeast(0),
                    Importance.LOW, SMTP_RETRY_BACKOFF_MS_DOC);

    public EmailSinkConnectorConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
        if (getBoolean(SMTP_SSL_CONFIG) && getBoolean(SMTP_STARTTLS_CONFIG)) {
            throw new ConfigException(SMTP_STARTTLS_CONFIG, true, "cannot be combined with " + SMTP_SSL_CONFIG
                    + "=true (implicit TLS): set one of them to false");
        }
        trustedSocketFactory(); // a trust store that cannot be read fails here, at start, not at the first send
    }

    public String smtpHost() {
        return getString(SMTP_HOST_CONFIG).trim();
    }

    public int smtpPort() {
        return getInt(SMTP_PORT_CONFIG);
    }

    /** The user, or empty for no SMTP AUTH. */
    public String smtpUsername() {
        return getString(SMTP_USERNAME_CONFIG).trim();
    }

    public String smtpPassword() {
        Password password = getPassword(SMTP_PASSWORD_CONFIG);
        return password == null ? "" : password.value();
    }

    public boolean startTls() {
        return getBoolean(SMTP_STARTTLS_CONFIG);
    }

    public boolean ssl() {
        return getBoolean(SMTP_SSL_CONFIG);
    }

    /**
     * The TLS socket factory trusting {@code smtp.ssl.truststore.location}, or empty for the JVM's default trust.
     * A trust store that cannot be read fails the connector at start, naming the setting.
     */
    public Optional<SSLSocketFactory> trustedSocketFactory() {
        String location = getString(SMTP_TRUSTSTORE_LOCATION_CONFIG).trim();
        if (location.isEmpty()) {
            return Optional.empty();
        }
        Password password = getPassword(SMTP_TRUSTSTORE_PASSWORD_CONFIG);
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            KeyStore store = KeyStore.getInstance(getString(SMTP_TRUSTSTORE_TYPE_CONFIG));
            store.load(in, password == null ? null : password.value().toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return Optional.of(tls.getSocketFactory());
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException(SMTP_TRUSTSTORE_LOCATION_CONFIG, location, "cannot read the trust store: " + e.getMessage());
        }
    }

    public Duration smtpTimeout() {
        return Duration.ofMillis(getInt(SMTP_TIMEOUT_MS_CONFIG));
    }

    public int maxRetries() {
        return getInt(SMTP_MAX_RETRIES_CONFIG);
    }

    public Duration retryBackoff() {
        return Duration.ofMillis(getLong(SMTP_RETRY_BACKOFF_MS_CONFIG));
    }

    public InternetAddress from() {
        try {
            return new InternetAddress(getString(MAIL_FROM_CONFIG).trim(), true);
        } catch (AddressException e) {
            throw new ConfigException(MAIL_FROM_CONFIG, getString(MAIL_FROM_CONFIG), e.getMessage());
        }
    }

    public EmailLinks links() {
        return new EmailLinks(getString(TRACKING_BASE_URL_CONFIG), getString(UNSUBSCRIBE_BASE_URL_CONFIG));
    }

    public double ratePerSecond() {
        return getDouble(RATE_PER_SECOND_CONFIG);
    }

    public Path ledgerDir() {
        return Path.of(getString(LEDGER_DIR_CONFIG).trim());
    }

    private static void validateAddress(String name, Object value) {
        try {
            new InternetAddress(value == null ? "" : value.toString().trim(), true).validate();
        } catch (AddressException e) {
            throw new ConfigException(name, value, "not an e-mail address: " + e.getMessage());
        }
    }

    private static void validateUrl(String name, Object value) {
        String url = value == null ? "" : value.toString().trim();
        try {
            URI uri = new URI(url);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new ConfigException(name, value, "expected an http(s) URL without query or fragment, e.g. https://hall.example/t");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(name, value, "not a URI: " + e.getMessage());
        }
    }
}
