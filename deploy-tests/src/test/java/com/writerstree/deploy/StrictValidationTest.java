package com.writerstree.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strict reading used on every built manifest rejects what the API server would reject (or silently drop). */
class StrictValidationTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo
            spec:
              selector:
                matchLabels: {app: demo}
              template:
                metadata:
                  labels: {app: demo}
                spec:
                  containers:
                    - name: demo
                      image: demo:1.0.0
                      %s
            """;

    private static HasMetadata read(String yaml) {
        List<ObjectNode> docs = Manifests.documents(yaml);
        assertEquals(1, docs.size());
        return Manifests.strict(docs.get(0));
    }

    @Test
    void aValidObjectIsReadIntoItsModel() {
        HasMetadata o = read(DEPLOYMENT.formatted("imagePullPolicy: IfNotPresent"));
        assertTrue(o instanceof Deployment);
    }

    @Test
    void anUnknownFieldFails() {
        AssertionError e =
                assertThrows(AssertionError.class, () -> read(DEPLOYMENT.formatted("imagePullPolicyy: IfNotPresent")));
        assertTrue(e.getMessage().contains("imagePullPolicyy"), e.getMessage());
    }

    @Test
    void anUnknownFieldDeepInsideFails() {
        AssertionError e = assertThrows(
                AssertionError.class,
                () -> read(DEPLOYMENT.formatted("securityContext: {readOnlyRootFileSystem: true}")));
        assertTrue(e.getMessage().contains("readOnlyRootFileSystem"), e.getMessage());
    }

    @Test
    void aValueOfTheWrongTypeFails() {
        assertThrows(AssertionError.class, () -> read(DEPLOYMENT.formatted("ports: [{containerPort: http}]")));
    }

    @Test
    void anUnknownKindOrApiVersionFails() {
        assertThrows(AssertionError.class, () -> read(DEPLOYMENT.formatted("").replace("apps/v1", "apps/v1beta9")));
        assertThrows(AssertionError.class, () -> read("apiVersion: v1\nkind: ConfigMapp\nmetadata: {name: x}\n"));
    }

    @Test
    void aKafkaTopicWithAnUnknownFieldFails() {
        String topic = """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: t
                  labels: {strimzi.io/cluster: c}
                spec:
                  partitions: 3
                  replicas: 3
                  topicName: t
                  config: {}
                """;
        read(topic);
        assertThrows(AssertionError.class, () -> read(topic.replace("replicas: 3", "replicationFactor: 3")));
        assertThrows(AssertionError.class, () -> read(topic.replace("partitions: 3", "partitions: three")));
    }
}
