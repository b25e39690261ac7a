package io.encore.connectors.print;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

import io.encore.schemas.registry.RegistryClientConfig;

/**
 * Settings of the print sink. The output directory is created when missing and proven writable (a probe
 * file is created and deleted) when the connector and each task start, so a wrong path or a read-only
 * mount fails the connector naming {@code print.output.directory} instead of failing every record later.
 */
public final class PrintSinkConnectorConfig extends AbstractConfig {

    public static final String OUTPUT_DIRECTORY_CONFIG = "print.output.directory";
    private static final String OUTPUT_DIRECTORY_DOC = "Directory the pieces are written to, one sub-directory per "
            + "campaign (<dir>/<campaignId>/<sendId>.pdf and manifest.csv); created when missing; must belong to this connector alone.";

    public static final String HOME_COUNTRY_CONFIG = "print.home.country";
    public static final String HOME_COUNTRY_DEFAULT = "DK";
    private static final String HOME_COUNTRY_DOC = "ISO 3166-1 alpha-2 code of the country the pieces are posted in: "
            + "addresses there are printed without a country line.";

    public static final String MAX_RETRIES_CONFIG = "print.max.retries";
    public static final int MAX_RETRIES_DEFAULT = 5;
    private static final String MAX_RETRIES_DOC = "Retries of one piece after an I/O error before the batch goes back to the worker.";

    public static final String RETRY_BACKOFF_MS_CONFIG = "print.retry.backoff.ms";
    public static final long RETRY_BACKOFF_MS_DEFAULT = 1_000L;
    private static final String RETRY_BACKOFF_MS_DOC = "First wait between retries of an I/O error; doubles on each retry, at most 60 s.";

    public static final String SCHEMA_REGISTRY_URL_CONFIG = RegistryClientConfig.URL_CONFIG;
    private static final String SCHEMA_REGISTRY_URL_DOC = "Schema registry (Confluent API) the values' schema ids are resolved in.";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(OUTPUT_DIRECTORY_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, OUTPUT_DIRECTORY_DOC)
            .define(SCHEMA_REGISTRY_URL_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, SCHEMA_REGISTRY_URL_DOC)
            .define(HOME_COUNTRY_CONFIG, Type.STRING, HOME_COUNTRY_DEFAULT, PrintSinkConnectorConfig::validateCountry,
                    Importance.MEDIUM, HOME_COUNTRY_DOC)
            .define(MAX_RETRIES_CONFIG, Type.INT, MAX_RETRIES_DEFAULT, ConfigDef.Range.atLeast(0), Importance.LOW,
                    MAX_RETRIES_DOC)
            .define(RETRY_BACKOFF_MS_CONFIG, Type.LONG, RETRY_BACKOFF_MS_DEFAULT, ConfigDef.Range.atLeast(0),
                    Importance.LOW, RETRY_BACKOFF_MS_DOC);

    private final Path outputDirectory;

    public PrintSinkConnectorConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
        outputDirectory = writableDirectory(getString(OUTPUT_DIRECTORY_CONFIG).trim());
    }

    /** The output directory, absolute, existing and writable when the settings were read. */
    public Path outputDirectory() {
        return outputDirectory;
    }

    public String homeCountry() {
        return getString(HOME_COUNTRY_CONFIG).trim().toUpperCase(Locale.ROOT);
    }

    public int maxRetries() {
        return getInt(MAX_RETRIES_CONFIG);
    }

    public Duration retryBackoff() {
        return Duration.ofMillis(getLong(RETRY_BACKOFF_MS_CONFIG));
    }

    private static Path writableDirectory(String value) {
        Path dir;
        try {
            dir = Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new ConfigException(OUTPUT_DIRECTORY_CONFIG, value, "not a path: " + e.getMessage());
        }
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".encore-print-probe-", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new ConfigException(OUTPUT_DIRECTORY_CONFIG, value, "cannot create or write to the directory ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        return dir;
    }

    private static void validateCountry(String name, Object value) {
        String code = value == null ? "" : value.toString().trim();
        if (!code.matches("[A-Za-z]{2}")) {
            throw new ConfigException(name, value, "expected an ISO 3166-1 alpha-2 country code, e.g. DK");
        }
    }
}
