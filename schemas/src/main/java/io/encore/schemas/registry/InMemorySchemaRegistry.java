package io.encore.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * A registry held in memory, for unit tests: {@code mock://<scope>} URLs resolve to one instance per scope
 * in the JVM, so a serializer and a deserializer configured with the same URL share schema ids, as they
 * would against a server. It applies the same compatibility rules as a server (Avro's reader/writer
 * compatibility), so evolution tests mean something without a broker.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

    private static final Map<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final List<Schema> schemasById = new ArrayList<>();
    private final Map<String, List<Schema>> versionsBySubject = new HashMap<>();
    private CompatibilityLevel compatibility = CompatibilityLevel.BACKWARD;

    /** The registry of {@code scope}, created on first use. */
    public static InMemorySchemaRegistry forScope(String scope) {
        return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistry());
    }

    /** Forgets a scope, so the next test that names it starts empty. */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        List<Schema> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        if (versions.contains(schema)) {
            return idOf(schema);
        }
        if (!compatibleWith(versions, schema)) {
            throw new SchemaRegistryException("Schema being registered is incompatible with an earlier schema for subject '"
                    + subject + "' (" + compatibility + ")", 409, 409);
        }
        versions.add(schema);
        return idOf(schema);
    }

    @Override
    public synchronized Schema getById(int id) {
        if (id < 1 || id > schemasById.size()) {
            throw new SchemaRegistryException("Schema " + id + " not found", 404, 40403);
        }
        return schemasById.get(id - 1);
    }

    @Override
    public synchronized int lookup(String subject, Schema schema) {
        List<Schema> versions = versionsBySubject.get(subject);
        if (versions == null) {
            throw new SchemaRegistryException("Subject '" + subject + "' not found", 404, 40401);
        }
        if (!versions.contains(schema)) {
            throw new SchemaRegistryException("Schema not found under subject '" + subject + "'", 404, 40403);
        }
        return idOf(schema);
    }

    @Override
    public synchronized boolean isCompatible(String subject, Schema schema) {
        return compatibleWith(versionsBySubject.getOrDefault(subject, List.of()), schema);
    }

    @Override
    public synchronized void setDefaultCompatibility(CompatibilityLevel level) {
        this.compatibility = level;
    }

    private int idOf(Schema schema) {
        return idsBySchema.computeIfAbsent(schema.toString(), key -> {
            schemasById.add(schema);
            return schemasById.size();
        });
    }

    private boolean compatibleWith(List<Schema> versions, Schema candidate) {
        if (versions.isEmpty() || compatibility == CompatibilityLevel.NONE) {
            return true;
        }
        List<Schema> against = compatibility.name().endsWith("TRANSITIVE")
                ? versions
                : List.of(versions.get(versions.size() - 1));
        return against.stream().allMatch(existing -> compatible(existing, candidate));
    }

    private boolean compatible(Schema existing, Schema candidate) {
        boolean backward = canRead(candidate, existing);
        boolean forward = canRead(existing, candidate);
        switch (compatibility) {
            case BACKWARD:
            case BACKWARD_TRANSITIVE:
                return backward;
            case FORWARD:
            case FORWARD_TRANSITIVE:
                return forward;
            case FULL:
            case FULL_TRANSITIVE:
                return backward && forward;
            default:
                return true;
        }
    }

    private static boolean canRead(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
                == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
    }
}
