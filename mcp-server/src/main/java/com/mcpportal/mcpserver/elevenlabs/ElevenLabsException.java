package com.mcpportal.mcpserver.elevenlabs;

import org.jspecify.annotations.Nullable;

/**
 * ElevenLabs answered with an error, or could not be reached. Carries ElevenLabs' own status
 * code (e.g. {@code voice_not_found}, {@code quota_exceeded}) and message for the tool result.
 */
public final class ElevenLabsException extends RuntimeException {

    private final int httpStatus;
    private final @Nullable String code;

    public ElevenLabsException(int httpStatus, @Nullable String code, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    public ElevenLabsException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = 0;
        this.code = "unreachable";
    }

    /** HTTP status, or 0 when no answer came back. */
    public int httpStatus() {
        return httpStatus;
    }

    /** ElevenLabs' machine-readable status such as {@code voice_not_found}, or null. */
    public @Nullable String code() {
        return code;
    }

    /** One line for the client: what failed, with ElevenLabs' own words. */
    public String describe() {
        if (httpStatus == 0) {
            return "ElevenLabs API could not be reached: " + getMessage();
        }
        StringBuilder text = new StringBuilder("ElevenLabs API error (HTTP ").append(httpStatus);
        if (code != null) {
            text.append(' ').append(code);
        }
        return text.append("): ").append(getMessage()).toString();
    }
}
