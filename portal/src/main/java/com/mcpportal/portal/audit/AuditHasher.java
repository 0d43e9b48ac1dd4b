package com.mcpportal.portal.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import tools.jackson.databind.json.JsonMapper;

/** SHA-256 of an audit row's canonical content and the previous row's hash: the links of the chain. */
public final class AuditHasher {

    /** The {@code prev_hash} of the first event. */
    public static final String GENESIS = "0".repeat(64);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditHasher() {
    }

    /**
     * The hash a row must carry. The canonical content is a JSON array of the fields in a fixed order, so no
     * value can be shifted into its neighbour (which plain concatenation would allow).
     */
    public static String hash(ChainedEvent event) {
        String canonical = JSON.writeValueAsString(Arrays.asList(
                event.id(), event.occurredAt().toString(), event.actor(), event.teamId(), event.action(),
                event.targetType(), event.targetId(), event.outcome().name(), event.clientIp(), event.userAgent(),
                event.details(), event.prevHash()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java runtime has SHA-256", ex);
        }
    }
}
