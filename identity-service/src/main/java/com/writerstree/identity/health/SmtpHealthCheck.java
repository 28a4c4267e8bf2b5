package com.writerstree.identity.health;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The mail server accepts a connection and greets with {@code 220} within 2 s. A wellness check, not a
 * readiness one: without SMTP identity still signs writers in (mails are sent later), so an SMTP outage must
 * not take identity out of the load balancer. It is reported at {@code /q/health} and {@code /q/health/well},
 * and the gateway's {@code /health} lists it as {@code smtp}.
 */
@Wellness
@ApplicationScoped
public class SmtpHealthCheck implements HealthCheck {

    private static final int TIMEOUT_MILLIS = 2000;

    private final String host;
    private final int port;

    public SmtpHealthCheck(
            @ConfigProperty(name = "quarkus.mailer.host") String host,
            @ConfigProperty(name = "quarkus.mailer.port") int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("SMTP").withData("host", host).withData("port", port);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            String greeting = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            if (greeting == null || !greeting.startsWith("220")) {
                return response.down().withData("error", "unexpected greeting").build();
            }
            OutputStream out = socket.getOutputStream();
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return response.up().build();
        } catch (IOException e) {
            return response.down()
                    .withData("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
