package io.encore.connectors.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this module, filtered into a resource at build time, for {@code Connector.version()}. */
public final class ModuleVersion {

    private static final String VERSION = load();

    private ModuleVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ModuleVersion.class.getResourceAsStream("/io/encore/connectors/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the connectors' version resource", e);
        }
    }
}
