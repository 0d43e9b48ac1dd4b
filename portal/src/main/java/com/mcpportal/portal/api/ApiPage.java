package com.mcpportal.portal.api;

import java.util.List;

/**
 * One page of a REST list: {@code items}, and {@code next}, the opaque cursor for the following page (null on the
 * last one). Clients pass it back as {@code ?cursor=…}; lists are keyset-paged, never OFFSET.
 */
public record ApiPage<T>(List<T> items, String next) {
}
