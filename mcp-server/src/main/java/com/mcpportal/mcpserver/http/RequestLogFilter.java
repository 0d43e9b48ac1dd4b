package com.mcpportal.mcpserver.http;

import com.mcpportal.mcpserver.log.JsonLog;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Outermost filter: times the request, counts it as in flight (for graceful shutdown), makes every
 * error answer safe JSON, and writes the one request log line (with the request's metrics).
 */
final class RequestLogFilter implements Filter {

    private final AtomicInteger inFlight;
    private final @Nullable EmfMetrics metrics;

    /** @param metrics the per-request metrics to add to each line, or {@code null} when they are off */
    RequestLogFilter(AtomicInteger inFlight, @Nullable EmfMetrics metrics) {
        this.inFlight = inFlight;
        this.metrics = metrics;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        long start = System.nanoTime();
        RequestRecord record = new RequestRecord(request.getMethod(), RouteFilter.path(request), request.getRequestURI(),
                RouteFilter.endpoint(request));
        record.client = request.getRemoteAddr();
        request.setAttribute(RequestRecord.ATTRIBUTE, record);
        SafeErrorResponse safe = new SafeErrorResponse(response, record);
        inFlight.incrementAndGet();
        record.bindToThread();
        try {
            chain.doFilter(request, safe);
            safe.finish();
        } catch (InvalidParameterException e) {
            // Tomcat decodes the query string when it is first read (the SDK reads sessionId): bad
            // percent-encoding or UTF-8 there is the client's doing, not a failure of the server.
            int status = e.getErrorCode() >= 400 && e.getErrorCode() < 500 ? e.getErrorCode() : 400;
            safe.refused(status, "Bad request: the query string cannot be decoded");
        } catch (IOException | ServletException | RuntimeException | Error e) {
            JsonLog.error("request_failed", "path", record.path, "error", e.toString());
            safe.failed();
        } finally {
            RequestRecord.unbindFromThread();
            inFlight.decrementAndGet();
            record.status = response.getStatus();
            record.write(System.nanoTime() - start, metrics);
        }
    }
}
