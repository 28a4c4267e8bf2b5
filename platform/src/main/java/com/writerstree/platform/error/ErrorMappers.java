package com.writerstree.platform.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.writerstree.platform.web.RequestIds;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one exception-to-envelope mapping of the suite (§7.1). Every service gets it from the platform jar. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e, HttpServerRequest request) {
        return respond(e.status(), ErrorEnvelope.of(e, requestId(request)));
    }

    @ServerExceptionMapper({
        ConstraintViolationException.class,
        io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException.class
    })
    public Response violations(ConstraintViolationException e, HttpServerRequest request) {
        List<Map<String, Object>> fields = e.getConstraintViolations().stream()
                .map(ErrorMappers::violation)
                .sorted((a, b) -> String.valueOf(a.get("field")).compareTo(String.valueOf(b.get("field"))))
                .toList();
        Map<String, Object> details = new LinkedHashMap<>();
        if (!fields.isEmpty()) {
            details.put("field", fields.get(0).get("field"));
            details.put("violations", fields);
        }
        String message = fields.isEmpty()
                ? ErrorCode.VALIDATION_ERROR.defaultMessage()
                : fields.get(0).get("field") + ": " + fields.get(0).get("message");
        return respond(400, ErrorEnvelope.of(ErrorCode.VALIDATION_ERROR.name(), message, details, requestId(request)));
    }

    @ServerExceptionMapper({
        JsonProcessingException.class,
        JsonMappingException.class,
        MismatchedInputException.class,
        InvalidFormatException.class,
        JsonParseException.class
    })
    public Response json(JsonProcessingException e, HttpServerRequest request) {
        Map<String, Object> details = new LinkedHashMap<>();
        String message;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            details.put("field", field);
            if (mapping instanceof MismatchedInputException mismatch
                    && mismatch.getTargetType() != null
                    && mismatch.getTargetType().isEnum()) {
                details.put(
                        "allowed",
                        Arrays.stream(mismatch.getTargetType().getEnumConstants())
                                .map(Object::toString)
                                .toList());
                message = field + " has an unknown value";
            } else {
                message = field + " has the wrong type or format";
            }
        } else {
            message = "Malformed JSON request body";
        }
        return respond(400, ErrorEnvelope.of(ErrorCode.VALIDATION_ERROR.name(), message, details, requestId(request)));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, HttpServerRequest request) {
        ErrorCode code = request.getHeader("Authorization") != null || hasCookie(request)
                ? ErrorCode.INVALID_TOKEN
                : ErrorCode.AUTHENTICATION_REQUIRED;
        return respond(401, ErrorEnvelope.of(code.name(), code.defaultMessage(), Map.of(), requestId(request)));
    }

    @ServerExceptionMapper(ForbiddenException.class)
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(
                403,
                ErrorEnvelope.of(
                        ErrorCode.FORBIDDEN.name(),
                        ErrorCode.FORBIDDEN.defaultMessage(),
                        Map.of(),
                        requestId(request)));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        ErrorCode code = switch (status) {
            case 400 -> ErrorCode.VALIDATION_ERROR;
            case 401 -> ErrorCode.AUTHENTICATION_REQUIRED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCode.RATE_LIMIT_EXCEEDED;
            case 503 -> ErrorCode.EXTERNAL_SERVICE_ERROR;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.VALIDATION_ERROR;
        };
        if (status >= 500) {
            LOG.errorf(e, "Request failed with status %d", status);
        }
        String message = status == 400 ? "Malformed request" : code.defaultMessage();
        return respond(status, ErrorEnvelope.of(code.name(), message, Map.of(), requestId(request)));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (databaseUnreachable(e)) {
            // the database is down, restarting or refusing connections: a 503 the client may retry, not a 500;
            // one line, no stack trace (the pool reconnects by itself when the database is back)
            LOG.warnf("Database unreachable on %s %s: %s", request.method(), request.path(), rootMessage(e));
            return respond(
                    503,
                    ErrorEnvelope.of(
                            ErrorCode.DATABASE_ERROR.name(),
                            "Database temporarily unavailable, please retry",
                            Map.of(),
                            requestId(request)));
        }
        LOG.errorf(e, "Unexpected failure on %s %s", request.method(), request.path());
        return respond(
                500,
                ErrorEnvelope.of(
                        ErrorCode.INTERNAL_ERROR.name(),
                        ErrorCode.INTERNAL_ERROR.defaultMessage(),
                        Map.of(),
                        requestId(request)));
    }

    /**
     * Whether {@code e} comes from the database being unreachable: SQLState class 08 (connection exception),
     * 57P01-57P03 (terminated by the administrator, shutting down, cannot connect now), 55000 on connect (the
     * database does not accept connections), 53300 (too many connections), or the pool's acquisition timeout.
     */
    static boolean databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState();
                String message = String.valueOf(sql.getMessage());
                if (state != null
                        && (state.startsWith("08")
                                || state.startsWith("57P")
                                || state.equals("53300")
                                || (state.equals("55000")
                                        && message.contains("not currently accepting connections")))) {
                    return true;
                }
                if (message.contains("Acquisition timeout")) {
                    return true;
                }
            }
            if (t.getClass().getName().endsWith("JDBCConnectionException")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static Map<String, Object> violation(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        // drop the "method.argN." prefix of parameter validation: clients know the JSON field only
        String[] parts = path.split("\\.");
        String field = parts.length > 2
                ? String.join(".", Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", field);
        m.put("message", v.getMessage());
        return m;
    }

    private static boolean hasCookie(HttpServerRequest request) {
        String cookie = request.getHeader("Cookie");
        return cookie != null && cookie.contains("auth_token=");
    }

    private static String requestId(HttpServerRequest request) {
        return request.getHeader(RequestIds.HEADER);
    }

    static Response respond(int status, ErrorEnvelope envelope) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(envelope)
                .build();
    }
}
