package com.mcpportal.portal.api;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors of {@code /api/**} requests that no REST controller received (an unknown path, a method or media type the
 * path does not take): problem JSON like {@link ApiProblemAdvice}'s, not the HTML error page. Other paths are
 * left to the pages' error handling (rethrowing the same exception hands it on unchanged).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiRouteAdvice {

    @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
            HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class})
    ResponseEntity<ProblemDetail> unrouted(Exception e, HttpServletRequest request) throws Exception {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            throw e;
        }
        if (e instanceof HttpRequestMethodNotSupportedException method) {
            ResponseEntity<ProblemDetail> problem = ApiProblemAdvice.problem(HttpStatus.METHOD_NOT_ALLOWED,
                    "http-405", "Method not allowed", "This path does not take " + method.getMethod() + ".", null);
            HttpHeaders headers = new HttpHeaders();
            headers.putAll(problem.getHeaders());
            if (method.getSupportedHttpMethods() != null) {
                headers.setAllow(method.getSupportedHttpMethods());
            }
            return new ResponseEntity<>(problem.getBody(), headers, HttpStatus.METHOD_NOT_ALLOWED);
        }
        if (e instanceof HttpMediaTypeNotSupportedException) {
            return ApiProblemAdvice.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "http-415", "Unsupported media type",
                    "Send the request body as application/json.", null);
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return ApiProblemAdvice.problem(HttpStatus.NOT_ACCEPTABLE, "http-406", "Not acceptable",
                    "This path answers application/json.", null);
        }
        return ApiProblemAdvice.problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "No such API path; see /v3/api-docs for the paths there are.", null);
    }
}
