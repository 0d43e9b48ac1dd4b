package com.mcpportal.mcpserver.auth;

/** Where the reloadable key-set document comes from. */
public interface KeySetSource {

    /** Reads the current document; any exception means "keep the last good set". */
    String read() throws Exception;

    /** Names the source for logs and errors, e.g. the environment variable that configured it. */
    String describe();
}
