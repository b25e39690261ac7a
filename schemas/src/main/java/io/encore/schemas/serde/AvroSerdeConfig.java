package io.encore.schemas.serde;

import java.util.Map;

import io.encore.schemas.registry.RegistryClientConfig;
import io.encore.schemas.registry.SchemaRegistryClients;

/** Serde settings beyond the registry client's ({@link RegistryClientConfig}), with Confluent's names. */
public final class AvroSerdeConfig {

    /** Register unknown schemas on write (default true); set false where CI deploys schemas. */
    public static final String AUTO_REGISTER_SCHEMAS_CONFIG = "auto.register.schemas";

    private AvroSerdeConfig() {
    }

    static AvroWireFormat wireFormat(Map<String, ?> configs) {
        Object autoRegister = configs.get(AUTO_REGISTER_SCHEMAS_CONFIG);
        boolean register = autoRegister == null || Boolean.parseBoolean(autoRegister.toString());
        return new AvroWireFormat(SchemaRegistryClients.create(RegistryClientConfig.from(configs)), register);
    }
}
