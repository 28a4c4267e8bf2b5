import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes N ContentSaved events of random users (no socket anywhere) to a content-events topic, as the outbox
 * relay does (key = project id, header wt-user-id unless "noheader"), for measuring what a gateway replica pays per
 * event of users it holds no socket of. Needs kafka-clients on the class path:
 *   java -cp '<kafka>/lib/*' deploy/bench/cpu/FanOutLoad.java 127.0.0.1:9092 perf.content-events 20000 [noheader]
 */
public class FanOutLoad {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String topic = args[1];
        int count = Integer.parseInt(args[2]);
        boolean header = !(args.length > 3 && args[3].equals("noheader"));
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("acks", "1");
        props.put("linger.ms", "5");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                UUID user = UUID.randomUUID();
                UUID project = UUID.randomUUID();
                String now = Instant.now().toString();
                String json = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"" + now + "\",\"userId\":\""
                        + user + "\",\"projectId\":\"" + project + "\",\"version\":" + (i + 1)
                        + ",\"wordCount\":2000,\"wordDelta\":1,\"savedAt\":\"" + now
                        + "\",\"origin\":null,\"type\":\"ContentSaved\"}";
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, project.toString(), json);
                if (header) {
                    record.headers().add("wt-user-id", user.toString().getBytes(StandardCharsets.US_ASCII));
                }
                producer.send(record);
            }
            producer.flush();
        }
        System.out.println("sent " + count + " events to " + topic + (header ? " with" : " without") + " wt-user-id");
    }
}
