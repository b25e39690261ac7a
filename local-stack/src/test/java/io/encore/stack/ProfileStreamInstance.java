package io.encore.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificDatumWriter;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.encore.profile.config.ProfileStreamConfig;
import io.encore.runtime.config.EncoreConfig;
import io.encore.runtime.streams.StreamsApp;
import io.encore.schemas.avro.ClickEvent;
import io.encore.stack.junit.SharedStack;
import io.encore.stack.junit.TestNames;

/** What the ITs that run profile-stream on the shared stack share: its settings, and asking it for a count. */
final class ProfileStreamInstance {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProfileStreamInstance() {
    }

    /**
     * One instance on the stack under the test's names, with its state in {@code stateDir}, committing often, and
     * the {@link ItTokens}.
     */
    static ProfileStreamConfig config(SharedStack stack, TestNames names, Path stateDir) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(EncoreConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        settings.put(EncoreConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.registryUrl());
        settings.put(EncoreConfig.TOPIC_PREFIX_CONFIG, names.topicPrefix());
        settings.put("application.id", names.applicationId());
        settings.put("state.dir", stateDir.toString());
        settings.put("commit.interval.ms", 200);
        settings.put(ProfileStreamConfig.HTTP_HOST_CONFIG, "127.0.0.1");
        settings.put(ProfileStreamConfig.HTTP_ADVERTISED_HOST_CONFIG, "127.0.0.1");
        settings.put(ProfileStreamConfig.HTTP_PORT_CONFIG, Ports.free("127.0.0.1"));
        return new ProfileStreamConfig(ItTokens.put(settings));
    }

    /** The events {@code app}'s profile of {@code guestKey} counts; -1 while it has none. */
    static long eventCount(StreamsApp app, String guestKey) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(ItTokens.bearer(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + app.httpPort() + "/guests/" + guestKey + "/profile")), ItTokens.QUERY).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()).path("eventCount").asLong() : -1;
    }

    /**
     * {@code click} as a generic record of its own schema, through Avro's JSON form with {@code from} replaced
     * by {@code to} (an empty {@code from} replaces nothing): how the ITs write clicks as other producers would.
     */
    static GenericRecord generic(ClickEvent click, org.apache.avro.Schema readAs, String from, String to) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            JsonEncoder encoder = EncoderFactory.get().jsonEncoder(ClickEvent.getClassSchema(), out);
            new SpecificDatumWriter<ClickEvent>(ClickEvent.getClassSchema()).write(click, encoder);
            encoder.flush();
            String asJson = out.toString(StandardCharsets.UTF_8);
            if (!from.isEmpty()) {
                asJson = asJson.replace(from, to);
            }
            return new GenericDatumReader<GenericRecord>(readAs).read(null, DecoderFactory.get().jsonDecoder(readAs, asJson));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
