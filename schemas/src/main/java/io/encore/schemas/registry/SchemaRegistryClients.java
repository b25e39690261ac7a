package io.encore.schemas.registry;

/** Chooses the client for a registry URL: {@code mock://<scope>} in memory, anything else over HTTP. */
public final class SchemaRegistryClients {

    public static final String MOCK_SCHEME = "mock://";

    private SchemaRegistryClients() {
    }

    public static SchemaRegistryClient create(RegistryClientConfig config) {
        String url = config.url().trim();
        if (url.startsWith(MOCK_SCHEME)) {
            return InMemorySchemaRegistry.forScope(url.substring(MOCK_SCHEME.length()));
        }
        return new HttpSchemaRegistryClient(config);
    }
}
