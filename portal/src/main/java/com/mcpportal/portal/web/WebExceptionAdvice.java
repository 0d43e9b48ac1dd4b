package com.mcpportal.portal.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Maps malformed ids in URLs ({@code /teams/abc}) to 404 like unknown ones, not to a 400 that looks like a bug. */
@ControllerAdvice
class WebExceptionAdvice {

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String malformedId() {
        return "error/404";
    }
}
