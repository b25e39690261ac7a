package io.encore.stack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.encore.runtime.config.EncoreConfig;
import io.encore.stack.junit.SharedStack;
import io.encore.stack.junit.TestNames;

/** The settings of one stream app in an IT that runs both apps in-process on the shared stack. */
final class StreamAppSettings {

    private StreamAppSettings() {
    }

    /**
     * {@code app} ({@code "profile"} or {@code "scoring"}) under the test's names, its state in
     * {@code stateDir/app}, a free HTTP port on loopback, the IT tokens, committing often.
     */
    static Map<String, Object> of(SharedStack stack, TestNames names, Path stateDir, String app) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(EncoreConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        settings.put(EncoreConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.registryUrl());
        settings.put(EncoreConfig.TOPIC_PREFIX_CONFIG, names.topicPrefix());
        settings.put("commit.interval.ms", 200);
        settings.put("encore.http.host", "127.0.0.1");
        settings.put("encore.http.advertised.host", "127.0.0.1");
        settings.put("encore.http.port", Ports.free("127.0.0.1"));
        settings.put("application.id", names.applicationId() + "-" + app);
        settings.put("state.dir", stateDir.resolve(app).toString());
        return ItTokens.put(settings);
    }
}
