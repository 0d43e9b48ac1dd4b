package com.mcpportal.portal.audit;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Client address and user agent of the HTTP request being served, if any. The address is what the servlet
 * container reports; behind a proxy, set {@code server.forward-headers-strategy=native} so it is the client's.
 */
public record RequestMetadata(String clientIp, String userAgent) {

    static final int MAX_USER_AGENT = 300;

    static final RequestMetadata NONE = new RequestMetadata(null, null);

    static RequestMetadata current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return NONE;
        }
        HttpServletRequest request = servlet.getRequest();
        return new RequestMetadata(truncate(request.getRemoteAddr(), 64),
                truncate(request.getHeader("User-Agent"), MAX_USER_AGENT));
    }

    public static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
