package com.writerstree.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay's producer gets every connection setting the consumers get (the shared {@code kafka.*}
 * configuration Quarkus builds from application.properties and the environment), so a broker secured with
 * TLS and SASL is reached by the relay too.
 */
class OutboxRelayProducerConfigTest {

    /** What Quarkus' default-kafka-broker map holds for a service configured like the production overlay. */
    private static Map<String, Object> securedBrokerConfig() {
        Map<String, Object> shared = new HashMap<>();
        shared.put("bootstrap.servers", "kafka-0.kafka:9094,kafka-1.kafka:9094");
        shared.put("security.protocol", "SASL_SSL");
        shared.put("sasl.mechanism", "SCRAM-SHA-512");
        shared.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";");
        shared.put("ssl.truststore.location", "/etc/writerstree/kafka-ca/ca.p12");
        shared.put("ssl.truststore.password", "changeit");
        shared.put("ssl.truststore.type", "PKCS12");
        shared.put("ssl.endpoint.identification.algorithm", "https");
        shared.put("tls-configuration-name", "kafka");
        // consumer-side settings the same map carries
        shared.put("group.id", "content-service");
        shared.put("auto.offset.reset", "earliest");
        shared.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        return shared;
    }

    @Test
    void everySecuritySettingReachesTheRelayProducer() {
        Properties props = OutboxRelay.producerProperties(securedBrokerConfig());

        assertEquals("kafka-0.kafka:9094,kafka-1.kafka:9094", props.get("bootstrap.servers"));
        assertEquals("SASL_SSL", props.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", props.get("sasl.mechanism"));
        assertTrue(props.get("sasl.jaas.config").toString().contains("ScramLoginModule"));
        assertEquals("/etc/writerstree/kafka-ca/ca.p12", props.get("ssl.truststore.location"));
        assertEquals("changeit", props.get("ssl.truststore.password"));
        assertEquals("PKCS12", props.get("ssl.truststore.type"));
        assertEquals("https", props.get("ssl.endpoint.identification.algorithm"));
        assertEquals("kafka", props.get("tls-configuration-name"), "Quarkus TLS registry name travels along");
    }

    @Test
    void consumerOnlySettingsStayWithTheConsumers() {
        Properties props = OutboxRelay.producerProperties(securedBrokerConfig());

        assertFalse(props.containsKey("group.id"));
        assertFalse(props.containsKey("auto.offset.reset"));
        assertFalse(props.containsKey("value.deserializer"));
    }

    @Test
    void theRelaysGuaranteesWinOverSharedTuning() {
        Map<String, Object> shared = securedBrokerConfig();
        shared.put("acks", "1");
        shared.put("enable.idempotence", "false");
        shared.put("linger.ms", "50");
        shared.put("compression.type", "zstd");

        Properties props = OutboxRelay.producerProperties(shared);

        assertEquals("all", props.get("acks"));
        assertEquals("true", props.get("enable.idempotence"));
        assertEquals("0", props.get("linger.ms"));
        assertEquals("outbox-relay", props.get("client.id"));
        assertEquals("zstd", props.get("compression.type"), "producer tuning the relay does not fix is kept");
    }

    @Test
    void withoutSharedSettingsTheRelayUsesTheLocalBroker() {
        Properties props = OutboxRelay.producerProperties(Map.of());

        assertEquals("127.0.0.1:9092", props.get("bootstrap.servers"));
        assertEquals("all", props.get("acks"));
    }

    @Test
    void kafkaAcceptsTheResultingProducerConfiguration() {
        // a real client built from the mapped settings (SASL/PLAIN logs in locally, without a connection):
        // a misspelt or mistyped key would fail here, not on the first production deploy
        Map<String, Object> shared = new HashMap<>();
        shared.put("bootstrap.servers", "127.0.0.1:1");
        shared.put("security.protocol", "SASL_PLAINTEXT");
        shared.put("sasl.mechanism", "PLAIN");
        shared.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"p\";");
        shared.put("group.id", "ignored-by-producers");
        Properties props = OutboxRelay.producerProperties(shared);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "1");

        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            assertTrue(producer.metrics().keySet().stream()
                    .anyMatch(name -> "outbox-relay".equals(name.tags().get("client-id"))));
        }
    }
}
