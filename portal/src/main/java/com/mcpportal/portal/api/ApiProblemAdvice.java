package com.mcpportal.portal.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mcpportal.portal.web.BusyException;
import com.mcpportal.portal.web.ConflictException;
import com.mcpportal.portal.web.InvalidFieldsException;
import com.mcpportal.portal.web.InvalidInputException;
import com.mcpportal.portal.web.NotFoundException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of a REST controller as RFC 9457 problem details ({@code application/problem+json}): 404 for what the
 * caller may not see, 403 for a missing role, 409 for a state conflict, 422 for refused input (with {@code errors}:
 * field and message each), 400 for unreadable JSON, 500 without details for a bug (logged here, never shown).
 * A 409 whose cause passes by itself (an operation still running) has the type {@code busy} and {@code Retry-After}.
 * The pages keep their own error handling: this advice applies to {@code @RestController}s only.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

    /** Problem {@code type} URIs: stable, documented in the OpenAPI description, not resolvable. */
    public static final String TYPE_BASE = "urn:mcp-portal:problem:";

    /** Seconds a client waits before repeating a request that met a running operation (most steps take longer). */
    static final long BUSY_RETRY_AFTER_SECONDS = 5;

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ProblemDetail> notFound(Exception e) {
        String detail = e instanceof NotFoundException ? e.getMessage() : "No such resource.";
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail, null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage(), null);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage(), null);
    }

    /** A conflict that passes by itself: type {@code busy}, the operation in the way, and when to try again. */
    @ExceptionHandler(BusyException.class)
    ResponseEntity<ProblemDetail> busy(BusyException e) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.CONFLICT, "busy", "Busy", e.getMessage(), null);
        if (e.operationId() != null) {
            answer.getBody().setProperty("operationId", e.operationId());
        }
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(BUSY_RETRY_AFTER_SECONDS)).body(answer.getBody());
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
        List<InvalidFieldsException.FieldMessage> errors = e.field() == null ? List.of()
                : List.of(new InvalidFieldsException.FieldMessage(e.field(), e.getMessage()));
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", "Invalid input", e.getMessage(), errors);
    }

    @ExceptionHandler(InvalidFieldsException.class)
    ResponseEntity<ProblemDetail> invalidFields(InvalidFieldsException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", "Invalid input", e.getMessage(),
                e.fieldMessages());
    }

    /** Bean Validation on a request body ({@code @Valid}): 422 with every refused field, like the rules above. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidFieldsException.FieldMessage> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new InvalidFieldsException.FieldMessage(error.getField(), error.getDefaultMessage()))
                .toList();
        String detail = errors.isEmpty() ? "The request body is not valid."
                : errors.size() + (errors.size() == 1 ? " field is" : " fields are") + " not valid.";
        return new ResponseEntity<>(problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", "Invalid input",
                detail, errors).getBody(), problemHeaders(), HttpStatus.UNPROCESSABLE_CONTENT);
    }

    /** Spring MVC's own errors (unreadable JSON, wrong method or media type) keep their status; details stay short. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail given ? given : ProblemDetail.forStatus(status);
        if (e instanceof org.springframework.http.converter.HttpMessageNotReadableException) {
            problem.setDetail("The request body is not valid JSON for this endpoint.");
        }
        problem.setType(URI.create(TYPE_BASE + "http-" + status.value()));
        HttpHeaders merged = new HttpHeaders();
        merged.putAll(headers);
        merged.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, merged, status);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse) {
            throw e; // handled by ResponseEntityExceptionHandler's own mapping above
        }
        log.error("REST API request failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The portal could not complete this request; the error is in its log.", null);
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail,
            List<InvalidFieldsException.FieldMessage> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        if (errors != null && !errors.isEmpty()) {
            problem.setProperty("errors", errors.stream()
                    .map(error -> Map.of("field", error.field(), "message", error.message())).toList());
        }
        return ResponseEntity.status(status).headers(problemHeaders()).body(problem);
    }

    private static HttpHeaders problemHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return headers;
    }
}
