package io.encore.runtime.errors;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.encore.runtime.metrics.Metrics;
import io.encore.schemas.avro.DeadLetter;
import io.encore.schemas.avro.FailureStage;
import io.encore.schemas.registry.RegistryClientConfig;
import io.encore.schemas.registry.SchemaRegistryClients;
import io.encore.schemas.serde.AvroSerde;
import io.encore.schemas.serde.AvroSerdeConfig;
import io.encore.schemas.serde.AvroWireFormat;

/**
 * Sends every record Kafka Streams cannot decode, process or write to the dead-letter topic as a
 * {@link DeadLetter} with the original bytes and the reason, and lets the stream go on. The dead-letter
 * records travel in the task's own transaction (KIP-1034), so under exactly_once_v2 a record is either
 * processed or dead-lettered, never lost and never both.
 *
 * <p>Configured through the Streams properties: {@value #TOPIC_CONFIG} (full topic name) and the schema
 * registry settings; the application name is {@code application.id}. Retriable production errors are
 * retried rather than dead-lettered. Each letter is counted on the app's registry, handed through the same
 * configuration ({@link Metrics#REGISTRY_CONFIG}), as {@value DeadLetterMeter#NAME}.
 */
public final class DeadLetterHandler
        implements DeserializationExceptionHandler, ProcessingExceptionHandler, ProductionExceptionHandler {

    public static final String TOPIC_CONFIG = "encore.dead.letter.topic";

    /** Bad input (undecodable bytes, rejected records) is logged without a stack trace: it is not a bug. */
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    private String topic;
    private String application;
    private Serializer<DeadLetter> serializer;
    private DeadLetterMeter meter;

    @Override
    public void configure(Map<String, ?> configs) {
        Object configuredTopic = configs.get(TOPIC_CONFIG);
        if (configuredTopic == null || configuredTopic.toString().isBlank()) {
            throw new ConfigException(TOPIC_CONFIG, configuredTopic, "the dead-letter topic must be set");
        }
        topic = configuredTopic.toString();
        application = String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG));
        Object autoRegister = configs.get(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS_CONFIG);
        AvroWireFormat format = new AvroWireFormat(SchemaRegistryClients.create(RegistryClientConfig.from(configs)),
                autoRegister == null || Boolean.parseBoolean(autoRegister.toString()));
        serializer = AvroSerde.specific(DeadLetter.class, format, false).serializer();
        meter = new DeadLetterMeter(Metrics.registry(configs));
        registerSchemaNow(format);
    }

    /**
     * Registers the dead-letter schema while the registry is reachable (at start), so that dead-lettering needs
     * no registry later: during a registry outage the records that cannot be decoded are exactly the ones to
     * dead-letter, and a handler that threw then would stop the stream thread (CrashIT found profile-stream in
     * ERROR that way). If the registry is away at start, the first dead letter registers it instead.
     */
    private void registerSchemaNow(AvroWireFormat format) {
        try {
            format.schemaId(topic, false, DeadLetter.getClassSchema());
        } catch (SerializationException e) {
            LOG.warn("Cannot register the dead-letter schema for {} now; the first dead letter will: {}", topic,
                    e.getMessage());
        }
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                                ConsumerRecord<byte[], byte[]> record,
                                                                Exception exception) {
        DeadLetters.Origin origin = new DeadLetters.Origin(record.topic(), record.partition(), record.offset(),
                record.key(), record.value(), record.headers());
        return DeserializationExceptionHandler.Response.resume(
                letter(FailureStage.DESERIALIZATION, exception, origin, false));
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
                                                           Exception exception) {
        return ProcessingExceptionHandler.Response.resume(letter(FailureStage.PROCESSING, exception, origin(context),
                false));
    }

    @Override
    public ProductionExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                           ProducerRecord<byte[], byte[]> record,
                                                           Exception exception) {
        if (exception instanceof RetriableException) {
            return ProductionExceptionHandler.Response.retry();
        }
        DeadLetters.Origin origin = new DeadLetters.Origin(record.topic(), record.partition(), null, record.key(),
                record.value(), record.headers());
        return ProductionExceptionHandler.Response.resume(letter(FailureStage.PRODUCTION, exception, origin, false));
    }

    @Override
    @SuppressWarnings("rawtypes") // the interface hands over the record before serialization, untyped
    public ProductionExceptionHandler.Response handleSerializationError(ErrorHandlerContext context,
                                                                        ProducerRecord record, Exception exception,
                                                                        SerializationExceptionOrigin serializationOrigin) {
        return ProductionExceptionHandler.Response.resume(letter(FailureStage.PRODUCTION, exception, origin(context),
                true));
    }

    private static DeadLetters.Origin origin(ErrorHandlerContext context) {
        boolean hasOffset = context.offset() >= 0;
        return new DeadLetters.Origin(context.topic(), hasOffset ? context.partition() : null,
                hasOffset ? context.offset() : null, context.sourceRawKey(), context.sourceRawValue(),
                context.headers());
    }

    private List<ProducerRecord<byte[], byte[]>> letter(FailureStage stage, Exception exception,
                                                        DeadLetters.Origin origin, boolean serialization) {
        String reason = DeadLetters.reason(exception);
        if (exception instanceof RejectedRecordException || stage == FailureStage.DESERIALIZATION) {
            LOG.warn("Dead-lettering a record from {}-{}@{} at {}: {}", origin.topic(), origin.partition(),
                    origin.offset(), stage, reason);
        } else {
            LOG.error("Dead-lettering a record from {}-{}@{} at {} after an unexpected failure: {}", origin.topic(),
                    origin.partition(), origin.offset(), stage, reason, exception);
        }
        DeadLetter letter = DeadLetters.letter(application, stage, reason, exception, origin, Instant.now());
        List<ProducerRecord<byte[], byte[]>> records = List.of(DeadLetters.record(topic, letter, serializer));
        meter.count(stage, DeadLetterMeter.categorize(stage, exception, serialization));
        return records;
    }
}
