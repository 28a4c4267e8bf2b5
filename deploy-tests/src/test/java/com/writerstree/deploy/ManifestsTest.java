package com.writerstree.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every overlay (and the base, and each service's directory alone) builds with {@code kubectl kustomize}, every
 * object is valid for the Kubernetes API (strict fabric8 model), and the deployment policies hold: pinned images,
 * probes, requests and limits, non-root with a read-only root filesystem and no capabilities, graceful shutdown,
 * HPA + PDB + NetworkPolicy per service, selectors without versions, no secrets in ConfigMaps.
 */
class ManifestsTest {

    private static final Pattern SECRET_KEY =
            Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|JAAS|PRIVATE_KEY|ACCESS_KEY|API_KEY|CREDENTIAL$).*");
    private static final Pattern CREDENTIALS_IN_URL = Pattern.compile("[a-z][a-z0-9+.-]*://[^/\\s:@]*:[^/\\s@]+@");
    private static final Pattern PEM_KEY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");
    private static final List<String> VERSION_LABELS = List.of("app.kubernetes.io/version", "version", "helm.sh/chart");

    static Stream<String> kustomizations() throws IOException {
        List<String> dirs = new ArrayList<>();
        dirs.add("base");
        for (String svc : Manifests.SERVICES) {
            dirs.add("base/" + svc);
        }
        try (Stream<Path> overlays = Files.list(Manifests.k8s().resolve("overlays"))) {
            overlays.filter(Files::isDirectory)
                    .map(p -> "overlays/" + p.getFileName())
                    .sorted()
                    .forEach(dirs::add);
        }
        return dirs.stream();
    }

    private static final Map<String, Map<String, HasMetadata>> BUILT = new java.util.concurrent.ConcurrentHashMap<>();

    /** The objects of one kustomization, each read strictly (built once per test run). */
    static Map<String, HasMetadata> load(String dir) {
        return BUILT.computeIfAbsent(
                dir, d -> read(d, Manifests.build(Manifests.k8s().resolve(d))));
    }

    static Map<String, HasMetadata> read(String dir, String yaml) {
        Map<String, HasMetadata> objects = new HashMap<>();
        for (ObjectNode doc : Manifests.documents(yaml)) {
            HasMetadata o = Manifests.strict(doc);
            String id = Manifests.id(doc);
            assertFalse(objects.containsKey(id), dir + ": " + id + " is declared twice");
            objects.put(id, o);
        }
        assertFalse(objects.isEmpty(), dir + " builds to nothing");
        return objects;
    }

    @Test
    void theOverlaysAnOperatorUsesExist() throws IOException {
        List<String> dirs = kustomizations().toList();
        assertTrue(dirs.contains("overlays/dev") && dirs.contains("overlays/prod"), dirs.toString());
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyObjectIsValidForTheKubernetesApi(String dir) {
        // load() reads every object strictly and fails on the first unknown field, kind or wrong type
        Map<String, HasMetadata> objects = load(dir);
        objects.values().stream().filter(Objects::nonNull).forEach(o -> {
            assertNotNull(o.getMetadata().getName(), dir + ": an object without a name");
            assertTrue(
                    o.getMetadata().getName().matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?"),
                    dir + ": invalid name " + o.getMetadata().getName());
        });
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void policiesHold(String dir) {
        Map<String, HasMetadata> objects = load(dir);
        List<Deployment> services = ofKind(objects, Deployment.class).stream()
                .filter(ManifestsTest::isSuiteService)
                .toList();
        if (dir.startsWith("base/")) {
            assertEquals(1, services.size(), dir + " holds exactly its own service");
        } else {
            assertEquals(Manifests.SERVICES.size(), services.size(), dir + ": one Deployment per service");
        }
        for (Deployment d : services) {
            checkDeployment(dir, d, objects);
        }
        for (HasMetadata o : objects.values()) {
            if (o == null) {
                continue;
            }
            podSpec(o).ifPresent(spec -> spec.getContainers().forEach(c -> checkImage(dir, o, c)));
        }
        for (ConfigMap cm : ofKind(objects, ConfigMap.class)) {
            checkNoSecrets(dir, cm);
        }
    }

    @Test
    void productionReachesTheEnginesOverTlsAndTheGatewayOverTls() {
        Map<String, HasMetadata> prod = load("overlays/prod");
        ConfigMap config = ofKind(prod, ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals("writerstree-config"))
                .findFirst()
                .orElseThrow();
        Map<String, String> env = config.getData();
        assertEquals("verify-full", env.get("DB_SSLMODE"));
        assertEquals("SASL_SSL", env.get("KAFKA_SECURITY_PROTOCOL"));
        assertEquals("REQUIRED", env.get("SMTP_START_TLS"));
        assertEquals("default", env.get("S3_CREDENTIALS_TYPE"), "IAM role of the pod, not static keys");
        assertTrue(env.get("APP_URL").startsWith("https://"), "mail links point at the site, not localhost");
        assertEquals("true", env.get("COOKIE_SECURE"));
        assertFalse(env.getOrDefault("GATEWAY_TRUSTED_PROXIES", "").isBlank(), "the per-IP limit needs the proxies");
        assertFalse(env.containsKey("REDIS_URL"), "REDIS_URL may carry a password: a Secret, not the ConfigMap");
        for (Ingress ingress : ofKind(prod, Ingress.class)) {
            assertFalse(
                    ingress.getSpec().getTls().isEmpty(), ingress.getMetadata().getName() + " without TLS");
            assertEquals(
                    ingress.getSpec().getRules().get(0).getHost(),
                    ingress.getSpec().getTls().get(0).getHosts().get(0));
            Map<String, String> a = ingress.getMetadata().getAnnotations();
            assertTrue(
                    Integer.parseInt(a.get("nginx.ingress.kubernetes.io/proxy-read-timeout")) >= 3600,
                    "WebSockets outlive the default 60 s proxy timeout");
        }
        Ingress socketIo = ofKind(prod, Ingress.class).stream()
                .filter(i -> i.getSpec()
                        .getRules()
                        .get(0)
                        .getHttp()
                        .getPaths()
                        .get(0)
                        .getPath()
                        .equals("/socket.io/"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Ingress for /socket.io/"));
        assertEquals("cookie", socketIo.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/affinity"));
        Deployment identity = deployment(prod, "identity-service");
        Map<String, String> identityEnv = env(identity);
        assertEquals("false", identityEnv.get("IDENTITY_JWT_GENERATE_IF_MISSING"));
        assertFalse(identityEnv.get("IDENTITY_JWT_ACTIVE_KEY").isBlank(), "production names its signing key");
        String keyDir = identityEnv.get("IDENTITY_JWT_KEY_DIR");
        PodSpec pod = identity.getSpec().getTemplate().getSpec();
        String volume = pod.getContainers().get(0).getVolumeMounts().stream()
                .filter(m -> m.getMountPath().equals(keyDir))
                .findFirst()
                .orElseThrow(() -> new AssertionError("identity's key dir is not mounted"))
                .getName();
        assertTrue(
                pod.getVolumes().stream()
                        .anyMatch(v -> v.getName().equals(volume)
                                && v.getSecret() != null
                                && !Boolean.TRUE.equals(v.getSecret().getOptional())),
                "identity's keys come from a (required) Secret volume");
        assertTrue(
                ofKind(prod, Secret.class).isEmpty(), "production Secrets are created by the operator, never in git");
    }

    @Test
    void onlyTheIngressControllerReachesTheGatewayAndOnlyCallersReachAService() {
        Map<String, HasMetadata> prod = load("overlays/prod");
        for (String svc : Manifests.SERVICES) {
            NetworkPolicy np = ofKind(prod, NetworkPolicy.class).stream()
                    .filter(p -> p.getMetadata().getName().equals(svc))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no NetworkPolicy for " + svc));
            List<NetworkPolicyPeer> peers = np.getSpec().getIngress().stream()
                    .flatMap(r -> r.getFrom().stream())
                    .toList();
            for (NetworkPolicyPeer peer : peers) {
                assertTrue(peer.getIpBlock() == null, svc + ": no ipBlock ingress");
                if (peer.getNamespaceSelector() != null) {
                    String ns = peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
                    assertTrue(
                            ns.equals("monitoring") || (svc.equals("sync-gateway") && ns.equals("ingress-nginx")),
                            svc + " reachable from namespace " + ns);
                } else {
                    assertEquals(
                            "true",
                            peer.getPodSelector().getMatchLabels().get("calls.writerstree.com/" + svc),
                            svc + ": only pods that declare they call it");
                }
            }
        }
        // the gateway declares every service it routes to, and no service declares it calls the gateway
        Map<String, String> gatewayLabels = deployment(prod, "sync-gateway")
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getLabels();
        for (String svc : Manifests.SERVICES) {
            if (!svc.equals("sync-gateway")) {
                assertEquals("true", gatewayLabels.get("calls.writerstree.com/" + svc), "gateway -> " + svc);
            }
        }
        NetworkPolicy deny = ofKind(prod, NetworkPolicy.class).stream()
                .filter(p -> p.getMetadata().getName().equals("writerstree-default-deny"))
                .findFirst()
                .orElseThrow();
        assertTrue(deny.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")));
        assertTrue(deny.getSpec().getIngress().isEmpty());
    }

    @Test
    void theDevelopmentOverlayRunsWithoutExternalSecrets() {
        Map<String, HasMetadata> dev = load("overlays/dev");
        List<String> secrets = ofKind(dev, Secret.class).stream()
                .map(s -> s.getMetadata().getName())
                .toList();
        for (Deployment d : ofKind(dev, Deployment.class).stream()
                .filter(ManifestsTest::isSuiteService)
                .toList()) {
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            c.getEnvFrom().stream()
                    .filter(e -> e.getSecretRef() != null
                            && !Boolean.TRUE.equals(e.getSecretRef().getOptional()))
                    .forEach(e -> assertTrue(
                            secrets.contains(e.getSecretRef().getName()),
                            d.getMetadata().getName() + " needs Secret "
                                    + e.getSecretRef().getName()));
        }
        // the roles the Job creates are the users the services log in with
        for (Secret s : ofKind(dev, Secret.class)) {
            String name = s.getMetadata().getName();
            if (name.endsWith("-service-db")) {
                String user = decode(s, "DB_USER");
                assertEquals("wt_" + name.substring(0, name.indexOf("-service-db")), user, name);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void checkDeployment(String dir, Deployment d, Map<String, HasMetadata> objects) {
        String name = d.getMetadata().getName();
        String where = dir + ": " + name;
        Map<String, String> selector = d.getSpec().getSelector().getMatchLabels();
        assertEquals(name, selector.get("app.kubernetes.io/name"), where + " selector");
        VERSION_LABELS.forEach(l -> assertFalse(selector.containsKey(l), where + ": version in the selector"));
        assertTrue(
                d.getSpec().getSelector().getMatchExpressions() == null
                        || d.getSpec().getSelector().getMatchExpressions().isEmpty(),
                where);
        assertEquals(
                null, d.getSpec().getReplicas(), where + ": replicas are the HPA's (an apply must not reset them)");

        PodSpec pod = d.getSpec().getTemplate().getSpec();
        assertTrue(Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot()), where + " runAsNonRoot");
        assertTrue(pod.getSecurityContext().getRunAsUser() > 0, where + " runAsUser");
        assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), where + " service account token");
        assertEquals(name, pod.getServiceAccountName(), where + " own service account");
        assertTrue(pod.getTopologySpreadConstraints().size() >= 1, where + " topology spread");
        assertEquals(1, pod.getContainers().size(), where);
        Container c = pod.getContainers().get(0);
        assertNotNull(c.getReadinessProbe(), where + " readiness probe");
        assertNotNull(c.getLivenessProbe(), where + " liveness probe");
        assertNotNull(c.getStartupProbe(), where + " startup probe (Flyway at start-up)");
        for (String r : List.of("cpu", "memory")) {
            assertNotNull(c.getResources().getRequests().get(r), where + " request " + r);
            assertNotNull(c.getResources().getLimits().get(r), where + " limit " + r);
        }
        assertTrue(
                bytes(c.getResources().getLimits().get("memory"))
                        >= bytes(c.getResources().getRequests().get("memory")),
                where);
        var sc = c.getSecurityContext();
        assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem(), where + " readOnlyRootFilesystem");
        assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), where + " allowPrivilegeEscalation");
        assertEquals(List.of("ALL"), sc.getCapabilities().getDrop(), where + " drop ALL capabilities");
        assertTrue(
                c.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")),
                where + ": a writable /tmp (emptyDir) under the read-only root");
        Map<String, String> env = env(d);
        assertTrue(
                env.getOrDefault("JAVA_OPTS", "").contains("MaxRAMPercentage"),
                where + ": the JVM sizes its heap from the container limit");
        assertEquals("0.0.0.0", env.get("HTTP_HOST"), where);

        // graceful shutdown: preStop sleep + quarkus.shutdown.timeout fit in the grace period
        List<String> preStop = c.getLifecycle().getPreStop().getExec().getCommand();
        assertEquals("sleep", preStop.get(0), where + " preStop");
        long grace = pod.getTerminationGracePeriodSeconds();
        long sleep = Long.parseLong(preStop.get(1));
        long shutdown = sharedConfig(objects)
                .map(m -> m.get("SHUTDOWN_TIMEOUT"))
                .map(v -> Long.parseLong(v.replace("s", "")))
                .orElse(20L);
        assertTrue(
                sleep + shutdown + 5 <= grace,
                where + ": preStop " + sleep + "s + shutdown " + shutdown
                        + "s + 5s for the relay and Kafka clients must fit in terminationGracePeriodSeconds " + grace);

        // a rollback to the previous image starts on the newer schema (Flyway ignores migrations it does not know)
        sharedConfig(objects).ifPresent(shared -> {
            String patterns = shared.getOrDefault("QUARKUS_FLYWAY_IGNORE_MIGRATION_PATTERNS", "");
            assertTrue(
                    patterns.contains("*:future") && patterns.contains("*:missing"),
                    where + ": QUARKUS_FLYWAY_IGNORE_MIGRATION_PATTERNS lets a rolled-back image start: " + patterns);
        });

        // each service has its Service, HPA, PDB and NetworkPolicy, all selecting it by name only
        Service svc = one(objects, Service.class, name, where);
        assertEquals(selector, svc.getSpec().getSelector(), where + ": Service selects the pods");
        HorizontalPodAutoscaler hpa = one(objects, HorizontalPodAutoscaler.class, name, where);
        assertEquals(name, hpa.getSpec().getScaleTargetRef().getName());
        assertTrue(hpa.getSpec().getMinReplicas() >= 1
                && hpa.getSpec().getMaxReplicas() >= hpa.getSpec().getMinReplicas());
        if (dir.equals("overlays/prod")) {
            assertTrue(hpa.getSpec().getMinReplicas() >= 2, where + ": production runs two replicas at least");
        }
        assertTrue(hpa.getSpec().getMetrics().stream()
                .anyMatch(m ->
                        m.getResource() != null && m.getResource().getName().equals("cpu")));
        PodDisruptionBudget pdb = one(objects, PodDisruptionBudget.class, name, where);
        assertEquals(selector, pdb.getSpec().getSelector().getMatchLabels(), where + " PDB selector");
        NetworkPolicy np = one(objects, NetworkPolicy.class, name, where);
        assertEquals(selector, np.getSpec().getPodSelector().getMatchLabels(), where + " NetworkPolicy selector");
        assertTrue(np.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")), where);
    }

    private static void checkImage(String dir, HasMetadata o, Container c) {
        String image = c.getImage();
        String where = dir + ": " + o.getKind() + "/" + o.getMetadata().getName() + " image " + image;
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        assertTrue(colon > slash || image.contains("@sha256:"), where + ": no tag (means :latest)");
        assertFalse(image.endsWith(":latest"), where + ": :latest");
    }

    private static void checkNoSecrets(String dir, ConfigMap cm) {
        String where = dir + ": ConfigMap " + cm.getMetadata().getName();
        Map<String, String> data = Optional.ofNullable(cm.getData()).orElse(Map.of());
        data.forEach((k, v) -> {
            if (SECRET_KEY.matcher(k).matches() && v != null && !v.isBlank()) {
                fail(where + ": " + k + " looks like a secret; put it in a Secret");
            }
            if (v != null && CREDENTIALS_IN_URL.matcher(v).find()) {
                fail(where + ": " + k + " carries credentials in a URL");
            }
            if (v != null && PEM_KEY.matcher(v).find()) {
                fail(where + ": " + k + " holds a private key");
            }
        });
    }

    static boolean isSuiteService(Deployment d) {
        return Manifests.SERVICES.contains(d.getMetadata().getName())
                && "writers-tree".equals(d.getMetadata().getLabels().get("app.kubernetes.io/part-of"));
    }

    static <T> List<T> ofKind(Map<String, HasMetadata> objects, Class<T> type) {
        return objects.values().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    private static <T extends HasMetadata> T one(
            Map<String, HasMetadata> objects, Class<T> type, String name, String where) {
        return ofKind(objects, type).stream()
                .filter(o -> o.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(where + ": no " + type.getSimpleName() + " " + name));
    }

    static Deployment deployment(Map<String, HasMetadata> objects, String name) {
        return one(objects, Deployment.class, name, name);
    }

    static Map<String, String> env(Deployment d) {
        Map<String, String> env = new HashMap<>();
        for (EnvVar e :
                d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
            env.put(e.getName(), e.getValue() == null ? "<from " + e.getValueFrom() + ">" : e.getValue());
        }
        return env;
    }

    private static Optional<Map<String, String>> sharedConfig(Map<String, HasMetadata> objects) {
        return ofKind(objects, ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals("writerstree-config"))
                .map(ConfigMap::getData)
                .findFirst();
    }

    static Optional<PodSpec> podSpec(HasMetadata o) {
        if (o instanceof Deployment d) {
            return Optional.of(d.getSpec().getTemplate().getSpec());
        }
        if (o instanceof Job j) {
            return Optional.of(j.getSpec().getTemplate().getSpec());
        }
        return Optional.empty();
    }

    private static long bytes(Quantity q) {
        return Quantity.getAmountInBytes(q).longValue();
    }

    private static String decode(Secret s, String key) {
        if (s.getStringData() != null && s.getStringData().containsKey(key)) {
            return s.getStringData().get(key);
        }
        return new String(Base64.getDecoder().decode(s.getData().get(key)));
    }
}
