package io.encore.schemas.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.avro.Schema;

/**
 * A client of the Confluent Schema Registry REST API over {@code java.net.http}.
 *
 * <p>Schemas are immutable once registered, so ids resolved once are cached for the life of the client:
 * after warm-up the serde makes no HTTP call per record. Failures become {@link SchemaRegistryException}s
 * that carry the HTTP status, the registry's error code and message, and the URL that was called.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    static final int REGISTER_ATTEMPTS = 4;
    static final long RETRY_BACKOFF_MS = 100;

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final RegistryClientConfig config;
    private final HttpClient http;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

    private record SubjectSchema(String subject, Schema schema) {
    }

    public HttpSchemaRegistryClient(RegistryClientConfig config) {
        this.config = config;
        this.baseUrl = config.url().trim().replaceAll("/+$", "");
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(config.requestTimeout());
        config.sslContext().ifPresent(builder::sslContext);
        this.http = builder.build();
    }

    @Override
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer;
        try {
            answer = registerWithRetries(subject, schema);
        } catch (SchemaRegistryException conflict) {
            return registeredMeanwhile(subject, schema, conflict);
        }
        int id = answer.path("id").asInt();
        schemasById.putIfAbsent(id, schema);
        idsBySubjectSchema.put(key, id);
        return id;
    }

    /**
     * Registration is idempotent, so a server error or a timeout is retried a few times with a short backoff:
     * registries backed by a database (Apicurio on H2) fail concurrent first registrations with a 500 now and
     * then, and a writer should not lose a record to that.
     */
    private JsonNode registerWithRetries(String subject, Schema schema) {
        for (int attempt = 1; ; attempt++) {
            try {
                return send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
            } catch (SchemaRegistryException e) {
                boolean transientFailure = e.status() == 0 || e.status() >= 500;
                if (!transientFailure || attempt >= REGISTER_ATTEMPTS) {
                    throw e;
                }
                pause(RETRY_BACKOFF_MS << (attempt - 1), e);
            }
        }
    }

    private static void pause(long millis, SchemaRegistryException cause) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }

    /**
     * Two writers registering the same new schema at once: some registries (Apicurio) answer the slower one
     * 409 "already exists" while the faster one's registration is not yet visible to a lookup. So the lookup is
     * tried again a few times with a short backoff, registering once more in between (idempotent when it is
     * there); a 409 that outlasts that was a real refusal.
     */
    private int registeredMeanwhile(String subject, Schema schema, SchemaRegistryException conflict) {
        if (conflict.status() != 409) {
            throw conflict;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return lookup(subject, schema);
            } catch (SchemaRegistryException notThere) {
                if (attempt >= REGISTER_ATTEMPTS) {
                    conflict.addSuppressed(notThere);
                    throw conflict;
                }
            }
            pause(RETRY_BACKOFF_MS << (attempt - 1), conflict);
            try {
                JsonNode answer = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
                int id = answer.path("id").asInt();
                schemasById.putIfAbsent(id, schema);
                idsBySubjectSchema.put(new SubjectSchema(subject, schema), id);
                return id;
            } catch (SchemaRegistryException again) {
                if (again.status() != 409 && again.status() != 0 && again.status() < 500) {
                    again.addSuppressed(conflict);
                    throw again;
                }
            }
        }
    }

    @Override
    public Schema getById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("GET", "/schemas/ids/" + id, null);
        Schema schema = new Schema.Parser().parse(answer.path("schema").asText());
        schemasById.putIfAbsent(id, schema);
        return schema;
    }

    @Override
    public int lookup(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("POST", "/subjects/" + encode(subject), schemaBody(schema));
        int id = answer.path("id").asInt();
        idsBySubjectSchema.put(key, id);
        return id;
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        try {
            JsonNode answer = send("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest",
                    schemaBody(schema));
            return answer.path("is_compatible").asBoolean(false);
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                return true; // no version yet: anything may be registered first
            }
            throw e;
        }
    }

    @Override
    public void setDefaultCompatibility(CompatibilityLevel level) {
        ObjectNode body = JSON.createObjectNode().put("compatibility", level.name());
        send("PUT", "/config", body.toString());
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode send(String method, String path, String body) {
        URI uri = URI.create(baseUrl + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .header("Accept", CONTENT_TYPE + ", application/json")
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", CONTENT_TYPE);
        }
        config.basicAuthUserInfo().ifPresent(userInfo -> request.header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8))));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new SchemaRegistryException(method + " " + uri + " timed out after "
                    + config.requestTimeout().toMillis() + " ms", 0, 0, e);
        } catch (IOException e) {
            throw new SchemaRegistryException(method + " " + uri + " failed: " + e, 0, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(method + " " + uri + " interrupted", 0, 0, e);
        }
        return parse(method, uri, response);
    }

    private static JsonNode parse(String method, URI uri, HttpResponse<String> response) {
        JsonNode json;
        try {
            json = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            json = null;
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300 && json != null) {
            return json;
        }
        String message = json != null && json.hasNonNull("message")
                ? json.get("message").asText()
                : abbreviate(response.body());
        int errorCode = json != null ? json.path("error_code").asInt(0) : 0;
        throw new SchemaRegistryException(method + " " + uri + " answered " + status
                + (errorCode != 0 ? " (error " + errorCode + ")" : "") + ": " + message, status, errorCode);
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }
}
