package com.mcpportal.portal.security;

import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.header.HeaderWriterFilter;

/**
 * Writes the security headers before the request goes on, not when the response commits. A streamed answer (the
 * audit export) commits on another thread while the request's own thread leaves the filter chain; lazily, both
 * threads then write the same headers at once (spring-security#9175, #15510): on Tomcat that can duplicate them,
 * and MockMvc's response fails with a ConcurrentModificationException. A controller that sets its own
 * {@code Cache-Control} still overrides the default with {@code setHeader}.
 */
public final class EagerSecurityHeaders implements ObjectPostProcessor<HeaderWriterFilter> {

    private EagerSecurityHeaders() {
    }

    /** The post-processor every filter chain that may stream an answer adds to its {@code headers()}. */
    public static ObjectPostProcessor<HeaderWriterFilter> writtenFirst() {
        return new EagerSecurityHeaders();
    }

    @Override
    public <O extends HeaderWriterFilter> O postProcess(O filter) {
        filter.setShouldWriteHeadersEagerly(true);
        return filter;
    }
}
