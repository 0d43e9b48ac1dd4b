package com.mcpportal.mcpserver.http;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * Tomcat's error page, as JSON: covers what happens outside our filters (unmapped paths, container
 * limits, exceptions). Tomcat's own HTML report, with server version and stack trace, never shows.
 */
public final class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(JsonErrors.body(JsonErrors.codeFor(status), JsonErrors.defaultMessage(status), null));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response is committed; nothing more to send.
        }
    }
}
